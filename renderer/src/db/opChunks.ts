/**
 * The oplog's storage (schema v14, issue 10 "writes and imports near raw speed"): ops are stored
 * in CHUNKS of up to OPS_PER_CHUNK, one IndexedDB row per chunk, instead of one row per op. A
 * tracked write of 100,000 records then costs ~100 log writes instead of 100,000 — the number
 * of write requests, not the tracking code, was what made tracked writes 3× a raw bulkPut.
 *
 * A chunk is never changed in place: a small append may REPLACE the newest small chunks by one
 * holding their ops and its own (opChunkAppend.ts), so single edits do not leave a row each. Its row:
 *   first   the smallest opId in it — unique, as every op is stored exactly once
 *   n       how many ops (primary key [first+n]: the op count is a keys-only read)
 *   heads   per node, the largest opId of that node in the chunk (multiEntry index): the version
 *           vector and the newest opId are read from index keys alone, and an export picks the
 *           chunks holding ops a receiver lacks without reading the others
 *   records `table:id` of every record the ops touch (multiEntry index): per-record history
 *           (sync import, 操作记录) reads only the chunks that mention the record
 *   ops     the SyncOps, in opId order
 *
 * Callers read the log through OpLog (`db.oplog`), which hides the layout. Databases still at a
 * version before 14 (migration tests create them) keep one row per op in the `oplog` store;
 * OpLog reads those too.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { SyncOp } from '../../../shared/sync/op';
import type { Vector } from '../../../shared/sync/vector';
import { appendOps } from './opChunkAppend';

/** Store of op chunks (schema v14). */
export const OP_CHUNKS_TABLE = 'opChunks';
/** Store of single ops, one row per op, before schema v14. */
export const LEGACY_OPLOG_TABLE = 'oplog';
/** Ops per chunk row: large enough that a bulk write costs few requests, small enough to read one. */
export const OPS_PER_CHUNK = 1000;

export interface OpChunk {
  first: string;
  n: number;
  heads: string[];
  records: string[];
  ops: SyncOp[];
}

/** The `records` index key of a record (table names have no ':'). */
export const recordKey = (table: string, id: string): string => `${table}:${id}`;

const byOpId = (a: SyncOp, b: SyncOp) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0);

/** Chunk rows for `ops` (any order; each op must be new to the log). */
export function chunkOps(ops: readonly SyncOp[], size: number = OPS_PER_CHUNK): OpChunk[] {
  let sorted = ops as SyncOp[];
  for (let i = 1; i < ops.length; i++) {
    if (ops[i - 1].opId > ops[i].opId) {
      sorted = [...ops].sort(byOpId);
      break;
    }
  }
  const chunks: OpChunk[] = [];
  for (let start = 0; start < sorted.length; start += size) {
    const part = sorted.slice(start, start + size);
    const heads = new Map<string, string>();
    const records = new Set<string>();
    for (const op of part) {
      heads.set(op.nodeId, op.opId); // opId order: the last one per node is its largest
      records.add(recordKey(op.table, op.id));
    }
    chunks.push({ first: part[0].opId, n: part.length, heads: [...heads.values()], records: [...records], ops: part });
  }
  return chunks;
}

const nodeOf = (opId: string) => opId.slice(opId.indexOf('-', opId.indexOf('-') + 1) + 1);

/** From this many wanted records on, one range read of the index may beat a lookup per record… */
const RANGE_READ_MIN_KEYS = 1000;
/** …namely when the range holds at most this many index entries per wanted record. */
const RANGE_READ_MAX_SPREAD = 8;

/**
 * Read access to the oplog (`db.oplog`), whatever its layout. Every method joins the caller's
 * Dexie transaction when it runs inside one that includes `storeNames`.
 */
export class OpLog {
  constructor(private readonly db: Dexie) {}

  /** True when this database stores chunks (schema v14 on). */
  get chunked(): boolean {
    return this.db.tables.some((t) => t.name === OP_CHUNKS_TABLE);
  }

  /** The stores holding the log: name them in a transaction that reads or writes it. */
  get storeNames(): string[] {
    return [this.chunked ? OP_CHUNKS_TABLE : LEGACY_OPLOG_TABLE];
  }

  private get chunks(): Table<OpChunk, [string, number]> {
    return this.db.table(OP_CHUNKS_TABLE);
  }

  private get legacy(): Table<SyncOp, string> {
    return this.db.table(LEGACY_OPLOG_TABLE);
  }

  /**
   * Adds ops new to the log (the sync import; local writes are logged by tracking.ts), in the
   * caller's transaction when it writes the log. A small import merges into the newest small
   * chunks like a local edit does (opChunkAppend.ts).
   */
  async append(ops: readonly SyncOp[]): Promise<void> {
    if (ops.length === 0) return;
    if (!this.chunked) {
      await this.legacy.bulkAdd([...ops]);
      return;
    }
    const write = (tx: Transaction) => appendOps(this.db.core.table(OP_CHUNKS_TABLE), tx.idbtrans, ops);
    const current = Dexie.currentTransaction as Transaction | null;
    if (current && current.mode === 'readwrite' && current.storeNames.includes(OP_CHUNKS_TABLE)) await write(current);
    else await this.db.transaction('rw', this.storeNames, (tx) => write(tx));
  }

  /** Number of ops (a keys-only read). */
  async count(): Promise<number> {
    if (!this.chunked) return this.legacy.count();
    const keys = (await this.chunks.toCollection().primaryKeys()) as [string, number][];
    return keys.reduce((sum, k) => sum + k[1], 0);
  }

  /** Every op, in opId order. */
  async toArray(): Promise<SyncOp[]> {
    if (!this.chunked) return this.legacy.orderBy(':id').toArray();
    return flatten(await this.chunks.toArray());
  }

  /** The largest opId ever written or imported here. */
  async lastOpId(): Promise<string | undefined> {
    if (!this.chunked) return (await this.legacy.orderBy(':id').lastKey()) as string | undefined;
    return (await this.chunks.orderBy('heads').lastKey()) as string | undefined;
  }

  /** Per node, the largest opId held here (the manifest `vector`, vector.ts): index keys only. */
  async vector(): Promise<Vector> {
    const keys = this.chunked ? ((await this.chunks.orderBy('heads').keys()) as string[]) : ((await this.legacy.toCollection().primaryKeys()) as string[]);
    const v: Vector = Object.create(null) as Vector;
    for (const opId of keys) v[nodeOf(opId)] = opId; // ascending: the last one per node is its largest
    return { ...v };
  }

  /**
   * The ops a receiver holding `vector` may lack (vector.ts opsToSend: every op of a node it does
   * not know or above its entry), in opId order. Only chunks with such an op are read.
   */
  async since(vector: Vector): Promise<SyncOp[]> {
    const lacks = (opId: string) => {
      const node = nodeOf(opId);
      const seen = Object.prototype.hasOwnProperty.call(vector, node) ? vector[node] : undefined;
      return seen === undefined || opId > seen;
    };
    if (!this.chunked) return (await this.legacy.orderBy(':id').toArray()).filter((op) => lacks(op.opId));
    const wanted = new Map<string, [string, number]>();
    await this.chunks.orderBy('heads').eachKey((head, cursor) => {
      if (lacks(head as string)) {
        const pk = cursor.primaryKey as [string, number];
        wanted.set(`${pk[0]}|${pk[1]}`, pk);
      }
    });
    const rows = (await this.chunks.bulkGet([...wanted.values()])) as OpChunk[];
    return flatten(rows).filter((op) => lacks(op.opId));
  }

  /** The applied ops of these records of `table`, each list in opId order. */
  async forRecords(table: string, ids: readonly string[]): Promise<Map<string, SyncOp[]>> {
    const out = new Map<string, SyncOp[]>();
    if (ids.length === 0) return out;
    const wanted = new Set(ids.map((id) => recordKey(table, id)));
    let ops: SyncOp[];
    if (!this.chunked) {
      ops = await this.legacy
        .where('[table+id]')
        .anyOf(ids.map((id) => [table, id]))
        .toArray();
    } else {
      const keys = [...wanted].sort();
      const range = this.chunks.where('records').between(keys[0], keys[keys.length - 1], true, true);
      let pks: [string, number][];
      if (keys.length >= RANGE_READ_MIN_KEYS) {
        const n = await range.count();
        if (n === 0) return out; // none of these records has a history (a first import)
        pks = n <= keys.length * RANGE_READ_MAX_SPREAD ? ((await range.primaryKeys()) as [string, number][]) : ((await this.chunks.where('records').anyOf(keys).primaryKeys()) as [string, number][]);
      } else {
        pks = (await this.chunks.where('records').anyOf(keys).primaryKeys()) as [string, number][];
      }
      const unique = new Map(pks.map((pk) => [`${pk[0]}|${pk[1]}`, pk]));
      const rows = (await this.chunks.bulkGet([...unique.values()])) as OpChunk[];
      ops = [];
      for (const row of rows) for (const op of row.ops) if (wanted.has(recordKey(op.table, op.id))) ops.push(op);
    }
    ops.sort(byOpId);
    for (const op of ops) {
      const list = out.get(op.id);
      if (list) list.push(op);
      else out.set(op.id, [op]);
    }
    return out;
  }

  /** One record's history, oldest first. */
  async forRecord(table: string, id: string): Promise<SyncOp[]> {
    return (await this.forRecords(table, [id])).get(id) ?? [];
  }

  /**
   * The newest `limit` ops, newest first (操作记录). Chunks are visited by their largest opId,
   * descending, and reading stops once no unread chunk can hold one of the newest `limit`.
   */
  async newest(limit: number): Promise<SyncOp[]> {
    if (!this.chunked) return this.legacy.orderBy(':id').reverse().limit(limit).toArray();
    const order: { last: string; pk: [string, number] }[] = [];
    const seen = new Set<string>();
    await this.chunks
      .orderBy('heads')
      .reverse()
      .eachKey((head, cursor) => {
        const pk = cursor.primaryKey as [string, number];
        const k = `${pk[0]}|${pk[1]}`;
        if (seen.has(k)) return;
        seen.add(k); // first met at its largest head: its last opId
        order.push({ last: head as string, pk });
      });
    const picked: SyncOp[] = [];
    const BATCH = 8;
    for (let i = 0; i < order.length; i += BATCH) {
      if (picked.length >= limit) {
        picked.sort((a, b) => byOpId(b, a));
        picked.length = limit;
        if (order[i].last < picked[limit - 1].opId) break;
      }
      const rows = (await this.chunks.bulkGet(order.slice(i, i + BATCH).map((o) => o.pk))) as OpChunk[];
      for (const row of rows) picked.push(...row.ops);
    }
    picked.sort((a, b) => byOpId(b, a));
    return picked.slice(0, limit);
  }
}

function flatten(rows: readonly (OpChunk | undefined)[]): SyncOp[] {
  const out: SyncOp[] = [];
  let sorted = true;
  for (const row of rows) {
    if (!row) continue;
    if (sorted && out.length > 0 && row.ops.length > 0 && out[out.length - 1].opId > row.ops[0].opId) sorted = false;
    for (const op of row.ops) out.push(op);
  }
  // Chunks come by [first+n]; their ranges overlap when imports and local edits interleave.
  return sorted ? out : out.sort(byOpId);
}
