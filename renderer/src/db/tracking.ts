import type {
  DBCore,
  DBCoreAddRequest,
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
import { TOMBSTONE_FIELD } from '../../../shared/sync/tables';
import { DEFAULT_OPERATOR, type OplogEntry } from './oplog';

export const OPLOG_TABLE = 'oplog';
/** Local table of per-field clocks (schema v3): `{table, id, clocks}` under [table+id]. */
export const FIELD_CLOCKS_TABLE = 'fieldClocks';

/** A row of the fieldClocks table. */
export interface ClockRow {
  table: string;
  id: string;
  clocks: FieldClocks;
}

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

/** readClocks: from this many keys on, consider one range read instead of a get per key… */
const RANGE_READ_MIN_KEYS = 1000;
/** …and do it when the range holds at most this many rows per wanted key. */
const RANGE_READ_MAX_SPREAD = 4;

function isVersionChange(trans: DBCoreTransaction): boolean {
  // DBCore transactions are IDBTransactions. Upgrade functions are schema migrations that every
  // node runs itself, and the tracker is not started before the upgrade finishes.
  return (trans as unknown as { mode?: string }).mode === 'versionchange';
}

/** One record changed by a request: `after` undefined = hard delete (before then non-undefined). */
interface Change {
  key: Key;
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown> | undefined;
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
 * include the oplog and fieldClocks stores, so the data, its log and its clocks commit or abort
 * together. Each op carries `prev` — per written field, the opId of the value it overwrote, read
 * from fieldClocks — which is how an import on another machine tells a concurrent edit (a
 * conflict) from a later one (DESIGN §Sync; shared/sync/index.ts "How the Dexie applier uses it").
 */
export function createChangeTrackingMiddleware(tracker: ChangeTracker, trackedTables: ReadonlySet<string>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'changeTracking',
    create(down: DBCore): Partial<DBCore> {
      const oplog = () => down.table(OPLOG_TABLE);
      // Databases opened at a version before 3 (migration tests) have no fieldClocks: their ops
      // are logged without `prev`, exactly as before sync existed (legacy ops, merge.ts).
      const hasClocks = down.schema.tables.some((t) => t.name === FIELD_CLOCKS_TABLE);
      const fieldClocks = () => down.table(FIELD_CLOCKS_TABLE);

      function mustSucceed(trans: DBCoreTransaction, write: Promise<DBCoreMutateResponse>, what: string): Promise<void> {
        return write
          .then((res) => {
            if (res.numFailures > 0) {
              const first = Object.values(res.failures)[0];
              throw first ?? new Error(`${what} write failed`);
            }
          })
          .catch((err: unknown) => {
            // The data write already happened in this transaction: it must not commit without
            // its log, even if the caller catches the error and carries on.
            try {
              trans.abort();
            } catch {
              /* already finished */
            }
            throw err;
          });
      }

      /** The clocks of `keys` of `table`, read in the write's transaction (undefined = none). */
      function readClocks(trans: DBCoreTransaction, table: string, keys: Key[]): Promise<(FieldClocks | undefined)[]> {
        // A missing key (a put without id) must fail in the data write, not in this read.
        const valid = keys.filter((k) => typeof k === 'string');
        if (!hasClocks || valid.length === 0) return Promise.resolve(keys.map(() => undefined));
        const store = fieldClocks();
        const byKeys = () =>
          store.getMany({ trans, keys: valid.map((k) => [table, k]) }).then((rows) => new Map(valid.map((k, i) => [k, (rows[i] as ClockRow | undefined)?.clocks])));
        if (valid.length < RANGE_READ_MIN_KEYS) return byKeys().then((byKey) => keys.map((k) => byKey.get(k)));
        // A large bulk write: one get per key costs a request each (the bench's 100k-record
        // bulkPut). When the keys are a good part of the table's clock rows in their range, one
        // range read is much cheaper; count (a single request) tells which.
        const sorted = [...valid].sort();
        const range = { type: 2 /* DBCoreRangeType.Range */, lower: [table, sorted[0]], upper: [table, sorted[sorted.length - 1]], lowerOpen: false, upperOpen: false } as DBCoreKeyRange;
        const query = { index: store.schema.primaryKey, range };
        return store
          .count({ trans, query })
          .then((n) =>
            n > valid.length * RANGE_READ_MAX_SPREAD
              ? byKeys()
              : store.query({ trans, values: true, query }).then(({ result }) => new Map((result as ClockRow[]).map((r) => [r.id, r.clocks]))),
          )
          .then((byKey) => keys.map((k) => byKey.get(k)));
      }

      /**
       * One op per real change, with `prev` from the field clocks, then the oplog entries and the
       * advanced clocks — all in the write's transaction (shared/sync/local.ts; DESIGN §Sync).
       * `clocks[i]` are the clocks of changes[i].key before this request; a key repeated in one
       * bulk request sees the clocks its earlier change left.
       */
      function logChanges(trans: DBCoreTransaction, table: string, changes: Change[], clocks: (FieldClocks | undefined)[], nowMs: number = tracker.nowMs()): Promise<void> {
        if (changes.length === 0) return Promise.resolve();
        const at = new Date(nowMs).toISOString();
        const nodeId = tracker.nodeId as string;
        const operator = tracker.operator;
        const current = new Map<Key, FieldClocks | undefined>();
        const entries: OplogEntry[] = [];
        changes.forEach((c, i) => {
          const before = current.has(c.key) ? current.get(c.key) : clocks[i];
          const resolution = c.after === undefined ? undefined : tracker.takeResolution(trans, table, c.key);
          const op = localOpFromChange({ table: table as LedgerTableName, id: c.key, before: c.before, after: c.after, clocks: before, opId: '', nodeId, operator, at, force: resolution ? [resolution.field] : undefined });
          if (!op) return; // unchanged put
          if (resolution) op.resolves = [...resolution.keys];
          op.opId = tracker.nextOpId(nowMs);
          if (!hasClocks) delete op.prev;
          entries.push(op);
          current.set(c.key, advanceClocks(before, op));
        });
        if (entries.length === 0) return Promise.resolve();
        const logged = mustSucceed(trans, oplog().mutate({ type: 'add', trans, values: entries }), 'oplog');
        if (!hasClocks) return logged;
        const rows: ClockRow[] = [...current].map(([id, c]) => ({ table, id, clocks: c as FieldClocks }));
        return Promise.all([logged, mustSucceed(trans, fieldClocks().mutate({ type: 'put', trans, values: rows }), 'fieldClocks')]).then(() => undefined);
      }

      function trackTable(table: DBCoreTable): DBCoreTable {
        const { name } = table;
        const pk = table.schema.primaryKey;
        const keyOf = (req: DBCoreAddRequest | DBCorePutRequest, i: number, res?: DBCoreMutateResponse): Key =>
          req.keys?.[i] ?? (pk.extractKey ? pk.extractKey(req.values[i]) : undefined) ?? res?.results?.[i];

        function onAdd(req: DBCoreAddRequest): Promise<DBCoreMutateResponse> {
          const keys = req.values.map((_, i) => keyOf(req, i));
          return readClocks(req.trans, name, keys).then((clocks) =>
            table.mutate(req).then((res) => {
              const changes: Change[] = [];
              const clocksOf: (FieldClocks | undefined)[] = [];
              for (let i = 0; i < req.values.length; i++) {
                if (failed(res, i)) continue;
                changes.push({ key: keys[i] ?? res.results?.[i], before: undefined, after: req.values[i] });
                clocksOf.push(clocks[i]);
              }
              return logChanges(req.trans, name, changes, clocksOf).then(() => res);
            }),
          );
        }

        /**
         * The stored rows of `keys` (undefined = none). A large bulk write asks first how many rows
         * its key range holds — one request: none means every key is new and nothing is read (a
         * 100,000-record import or first save skips 100,000 gets); few means one range read.
         */
        function readRows(trans: DBCoreTransaction, keys: Key[]): Promise<(Record<string, unknown> | undefined)[]> {
          const valid = keys.filter((k) => typeof k === 'string');
          const byKeys = () => table.getMany({ trans, keys }) as Promise<(Record<string, unknown> | undefined)[]>;
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
              const byKey = new Map((result as Record<string, unknown>[]).map((row) => [extract(row) as Key, row]));
              return keys.map((k) => byKey.get(k));
            });
          });
        }

        function onPut(req: DBCorePutRequest): Promise<DBCoreMutateResponse> {
          if (req.values.length === 0) return table.mutate(req);
          const keys = req.values.map((_, i) => keyOf(req, i));
          return Promise.all([readRows(req.trans, keys), readClocks(req.trans, name, keys)]).then(([existing, clocks]) =>
            table.mutate(req).then((res) => {
              const changes: Change[] = [];
              const clocksOf: (FieldClocks | undefined)[] = [];
              // A bulkPut may name the same key twice: diff each value against the previous one.
              const latest = new Map<Key, Record<string, unknown> | undefined>();
              for (let i = 0; i < req.values.length; i++) {
                if (failed(res, i)) continue;
                const key = keys[i] ?? res.results?.[i];
                const before = latest.has(key) ? latest.get(key) : (existing[i] ?? undefined);
                latest.set(key, req.values[i]);
                changes.push({ key, before, after: req.values[i] });
                clocksOf.push(clocks[i]);
              }
              return logChanges(req.trans, name, changes, clocksOf).then(() => res);
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
        function tombstone(req: DBCoreDeleteRequest | DBCoreDeleteRangeRequest, keys: Key[], rows: (Record<string, unknown> | undefined)[]): Promise<DBCoreMutateResponse> {
          const liveKeys: Key[] = [];
          const live: Record<string, unknown>[] = [];
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
          return readClocks(req.trans, name, liveKeys).then((clocks) =>
            table.mutate({ type: 'put', trans: req.trans, keys: pk.outbound ? liveKeys : undefined, values: live.map((row) => ({ ...row, [TOMBSTONE_FIELD]: at })) }).then((res) => {
              if (res.numFailures > 0) return res;
              const changes: Change[] = liveKeys.map((key, i) => ({ key, before: live[i], after: undefined }));
              return logChanges(req.trans, name, changes, clocks, nowMs).then(() => done);
            }),
          );
        }

        function onDelete(req: DBCoreDeleteRequest): Promise<DBCoreMutateResponse> {
          if (req.keys.length === 0) return table.mutate(req);
          // Only keys that exist are deleted; deleting a missing key changes nothing.
          return table.getMany({ trans: req.trans, keys: req.keys }).then((rows) => tombstone(req, req.keys as Key[], rows));
        }

        function onDeleteRange(req: DBCoreDeleteRangeRequest): Promise<DBCoreMutateResponse> {
          // A range delete names no keys: read the rows first, in the same transaction.
          return table.query({ trans: req.trans, values: true, query: { index: pk, range: req.range } }).then(({ result }) => {
            const rows = result as Record<string, unknown>[];
            return tombstone(req, rows.map((r) => (pk.extractKey ? pk.extractKey(r) : undefined) as Key), rows);
          });
        }

        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            if (isVersionChange(req.trans) || tracker.isSelfLogged(req.trans)) return table.mutate(req);
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
      }

      const logTables = hasClocks ? [OPLOG_TABLE, FIELD_CLOCKS_TABLE] : [OPLOG_TABLE];
      return {
        ...down,
        // Make the oplog (and the field clocks) part of every read-write transaction that touches
        // a ledger table, the way Dexie Cloud adds its mutation tables: callers name only the
        // ledger tables.
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.some((s) => trackedTables.has(s)) ? [...stores, ...logTables.filter((t) => !stores.includes(t))] : stores;
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
