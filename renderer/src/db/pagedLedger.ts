import { Dexie, type Table } from 'dexie';
import { KeyIndex } from '../../../shared/search/keyIndex';
import { deriveStoredKey, keyRowOf, keySpecOf, type LedgerKeyRow } from '../../../shared/search/ledgerKeys';
import type { SciLedgerDb } from './database';
import { RECENT_KEY_INDEX, storedKeyOf, type KeyChange } from './ledgerKeys';
import { recordOf } from './rowClocks';
import { markTransactionSelfLogged } from './tracking';

/**
 * The ledger keys of paged ledgers in memory, one KeyIndex per table and database, loaded on first
 * use and then kept current from committed writes (db.keyChanges) — a write while the ledger is
 * open updates one row of the index, it does not reload anything.
 */
interface Entry {
  index: KeyIndex | null;
  loading: Promise<KeyIndex> | null;
  /** Changes committed while the key rows were being read; applied after (upserts are idempotent). */
  buffered: KeyChange[];
  listeners: Set<() => void>;
}

export class LedgerKeyIndexes {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: SciLedgerDb) {
    db.keyChanges.subscribe((change) => this.apply(change));
  }

  private entry(table: string): Entry {
    let e = this.entries.get(table);
    if (!e) this.entries.set(table, (e = { index: null, loading: null, buffered: [], listeners: new Set() }));
    return e;
  }

  private apply(change: KeyChange): void {
    const e = this.entries.get(change.table);
    if (!e) return;
    if (!e.index) {
      if (e.loading) e.buffered.push(change);
      return;
    }
    e.index.upsert(change.upserted);
    e.index.remove(change.removed);
    for (const l of e.listeners) l();
  }

  /** The index if it is in memory already. */
  peek(table: string): KeyIndex | null {
    return this.entries.get(table)?.index ?? null;
  }

  /** Reads the table's key rows (once) and returns its index. */
  load(table: string): Promise<KeyIndex> {
    const e = this.entry(table);
    if (e.index) return Promise.resolve(e.index);
    e.loading ??= readKeyIndex(this.db, table).then((index) => {
      for (const change of e.buffered.splice(0)) {
        index.upsert(change.upserted);
        index.remove(change.removed);
      }
      e.index = index;
      e.loading = null;
      for (const l of e.listeners) l();
      return index;
    });
    return e.loading;
  }

  /** Called after every committed change to the table's key rows (and when they have loaded). */
  subscribe(table: string, listener: () => void): () => void {
    const e = this.entry(table);
    e.listeners.add(listener);
    return () => e.listeners.delete(listener);
  }
}

/** Records read per step: each chunk goes into the index's columns and is dropped. */
const CHUNK = 10_000;

/**
 * `read` on the rows of `table` AS STORED, with their hidden ledger key (the change tracker hides
 * it from ordinary reads, ledgerKeys.ts): in a read-only transaction marked storage-level.
 */
function readStored<T>(db: SciLedgerDb, table: string, read: (t: Table) => Promise<T>): Promise<T> {
  return db.transaction('r', table, (tx) => {
    markTransactionSelfLogged(db.tracker, tx);
    return read(db.table(table));
  });
}

/** The key rows of stored rows of a keyed table (the rest of each key row is read off the record). */
function keyRowsOf(table: string, rows: readonly Record<string, unknown>[]): LedgerKeyRow[] {
  const spec = keySpecOf(table);
  if (!spec) throw new Error(`${table} 不是分页台账`);
  return rows.map((row) => {
    const record = recordOf(row);
    return keyRowOf(table, spec, record, storedKeyOf(row) ?? deriveStoredKey(spec, record));
  });
}

/**
 * Reads the table's ledger keys chunk by chunk along the primary key into a new index: the rows
 * as objects never exist all at once (the index keeps them column by column), and the page stays
 * responsive between chunks.
 */
async function readKeyIndex(db: SciLedgerDb, table: string): Promise<KeyIndex> {
  const index = new KeyIndex([], table);
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const rows: Record<string, unknown>[] = await readStored(db, table, (t): Promise<Record<string, unknown>[]> => (from === null ? t.orderBy(':id') : t.where(':id').above(from)).limit(CHUNK).toArray());
    if (rows.length === 0) break;
    index.upsert(keyRowsOf(table, rows));
    if (rows.length < CHUNK) break;
    after = String(rows[rows.length - 1].id);
  }
  return index;
}

const perDb = new WeakMap<SciLedgerDb, LedgerKeyIndexes>();

export function ledgerKeyIndexes(db: SciLedgerDb): LedgerKeyIndexes {
  let k = perDb.get(db);
  if (!k) perDb.set(db, (k = new LedgerKeyIndexes(db)));
  return k;
}

/**
 * The first page of a ledger in "most recently changed first" order, read from the table's
 * recent-first index (live records by updatedAt, ledgerKeys.ts RECENT_KEY_INDEX) — shown before
 * the keys are in memory, so opening a 100,000-record ledger paints at once. Same order as
 * KeyIndex sorted by updatedAt descending.
 */
export function recentFirstPage(db: SciLedgerDb, table: string, limit: number): Promise<LedgerKeyRow[]> {
  return readStored(db, table, (t) => recentRange(t).reverse().limit(limit).toArray()).then((rows) => keyRowsOf(table, rows as Record<string, unknown>[]));
}

/** Live records of a keyed table (IndexedDB walks the index to count: ask after the first page). */
export function liveCount(db: SciLedgerDb, table: string): Promise<number> {
  return recentRange(db.table(table)).count();
}

const recentRange = (t: Table) => t.where(RECENT_KEY_INDEX).between([1, Dexie.minKey], [1, Dexie.maxKey]);
