import { Dexie } from 'dexie';
import { KeyIndex } from '../../../shared/search/keyIndex';
import type { LedgerKeyRow } from '../../../shared/search/ledgerKeys';
import type { SciLedgerDb } from './database';
import type { KeyChange } from './ledgerKeys';

/**
 * The key rows of paged ledgers in memory, one KeyIndex per table and database, loaded on first
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

/** Key rows read per step: each chunk goes into the index's columns and is dropped. */
const CHUNK = 10_000;

/**
 * Reads the table's key rows chunk by chunk along [table+id] into a new index: the rows as
 * objects never exist all at once (the index keeps them column by column), and the page stays
 * responsive between chunks.
 */
async function readKeyIndex(db: SciLedgerDb, table: string): Promise<KeyIndex> {
  const index = new KeyIndex([], table);
  let after: string | null = null;
  for (;;) {
    const lower: [string, string] | [string, typeof Dexie.minKey] = after === null ? [table, Dexie.minKey] : [table, after];
    const rows: LedgerKeyRow[] = await db.ledgerKeys
      .where('[table+id]')
      .between(lower, [table, Dexie.maxKey], after === null, true)
      .limit(CHUNK)
      .toArray();
    if (rows.length === 0) break;
    index.upsert(rows);
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1].id;
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
 * The first page of a ledger in "most recently changed first" order, read from the
 * [table+live+updatedAt] index — shown before the key rows are in memory, so opening a
 * 100,000-record ledger paints at once. Same order as KeyIndex sorted by updatedAt descending.
 */
export function recentFirstPage(db: SciLedgerDb, table: string, limit: number): Promise<LedgerKeyRow[]> {
  return recentRange(db, table).reverse().limit(limit).toArray();
}

/** Live records of a keyed table (IndexedDB walks the index to count: ask after the first page). */
export function liveCount(db: SciLedgerDb, table: string): Promise<number> {
  return recentRange(db, table).count();
}

const recentRange = (db: SciLedgerDb, table: string) => db.ledgerKeys.where('[table+live+updatedAt]').between([table, 1, Dexie.minKey], [table, 1, Dexie.maxKey]);
