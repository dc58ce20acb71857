import type {
  DBCore,
  DBCoreAddRequest,
  DBCoreCursor,
  DBCoreDeleteRangeRequest,
  DBCoreDeleteRequest,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCorePutRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import { decodeHlc, encodeHlc, initialHlcState, maxHlcState, receive, tick, type HlcState } from '../../../shared/sync/hlc';
import type { LedgerTableName } from '../../../shared/domain/ledgerTables';
import { advanceClocks, localOpFromChange } from '../../../shared/sync/local';
import type { FieldClocks } from '../../../shared/sync/merge';
import type { SyncOp } from '../../../shared/sync/op';
import { TOMBSTONE_FIELD } from '../../../shared/sync/tables';
import { DEFAULT_OPERATOR } from './oplog';
import { recordOf, withClocks } from './rowClocks';
import { trackingLayoutOf } from './trackingLayout';

export { FIELD_CLOCKS_TABLE, type ClockRow } from './trackingLayout';

/**
 * 操作员 stamped on every oplog entry. Module state because there is one person at one app
 * window; persisted per machine in `meta` by meta.ts#setOperatorName, loaded at open.
 */
let currentOperator: string = DEFAULT_OPERATOR;

/** Sets the operator for later writes; an empty name means 未设置. */
export function setCurrentOperator(name: string | null | undefined): void {
  currentOperator = name?.trim() || DEFAULT_OPERATOR;
}

export function getCurrentOperator(): string {
  return currentOperator;
}

/**
 * Per-database state of change tracking: who this machine is (nodeId) and the hybrid logical
 * clock that stamps every op. Lives on the db instance so that tests can open several
 * databases side by side.
 */
export class ChangeTracker {
  nodeId: string | null = null;
  /** Largest remote-minus-local clock difference seen by `receive` (ms); the UI may warn. */
  maxSkewMs = 0;
  private clock: HlcState = initialHlcState;
  /** IndexedDB transactions whose writes are logged by their author (sync import). */
  private readonly selfLogged = new WeakSet<object>();
  /** Conflict resolutions announced for the next write of a record, per transaction. */
  private readonly resolutions = new WeakMap<object, Map<string, Resolution>>();

  constructor(private readonly now: () => number = Date.now) {}

  get ready(): boolean {
    return this.nodeId !== null;
  }

  get clockState(): HlcState {
    return this.clock;
  }

  get operator(): string {
    return currentOperator;
  }

  /** Called when the database opens: resume after the newest op ever written or imported. */
  start(nodeId: string, newestOpId: string | undefined): void {
    this.nodeId = nodeId;
    this.clock = newestOpId ? maxHlcState(this.clock, decodeHlc(newestOpId)) : this.clock;
  }

  stop(): void {
    this.nodeId = null;
  }

  nowMs(): number {
    return this.now();
  }

  nextOpId(nowMs: number = this.now()): string {
    if (!this.nodeId) throw new Error('Change tracking is not ready (database not open)');
    this.clock = tick(this.clock, Math.max(0, Math.floor(nowMs)));
    return encodeHlc(this.clock, this.nodeId);
  }

  /** Merge the timestamp of an imported op (DESIGN §Sync); returns the skew in ms. */
  receive(remoteOpId: string, nowMs: number = this.now()): number {
    const r = receive(this.clock, remoteOpId, Math.max(0, Math.floor(nowMs)));
    this.clock = r.state;
    if (Math.abs(r.skewMs) > Math.abs(this.maxSkewMs)) this.maxSkewMs = r.skewMs;
    return r.skewMs;
  }

  markSelfLogged(idbtrans: object): void {
    this.selfLogged.add(idbtrans);
  }

  isSelfLogged(idbtrans: object): boolean {
    return this.selfLogged.has(idbtrans);
  }

  announceResolution(idbtrans: object, resolution: Resolution): void {
    let byRecord = this.resolutions.get(idbtrans);
    if (!byRecord) this.resolutions.set(idbtrans, (byRecord = new Map()));
    byRecord.set(`${resolution.table}|${resolution.id}`, resolution);
  }

  /** The resolution announced for this record's write, once (later writes are ordinary edits). */
  takeResolution(idbtrans: object, table: string, id: string): Resolution | undefined {
    const byRecord = this.resolutions.get(idbtrans);
    const key = `${table}|${id}`;
    const found = byRecord?.get(key);
    if (found) byRecord?.delete(key);
    return found;
  }
}

/** A conflict resolution carried by the op of the record's next write (issue 10). */
export interface Resolution {
  table: string;
  id: string;
  /** The conflict's field: written by the op even when its value does not change. */
  field: string;
  /** Conflict keys the op resolves. */
  keys: string[];
}

/**
 * For resolving a conflict: the next write of that record in this transaction becomes an op that
 * writes `field` (even unchanged) and carries `resolves: keys`, so every machine closes the same
 * conflict when it imports it. Call inside the `rw` transaction, before the write.
 */
export function announceResolution(tracker: ChangeTracker, tx: Transaction, resolution: Resolution): void {
  tracker.announceResolution(tx.idbtrans, resolution);
}

/**
 * For the sync import only: the writes of this transaction apply ops that already exist (they
 * carry their original opIds and are written to the oplog by the importer), so the middleware
 * must not log them a second time as new local ops. Call inside the `rw` transaction.
 */
export function markTransactionSelfLogged(tracker: ChangeTracker, tx: Transaction): void {
  tracker.markSelfLogged(tx.idbtrans);
}

type Key = string;
type Row = Record<string, unknown>;

/** readRows: from this many keys on, consider one range read instead of a get per key… */
const RANGE_READ_MIN_KEYS = 1000;
/** …and do it when the range holds at most this many rows per wanted key. */
const RANGE_READ_MAX_SPREAD = 4;

function isVersionChange(trans: DBCoreTransaction): boolean {
  // DBCore transactions are IDBTransactions. Upgrade functions are schema migrations that every
  // node runs itself, and the tracker is not started before the upgrade finishes.
  return (trans as unknown as { mode?: string }).mode === 'versionchange';
}

/**
 * One record written by a request. `before`: the record as stored (without clocks; undefined =
 * none). `after`: what the op records (undefined = a delete). `value`: what is stored.
 */
interface Item {
  key: Key;
  before: Row | undefined;
  after: Row | undefined;
  value: Row;
}

function failed(res: DBCoreMutateResponse, i: number): boolean {
  return res.numFailures > 0 && res.failures[i] != null;
}

/**
 * The change-tracking DBCore middleware (DESIGN §Data: "Every write goes through Dexie so that a
 * change-tracking middleware (DBCore) appends an oplog entry in the same transaction. No write
 * path may bypass it.").
 *
 * Every Dexie write API ends in `DBCoreTable.mutate()` with one of four request types, so this
 * is the one place to observe them all:
 *  - add:          table.add / bulkAdd, and modify() that changes a primary key
 *  - put:          table.put / bulkPut / update / upsert / bulkUpdate, collection.modify — always
 *                  with the complete new objects in `values` (update paths also carry
 *                  `updates`/`criteria`/`changeSpec`, which the storage layer ignores; we diff
 *                  the real before/after objects instead, so an update that sets the same value
 *                  logs nothing)
 *  - delete:       table.delete / bulkDelete, collection.delete with a filter or on an index
 *  - deleteRange:  table.clear, collection.delete on a primary-key range
 *                  (both become tombstone puts: records are never hard-deleted, DESIGN §Data)
 * and every one of them runs in an IndexedDB transaction that this middleware widened to
 * include the log's stores, so the data, its log and its clocks commit or abort together. Each
 * op carries `prev` — per written field, the opId of the value it overwrote, read from the field
 * clocks — which is how an import on another machine tells a concurrent edit (a conflict) from
 * a later one (DESIGN §Sync; shared/sync/index.ts "How the Dexie applier uses it").
 *
 * Where clocks and ops are stored is trackingLayout.ts. In the app's layout (schema v14) the
 * clocks are part of the record row, so this middleware also removes them from every read of a
 * ledger table: callers never see them. Transactions marked self-logged (the sync import) and
 * upgrades work on the stored rows as they are.
 */
export function createChangeTrackingMiddleware(tracker: ChangeTracker, trackedTables: ReadonlySet<string>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'changeTracking',
    create(down: DBCore): Partial<DBCore> {
      const layout = trackingLayoutOf(down);
      const raw = (trans: DBCoreTransaction) => isVersionChange(trans) || tracker.isSelfLogged(trans);

      /**
       * One op per real change (shared/sync/local.ts), the clocks each item leaves, the log
       * appended — around the data write `store(values)`, all in the write's transaction.
       * `clocks[i]` are the clocks of items[i].key before this request; a key repeated in one
       * bulk request sees the clocks its earlier item left.
       */
      function writeLogged(
        trans: DBCoreTransaction,
        table: string,
        items: Item[],
        clocks: (FieldClocks | undefined)[],
        store: (values: Row[]) => Promise<DBCoreMutateResponse>,
        nowMs: number = tracker.nowMs(),
      ): Promise<DBCoreMutateResponse> {
        const at = new Date(nowMs).toISOString();
        const nodeId = tracker.nodeId as string;
        const operator = tracker.operator;
        const current = new Map<Key, FieldClocks | undefined>();
        const ops: (SyncOp | null)[] = [];
        const values: Row[] = [];
        items.forEach((item, i) => {
          // A missing or invalid key fails in the data write below; it gets no op.
          if (typeof item.key !== 'string') {
            ops.push(null);
            values.push(item.value);
            return;
          }
          const before = current.has(item.key) ? current.get(item.key) : clocks[i];
          const resolution = item.after === undefined ? undefined : tracker.takeResolution(trans, table, item.key);
          const op = localOpFromChange({ table: table as LedgerTableName, id: item.key, before: item.before, after: item.after, clocks: before, opId: '', nodeId, operator, at, force: resolution ? [resolution.field] : undefined });
          let after = before;
          if (op) {
            if (resolution) op.resolves = [...resolution.keys];
            op.opId = tracker.nextOpId(nowMs);
            if (!layout.hasClocks) delete op.prev;
            after = advanceClocks(before, op);
            current.set(item.key, after);
          }
          ops.push(op);
          // An unchanged put still rewrites the row: it must keep the clocks it had.
          values.push(layout.inlineClocks ? withClocks(item.value, after) : item.value);
        });
        return store(values).then((res) => {
          const logged: SyncOp[] = [];
          const clocksAfter = new Map<Key, FieldClocks>();
          ops.forEach((op, i) => {
            if (!op || failed(res, i)) return;
            logged.push(op);
            clocksAfter.set(op.id, current.get(op.id) as FieldClocks);
          });
          if (logged.length === 0) return res;
          return layout.append(trans, table, logged, clocksAfter).then(() => res);
        });
      }

      function trackTable(table: DBCoreTable): DBCoreTable {
        const { name } = table;
        const pk = table.schema.primaryKey;
        const keyOf = (req: DBCoreAddRequest | DBCorePutRequest, i: number): Key => req.keys?.[i] ?? (pk.extractKey ? pk.extractKey(req.values[i]) : undefined);

        /**
         * The stored rows of `keys` (undefined = none), clocks included. A large bulk write asks
         * first how many rows its key range holds — one request: none means every key is new and
         * nothing is read (a 100,000-record first save skips 100,000 gets); few means one range
         * read.
         */
        function readRows(trans: DBCoreTransaction, keys: Key[]): Promise<(Row | undefined)[]> {
          const valid = keys.filter((k) => typeof k === 'string');
          const byKeys = () => (valid.length === keys.length ? (table.getMany({ trans, keys }) as Promise<(Row | undefined)[]>) : byValidKeys());
          const byValidKeys = () =>
            (table.getMany({ trans, keys: valid }) as Promise<(Row | undefined)[]>).then((rows) => {
              const found = new Map(valid.map((k, i) => [k, rows[i]]));
              return keys.map((k) => (typeof k === 'string' ? found.get(k) : undefined));
            });
          if (valid.length === 0) return Promise.resolve(keys.map(() => undefined));
          if (valid.length < RANGE_READ_MIN_KEYS || !pk.extractKey) return byKeys();
          let lower = valid[0];
          let upper = valid[0];
          for (const k of valid) {
            if (k < lower) lower = k;
            if (k > upper) upper = k;
          }
          const query = { index: pk, range: { type: 2 /* DBCoreRangeType.Range */, lower, upper, lowerOpen: false, upperOpen: false } as DBCoreKeyRange };
          const extract = pk.extractKey;
          return table.count({ trans, query }).then((n) => {
            if (n === 0) return keys.map(() => undefined);
            if (n > valid.length * RANGE_READ_MAX_SPREAD) return byKeys();
            return table.query({ trans, values: true, query }).then(({ result }) => {
              const byKey = new Map((result as Row[]).map((row) => [extract(row) as Key, row]));
              return keys.map((k) => byKey.get(k));
            });
          });
        }

        function onAdd(req: DBCoreAddRequest): Promise<DBCoreMutateResponse> {
          const keys = req.values.map((_, i) => keyOf(req, i));
          const items = req.values.map((value, i): Item => ({ key: keys[i], before: undefined, after: value as Row, value: value as Row }));
          // An add only succeeds for a new key: with clocks in the row there is nothing to read.
          const clocks = layout.inlineClocks ? Promise.resolve(keys.map(() => undefined)) : layout.clocksBefore(req.trans, name, keys, null);
          return clocks.then((c) => writeLogged(req.trans, name, items, c, (values) => table.mutate({ ...req, values })));
        }

        function onPut(req: DBCorePutRequest): Promise<DBCoreMutateResponse> {
          if (req.values.length === 0) return table.mutate(req);
          const keys = req.values.map((_, i) => keyOf(req, i));
          return readRows(req.trans, keys).then((rows) =>
            layout.clocksBefore(req.trans, name, keys, rows).then((clocks) => {
              // A bulkPut may name the same key twice: diff each value against the previous one.
              const latest = new Map<Key, Row | undefined>();
              const items = req.values.map((value, i): Item => {
                const key = keys[i];
                const before = latest.has(key) ? latest.get(key) : recordOf(rows[i]);
                latest.set(key, value as Row);
                return { key, before, after: value as Row, value: value as Row };
              });
              return writeLogged(req.trans, name, items, clocks, (values) => table.mutate({ ...req, values }));
            }),
          );
        }

        /**
         * A delete of any kind (delete, bulkDelete, clear, Collection.delete) becomes a TOMBSTONE:
         * the row stays with `deletedAt` set, and the op is the `deleted: true` op the merge turns
         * into exactly that row on every other machine (merge.ts: deletedAt = op.at). Removing the
         * row here while the others keep a tombstone made the stores diverge, and a concurrent
         * edit then revived a partial record on this side only (issue 10). Rows already deleted
         * are left as they are (nothing changes, nothing is logged).
         */
        function tombstone(req: DBCoreDeleteRequest | DBCoreDeleteRangeRequest, keys: Key[], rows: (Row | undefined)[]): Promise<DBCoreMutateResponse> {
          const liveKeys: Key[] = [];
          const live: Row[] = [];
          const seen = new Set<Key>();
          keys.forEach((key, i) => {
            const row = rows[i];
            if (row == null || seen.has(key) || (row[TOMBSTONE_FIELD] !== undefined && row[TOMBSTONE_FIELD] !== null)) return;
            seen.add(key);
            liveKeys.push(key);
            live.push(row);
          });
          const done: DBCoreMutateResponse = { numFailures: 0, failures: {}, lastResult: undefined };
          if (liveKeys.length === 0) return Promise.resolve(done);
          const nowMs = tracker.nowMs();
          const at = new Date(nowMs).toISOString();
          return layout.clocksBefore(req.trans, name, liveKeys, live).then((clocks) => {
            const items = liveKeys.map((key, i): Item => {
              const record = recordOf(live[i]);
              return { key, before: record, after: undefined, value: { ...record, [TOMBSTONE_FIELD]: at } };
            });
            const store = (values: Row[]) => table.mutate({ type: 'put', trans: req.trans, keys: pk.outbound ? liveKeys : undefined, values });
            return writeLogged(req.trans, name, items, clocks, store, nowMs).then((res) => (res.numFailures > 0 ? res : done));
          });
        }

        function onDelete(req: DBCoreDeleteRequest): Promise<DBCoreMutateResponse> {
          if (req.keys.length === 0) return table.mutate(req);
          // Only keys that exist are deleted; deleting a missing key changes nothing.
          return table.getMany({ trans: req.trans, keys: req.keys }).then((rows) => tombstone(req, req.keys as Key[], rows));
        }

        function onDeleteRange(req: DBCoreDeleteRangeRequest): Promise<DBCoreMutateResponse> {
          // A range delete names no keys: read the rows first, in the same transaction.
          return table.query({ trans: req.trans, values: true, query: { index: pk, range: req.range } }).then(({ result }) => {
            const rows = result as Row[];
            return tombstone(req, rows.map((r) => (pk.extractKey ? pk.extractKey(r) : undefined) as Key), rows);
          });
        }

        const tracked: DBCoreTable = {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if (raw(req.trans)) return table.mutate(req);
            if (!tracker.ready) return Promise.reject(new Error(`Change tracking not ready: write to ${name} refused`));
            switch (req.type) {
              case 'add':
                return onAdd(req);
              case 'put':
                return onPut(req);
              case 'delete':
                return onDelete(req);
              case 'deleteRange':
                return onDeleteRange(req);
              default:
                return Promise.reject(new Error(`Unknown mutation type on ${name}`));
            }
          },
        };
        return layout.inlineClocks ? { ...tracked, ...hideClocks(table, raw) } : tracked;
      }

      return {
        ...down,
        // Make the log's stores part of every read-write transaction that touches a ledger table,
        // the way Dexie Cloud adds its mutation tables: callers name only the ledger tables.
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.some((s) => trackedTables.has(s)) ? [...stores, ...layout.stores.filter((t) => !stores.includes(t))] : stores;
          return down.transaction(widened, mode, options);
        },
        table(tableName: string): DBCoreTable {
          const table = down.table(tableName);
          return trackedTables.has(tableName) ? trackTable(table) : table;
        },
      };
    },
  };
}

/**
 * The read half of the inline layout: every way Dexie reads rows (get, getMany, query, cursors)
 * returns records without their clocks, except to storage-level transactions (`raw`).
 */
function hideClocks(table: DBCoreTable, raw: (trans: DBCoreTransaction) => boolean): Pick<DBCoreTable, 'get' | 'getMany' | 'query' | 'openCursor'> {
  return {
    get: (req) => (raw(req.trans) ? table.get(req) : table.get(req).then(recordOf)),
    getMany: (req) => (raw(req.trans) ? table.getMany(req) : table.getMany(req).then((rows) => rows.map(recordOf))),
    query: (req) => (raw(req.trans) || !req.values ? table.query(req) : table.query(req).then((res) => ({ ...res, result: res.result.map(recordOf) }))),
    openCursor(req) {
      if (raw(req.trans) || req.values === false) return table.openCursor(req);
      return table.openCursor(req).then((cursor) => {
        if (!cursor) return cursor;
        let stored: unknown;
        let shown: unknown;
        return Object.create(cursor, {
          key: { get: () => cursor.key },
          primaryKey: { get: () => cursor.primaryKey },
          value: {
            get: () => {
              const value = cursor.value;
              if (value !== stored) {
                stored = value;
                shown = recordOf(value);
              }
              return shown;
            },
          },
        }) as DBCoreCursor;
      });
    },
  };
}
