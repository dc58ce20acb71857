/**
 * The Dexie applier's two halves around the pure merge (shared/sync/index.ts "How the Dexie
 * applier uses it"): load exactly the slice of the database a batch of ops names, and write
 * back what applyOps changed. Both run inside the caller's transaction, so the merge sees and
 * writes one consistent state (DESIGN §Sync: "apply in one rw transaction").
 */
import type { Collection } from 'dexie';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { fieldLabel } from '../../../../shared/domain/fieldLabels';
import { parseOptions } from '../../../../shared/sync/tables';
import type { FieldClocks, LedgerRow, MergeResult, MergeState, SyncOp } from '../../../../shared/sync';
import { needsHistory } from '../../../../shared/sync/historyNeed';
import type { SciLedgerDb } from '../database';
import { clocksOf, recordOf, withClocks } from '../rowClocks';
import type { ConflictRow, PendingRecordRow } from './types';

/** Distinct record ids per table, in first-seen order. */
export function idsByTable(ops: readonly Pick<SyncOp, 'table' | 'id'>[]): Map<LedgerTableName, string[]> {
  const out = new Map<LedgerTableName, Set<string>>();
  for (const op of ops) {
    let ids = out.get(op.table);
    if (!ids) out.set(op.table, (ids = new Set()));
    ids.add(op.id);
  }
  return new Map([...out].map(([t, ids]) => [t, [...ids]]));
}

/** The tables an import transaction needs: the ledgers the ops name, the log and the sync tables. */
export function importScope(db: SciLedgerDb, ops: readonly SyncOp[]): string[] {
  return [...idsByTable(ops).keys(), ...db.oplog.storeNames, db.conflicts.name, db.appliedBundles.name, db.pendingRecords.name];
}

/** What the merge reads, plus where each record came from (the ledger table or 待补全). */
export interface Slice extends MergeState {
  /** `table|id` of the records read from a ledger table (shown, so never re-judged here). */
  stored: ReadonlySet<string>;
  /** `table|id` of the records read from pendingRecords (待补全). */
  pending: ReadonlySet<string>;
}

export const sliceKey = (table: string, id: string) => `${table}|${id}`;

/**
 * The MergeState applyOps needs for `ops`: their records, clocks and oplog history, and which of
 * their opIds are already applied. Nothing else is used (merge.ts reads only these entries).
 * Reads STORED rows, clocks included (rowClocks.ts): the caller's transaction must be marked
 * self-logged (tracking.ts markTransactionSelfLogged), as the import's is.
 */
export async function loadSlice(db: SciLedgerDb, ops: readonly SyncOp[]): Promise<Slice> {
  const stored = new Set<string>();
  const pending = new Set<string>();
  // One count saves a get per new record when nothing waits (the usual case, and 100k-op imports).
  const anyPending = (await db.pendingRecords.count()) > 0;
  const records = new Map<LedgerTableName, Map<string, LedgerRow>>();
  const clocks = new Map<LedgerTableName, Map<string, FieldClocks>>();
  const history = new Map<LedgerTableName, Map<string, SyncOp[]>>();
  const batch = new Set(ops.map((o) => o.opId));
  const appliedOpIds = new Set<string>();

  // closeAnsweredConflicts reads the history of records with an open conflict.
  const disputed = new Set((await db.conflicts.toArray()).filter((c) => c.resolvedAt === undefined).map((c) => sliceKey(c.table, c.id)));
  const opsByRecord = new Map<string, SyncOp[]>();
  for (const op of ops) {
    const key = sliceKey(op.table, op.id);
    const list = opsByRecord.get(key);
    if (list) list.push(op);
    else opsByRecord.set(key, [op]);
  }

  for (const [table, ids] of idsByTable(ops)) {
    const [min, max] = bounds(ids);
    const rows = await readMany(ids, (row: LedgerRow) => row.id, db.table(table).where(':id').between(min, max, true, true), () => db.table(table).bulkGet(ids) as Promise<(LedgerRow | undefined)[]>);
    const recs = new Map<string, LedgerRow>();
    const recClocks = new Map<string, FieldClocks>();
    for (const [id, row] of rows) {
      stored.add(sliceKey(table, id));
      recs.set(id, recordOf(row));
      const c = clocksOf(row);
      if (c) recClocks.set(id, c);
    }
    if (anyPending) {
      const missing = ids.filter((id) => !rows.has(id));
      const waiting = await db.pendingRecords.bulkGet(missing.map((id) => [table, id] as [string, string]));
      waiting.forEach((w, i) => {
        if (!w) return;
        recs.set(missing[i], w.record as LedgerRow);
        if (w.clocks) recClocks.set(missing[i], w.clocks);
        pending.add(sliceKey(table, missing[i]));
      });
    }
    // Every op held here is in its record's history (the log's record index), so the history of
    // the batch's records also tells which of its ops are applied already — exactly. It is read
    // only for the records whose ops do not simply continue their clocks (historyNeed.ts): an
    // incremental import of edits made on top of this machine's data reads no history at all.
    const needed = ids.filter((id) => {
      const key = sliceKey(table, id);
      return pending.has(key) || disputed.has(key) || needsHistory(recs.get(id), recClocks.get(id), opsByRecord.get(key) ?? []);
    });
    const past = needed.length > 0 ? await db.oplog.forRecords(table, needed) : new Map<string, SyncOp[]>();
    records.set(table, recs);
    clocks.set(table, recClocks);
    history.set(table, past);
    for (const list of past.values()) for (const op of list) if (batch.has(op.opId)) appliedOpIds.add(op.opId);
  }
  return { records, clocks, history, appliedOpIds, stored, pending };
}

/** From this many keys on, one range read may beat a get per key (100k-op bundles)… */
const RANGE_READ_MIN_KEYS = 1000;
/** …namely when the range holds at most this many rows per wanted key. */
const RANGE_READ_MAX_SPREAD = 4;

function bounds(keys: readonly string[]): [string, string] {
  let min = keys[0];
  let max = keys[0];
  for (const k of keys) {
    if (k < min) min = k;
    if (k > max) max = k;
  }
  return [min, max];
}

/** Rows of `ids` by id: a get per id, or for many ids one read of their key range (same result). */
async function readMany<T>(ids: readonly string[], idOf: (row: T) => string, range: Collection, byKeys: () => Promise<(T | undefined)[]>): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (ids.length >= RANGE_READ_MIN_KEYS) {
    const n = await range.count();
    if (n === 0) return out; // all new (a first import)
    if (n <= ids.length * RANGE_READ_MAX_SPREAD) {
      const wanted = new Set(ids);
      for (const row of (await range.toArray()) as T[]) if (wanted.has(idOf(row))) out.set(idOf(row), row);
      return out;
    }
  }
  const rows = await byKeys();
  ids.forEach((id, i) => {
    if (rows[i] !== undefined) out.set(id, rows[i] as T);
  });
  return out;
}

/** Null when `row` satisfies its table's schema, else the first problem in Chinese. */
function schemaProblem(table: LedgerTableName, row: LedgerRow): string | null {
  const result = ledgerTables[table].schema.safeParse(row, parseOptions);
  if (result.success) return null;
  // Only a missing or malformed field makes a record incomplete. A cross-field rule (date order,
  // shared/domain/dateRules.ts) can be broken by a record made before the rule existed or by two
  // machines' concurrent edits; such a record is whole and stays visible for the clerk to correct.
  const issue = result.error.issues.find((i) => i.code !== 'custom');
  if (!issue) return null;
  const field = issue?.path[0];
  return field === undefined ? (issue?.message ?? '数据不完整') : `字段“${fieldLabel(String(field))}”：${issue.message}`;
}

export interface WriteOutcome {
  /** Records of this import left waiting (待补全) because they fail their schema. */
  pending: number;
  /** Records that waited and are now complete (moved into their ledger). */
  completed: number;
}

/**
 * Writes what applyOps changed: records with their clocks, the applied ops into the oplog (they
 * keep their original opIds, so the caller marks the transaction self-logged), new conflicts.
 * A record new to this machine (or waiting) goes into its ledger only when it satisfies the
 * table's schema; otherwise it waits in pendingRecords (issue 10: "a record that fails its
 * schema is never shown as live"). Records already in a ledger stay there.
 */
export async function writeMerge(db: SciLedgerDb, result: MergeResult, foundAt: string, slice: Slice): Promise<WriteOutcome> {
  const { records, appliedOps } = result.changes;
  const outcome: WriteOutcome = { pending: 0, completed: 0 };
  if (appliedOps.length === 0) return outcome;
  const byTable = new Map<LedgerTableName, LedgerRow[]>();
  const waiting: PendingRecordRow[] = [];
  const done: [string, string][] = [];
  for (const change of records) {
    const key = sliceKey(change.table, change.id);
    if (!slice.stored.has(key)) {
      const problem = schemaProblem(change.table, change.record);
      if (problem !== null) {
        waiting.push({ table: change.table, id: change.id, record: change.record, clocks: change.clocks, problem });
        outcome.pending++;
        continue;
      }
      if (slice.pending.has(key)) {
        done.push([change.table, change.id]);
        outcome.completed++;
      }
    }
    // Stored with its clocks (rowClocks.ts); the import transaction writes rows as stored.
    const row = withClocks(change.record, change.clocks) as LedgerRow;
    const list = byTable.get(change.table);
    if (list) list.push(row);
    else byTable.set(change.table, [row]);
  }
  const writes: Promise<unknown>[] = [...byTable].map(([table, rows]) => db.table(table).bulkPut(rows));
  writes.push(db.oplog.append(appliedOps));
  if (waiting.length > 0) writes.push(db.pendingRecords.bulkPut(waiting));
  if (done.length > 0) writes.push(db.pendingRecords.bulkDelete(done));
  const conflicts = result.summary.conflicts.map((c): ConflictRow => ({ ...c, foundAt }));
  if (conflicts.length > 0) writes.push(db.conflicts.bulkPut(conflicts));
  await Promise.all(writes);
  return outcome;
}
