import type {
  DBCore,
  DBCoreAddRequest,
  DBCoreDeleteRangeRequest,
  DBCoreDeleteRequest,
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
import { DEFAULT_OPERATOR, diffRecords, type OplogEntry } from './oplog';

export const OPLOG_TABLE = 'oplog';

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

function isVersionChange(trans: DBCoreTransaction): boolean {
  // DBCore transactions are IDBTransactions. Upgrade functions are schema migrations that every
  // node runs itself, and the tracker is not started before the upgrade finishes.
  return (trans as unknown as { mode?: string }).mode === 'versionchange';
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
 * and every one of them runs in an IndexedDB transaction that this middleware widened to
 * include the oplog store, so the data and its log commit or abort together.
 */
export function createChangeTrackingMiddleware(tracker: ChangeTracker, trackedTables: ReadonlySet<string>): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'changeTracking',
    create(down: DBCore): Partial<DBCore> {
      const oplog = () => down.table(OPLOG_TABLE);

      function writeLog(trans: DBCoreTransaction, entries: OplogEntry[]): Promise<void> {
        if (entries.length === 0) return Promise.resolve();
        return oplog()
          .mutate({ type: 'add', trans, values: entries })
          .then((res) => {
            if (res.numFailures > 0) {
              const first = Object.values(res.failures)[0];
              throw first ?? new Error('oplog write failed');
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

      function entry(table: string, id: Key, fields: Record<string, unknown>, unset: string[], deleted: boolean, nowMs: number, at: string): OplogEntry {
        const e: OplogEntry = {
          opId: tracker.nextOpId(nowMs),
          nodeId: tracker.nodeId as string,
          table: table as LedgerTableName,
          id,
          fields,
          deleted,
          operator: tracker.operator,
          at,
        };
        if (unset.length > 0) e.unset = unset;
        return e;
      }

      function trackTable(table: DBCoreTable): DBCoreTable {
        const { name } = table;
        const pk = table.schema.primaryKey;
        const pkName = typeof pk.keyPath === 'string' ? pk.keyPath : 'id';
        const keyOf = (req: DBCoreAddRequest | DBCorePutRequest, i: number, res?: DBCoreMutateResponse): Key =>
          req.keys?.[i] ?? (pk.extractKey ? pk.extractKey(req.values[i]) : undefined) ?? res?.results?.[i];

        function onAdd(req: DBCoreAddRequest): Promise<DBCoreMutateResponse> {
          return table.mutate(req).then((res) => {
            const nowMs = tracker.nowMs();
            const at = new Date(nowMs).toISOString();
            const entries: OplogEntry[] = [];
            for (let i = 0; i < req.values.length; i++) {
              if (failed(res, i)) continue;
              const { fields } = diffRecords(undefined, req.values[i], pkName);
              entries.push(entry(name, keyOf(req, i, res), fields, [], false, nowMs, at));
            }
            return writeLog(req.trans, entries).then(() => res);
          });
        }

        function onPut(req: DBCorePutRequest): Promise<DBCoreMutateResponse> {
          if (req.values.length === 0) return table.mutate(req);
          const keys = req.values.map((_, i) => keyOf(req, i));
          return table.getMany({ trans: req.trans, keys }).then((existing) =>
            table.mutate(req).then((res) => {
              const nowMs = tracker.nowMs();
              const at = new Date(nowMs).toISOString();
              const entries: OplogEntry[] = [];
              // A bulkPut may name the same key twice: diff each value against the previous one.
              const current = new Map<Key, Record<string, unknown> | undefined>();
              for (let i = 0; i < req.values.length; i++) {
                if (failed(res, i)) continue;
                const key = keys[i] ?? res.results?.[i];
                const before = current.has(key) ? current.get(key) : existing[i];
                const after = req.values[i];
                current.set(key, after);
                const { fields, unset } = diffRecords(before ?? undefined, after, pkName);
                if (Object.keys(fields).length === 0 && unset.length === 0) continue; // unchanged put
                entries.push(entry(name, key, fields, unset, false, nowMs, at));
              }
              return writeLog(req.trans, entries).then(() => res);
            }),
          );
        }

        function logDeletes(req: DBCoreDeleteRequest | DBCoreDeleteRangeRequest, keys: Key[]) {
          return table.mutate(req).then((res) => {
            const nowMs = tracker.nowMs();
            const at = new Date(nowMs).toISOString();
            const entries = keys.map((key) => entry(name, key, {}, [], true, nowMs, at));
            // A failed delete request fails the whole request (IndexedDB aborts it), so log only on success.
            return (res.numFailures > 0 ? Promise.resolve() : writeLog(req.trans, entries)).then(() => res);
          });
        }

        function onDelete(req: DBCoreDeleteRequest): Promise<DBCoreMutateResponse> {
          if (req.keys.length === 0) return table.mutate(req);
          // Only keys that exist are deleted; deleting a missing key changes nothing.
          return table.getMany({ trans: req.trans, keys: req.keys }).then((existing) => {
            const seen = new Set<Key>();
            const keys = req.keys.filter((k, i) => existing[i] != null && !seen.has(k) && (seen.add(k), true));
            return logDeletes(req, keys);
          });
        }

        function onDeleteRange(req: DBCoreDeleteRangeRequest): Promise<DBCoreMutateResponse> {
          // A range delete names no keys: read them first, in the same transaction.
          return table
            .query({ trans: req.trans, values: false, query: { index: pk, range: req.range } })
            .then(({ result }) => logDeletes(req, result as Key[]));
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

      return {
        ...down,
        // Make the oplog part of every read-write transaction that touches a ledger table, the
        // way Dexie Cloud adds its mutation tables: callers name only the ledger tables.
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && !stores.includes(OPLOG_TABLE) && stores.some((s) => trackedTables.has(s))
              ? [...stores, OPLOG_TABLE]
              : stores;
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
