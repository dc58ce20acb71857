/**
 * Where the change-tracking middleware (tracking.ts) keeps a write's field clocks and ops. Two
 * layouts, picked from the stores the database has:
 *  - INLINE (schema v14 on, the app): clocks inside the record row (rowClocks.ts), ops appended
 *    as chunk rows (opLog.ts) — one log write per ~1,000 ops, no clock store to read or write;
 *  - LEGACY (a database opened at a version before 14 — migration tests write old-shaped data
 *    through the app's own write path): one `oplog` row per op, clocks in `fieldClocks` (from
 *    v3; before v3 there are none and ops carry no `prev`).
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateResponse, DBCoreTransaction } from 'dexie';
import type { FieldClocks } from '../../../shared/sync/merge';
import type { SyncOp } from '../../../shared/sync/op';
import { appendOps } from './opChunkAppend';
import { LEGACY_OPLOG_TABLE, OP_CHUNKS_TABLE } from './opChunks';
import { clocksOf } from './rowClocks';

/** Local table of per-field clocks, schema v3 to v13: `{table, id, clocks}` under [table+id]. */
export const FIELD_CLOCKS_TABLE = 'fieldClocks';

/** A row of the fieldClocks table (before schema v14). */
export interface ClockRow {
  table: string;
  id: string;
  clocks: FieldClocks;
}

type Key = string;
type Row = Record<string, unknown>;

export interface TrackingLayout {
  /** Clocks live in the record row: reads must remove them, writes must add them. */
  readonly inlineClocks: boolean;
  /** Ops carry `prev` (there are field clocks at all). */
  readonly hasClocks: boolean;
  /** Stores every tracked write transaction must include besides the ledger tables. */
  readonly stores: string[];
  /**
   * The clocks of `keys` before the write. `rows` are the stored rows when the caller read them
   * (null: it knows the keys are new and read nothing).
   */
  clocksBefore(trans: DBCoreTransaction, table: string, keys: Key[], rows: (Row | undefined)[] | null): Promise<(FieldClocks | undefined)[]>;
  /** Appends the ops (opId order) and, where clocks have their own store, the clocks after them. */
  append(trans: DBCoreTransaction, table: string, ops: SyncOp[], clocksAfter: Map<Key, FieldClocks>): Promise<void>;
}

/** Throws the first failure of a log write, aborting the transaction (the data must not commit without its log). */
export function mustSucceed(trans: DBCoreTransaction, write: Promise<DBCoreMutateResponse>, what: string): Promise<void> {
  return write
    .then((res) => {
      if (res.numFailures > 0) {
        const first = Object.values(res.failures)[0];
        throw first ?? new Error(`${what} write failed`);
      }
    })
    .catch((err: unknown) => {
      try {
        trans.abort();
      } catch {
        /* already finished */
      }
      throw err;
    });
}

export function trackingLayoutOf(down: DBCore): TrackingLayout {
  const has = (name: string) => down.schema.tables.some((t) => t.name === name);
  if (has(OP_CHUNKS_TABLE)) return inlineLayout(down);
  return legacyLayout(down, has(FIELD_CLOCKS_TABLE));
}

function inlineLayout(down: DBCore): TrackingLayout {
  return {
    inlineClocks: true,
    hasClocks: true,
    stores: [OP_CHUNKS_TABLE],
    clocksBefore: (_trans, _table, keys, rows) => Promise.resolve(rows === null ? keys.map(() => undefined) : rows.map((r) => clocksOf(r))),
    // Small appends merge into the newest small chunks (opChunkAppend.ts): one chunk per edit no more.
    append: (trans, _table, ops) => appendOps(down.table(OP_CHUNKS_TABLE), trans, ops),
  };
}

/** readClocks: from this many keys on, consider one range read instead of a get per key… */
const RANGE_READ_MIN_KEYS = 1000;
/** …and do it when the range holds at most this many rows per wanted key. */
const RANGE_READ_MAX_SPREAD = 4;

function legacyLayout(down: DBCore, hasClocks: boolean): TrackingLayout {
  const clockStore = () => down.table(FIELD_CLOCKS_TABLE);
  function readClocks(trans: DBCoreTransaction, table: string, keys: Key[]): Promise<(FieldClocks | undefined)[]> {
    const valid = keys.filter((k) => typeof k === 'string');
    if (!hasClocks || valid.length === 0) return Promise.resolve(keys.map(() => undefined));
    const store = clockStore();
    const byKeys = () =>
      store.getMany({ trans, keys: valid.map((k) => [table, k]) }).then((rows) => new Map(valid.map((k, i) => [k, (rows[i] as ClockRow | undefined)?.clocks])));
    if (valid.length < RANGE_READ_MIN_KEYS) return byKeys().then((byKey) => keys.map((k) => byKey.get(k)));
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
  return {
    inlineClocks: false,
    hasClocks,
    stores: hasClocks ? [LEGACY_OPLOG_TABLE, FIELD_CLOCKS_TABLE] : [LEGACY_OPLOG_TABLE],
    clocksBefore: (trans, table, keys) => readClocks(trans, table, keys),
    append(trans, table, ops, clocksAfter) {
      const logged = mustSucceed(trans, down.table(LEGACY_OPLOG_TABLE).mutate({ type: 'add', trans, values: ops }), 'oplog');
      if (!hasClocks) return logged;
      const rows: ClockRow[] = [...clocksAfter].map(([id, clocks]) => ({ table, id, clocks }));
      return Promise.all([logged, mustSucceed(trans, clockStore().mutate({ type: 'put', trans, values: rows }), 'fieldClocks')]).then(() => undefined);
    },
  };
}
