import { ledgerTableNames, type LedgerRecord, type LedgerTableName } from '../../../shared/domain/ledgerTables';
import type { SciLedgerDb } from './database';
import { keyedTables } from './ledgerKeys';
import { liveCount } from './pagedLedger';
import { buildRecord, type CreateInput } from './ledgerRepository';
import { validateRecord } from './validation';

/** 设置 → 数据 operations. Every write here goes through the tracked path: audited and synced. */

export type LedgerCounts = Record<LedgerTableName, number>;

/** A record tombstoned by one 清空, so that the clear can be undone exactly. */
export interface ClearedRef {
  table: LedgerTableName;
  id: string;
  deletedAt: string;
}

export interface ClearOptions {
  /**
   * Also tombstone the `settings` records (organisation names, policy profile). Off by default:
   * 清空 is about ledger data ("设置与操作记录保留"), and losing the organisation names would
   * change every document.
   */
  includeSettings?: boolean;
}

const isActive = (r: { deletedAt?: string | null }) => !r.deletedAt;

/** Active (non-tombstoned) records per ledger table; a plain read, usable in useLiveQuery. */
export async function countActiveRecords(db: SciLedgerDb): Promise<LedgerCounts> {
  const counts = {} as LedgerCounts;
  // Paged ledgers (100,000 records) are counted on their recent-first key index, keys only; the
  // others by reading their records.
  for (const t of ledgerTableNames) counts[t] = keyedTables.has(t) ? await liveCount(db, t) : await db.ledger(t).filter(isActive).count();
  return counts;
}

/**
 * 清空. Tombstones every active record in one transaction rather than emptying the tables:
 * DESIGN §Data says records are never hard-deleted and §Sync says deletes are tombstones, never
 * inferred from absence. A real `clear()` would log hard deletes that other machines could not
 * tell from data loss; tombstones make the clear an ordinary, audited, synced change that
 * `restoreCleared` can undo. Returns the records it tombstoned.
 */
export async function clearAllLedgers(db: SciLedgerDb, options: ClearOptions = {}): Promise<ClearedRef[]> {
  const tables = ledgerTableNames.filter((t) => options.includeSettings || t !== 'settings');
  const cleared: ClearedRef[] = [];
  await db.transaction('rw', tables, async () => {
    const now = new Date().toISOString();
    for (const table of tables) {
      await db
        .ledger(table)
        .filter(isActive)
        .modify((r: { id: string; deletedAt?: string | null; updatedAt: string }) => {
          r.deletedAt = now;
          r.updatedAt = now;
          cleared.push({ table, id: r.id, deletedAt: now });
        });
    }
  });
  return cleared;
}

/**
 * 撤销清空: clears the tombstones that `clearAllLedgers` set, in one transaction. A record that
 * was changed since (its deletedAt is no longer the clear's) is left alone.
 */
export async function restoreCleared(db: SciLedgerDb, cleared: readonly ClearedRef[]): Promise<number> {
  const tables = [...new Set(cleared.map((c) => c.table))];
  if (tables.length === 0) return 0;
  let restored = 0;
  await db.transaction('rw', tables, async () => {
    const now = new Date().toISOString();
    for (const table of tables) {
      const refs = cleared.filter((c) => c.table === table);
      const current = await db.ledger(table).bulkGet(refs.map((r) => r.id) as never[]);
      const changes = refs
        .filter((ref, i) => current[i]?.deletedAt === ref.deletedAt)
        .map((ref) => ({ key: ref.id, changes: { deletedAt: null, updatedAt: now } }));
      restored += await db.ledger(table).bulkUpdate(changes as never);
    }
  });
  return restored;
}

export type LedgerRecords = { [T in LedgerTableName]?: Record<string, unknown>[] };

/**
 * Writes complete records (e.g. from shared/domain/sampleDataset.ts buildSampleRecords) in one
 * transaction after validating all of them, so a bad file changes nothing. Uses put: sample
 * records have fixed ids, so loading again (after 清空) restores them instead of failing.
 * Returns the number of records written.
 */
export async function loadSampleRecords(db: SciLedgerDb, records: LedgerRecords): Promise<number> {
  const prepared: [LedgerTableName, LedgerRecord<LedgerTableName>[]][] = [];
  for (const t of ledgerTableNames) {
    const rows = records[t];
    if (rows?.length) prepared.push([t, rows.map((row, i) => validateRecord(t, row, i))]);
  }
  if (prepared.length === 0) return 0;
  let total = 0;
  await db.transaction('rw', prepared.map(([t]) => t), async () => {
    for (const [t, rows] of prepared) {
      await db.ledger(t).bulkPut(rows as never[]);
      total += rows.length;
    }
  });
  return total;
}

export type LedgerDataset = { [T in LedgerTableName]?: CreateInput<T>[] };

/**
 * Bulk-creates records from entity fields `{ [table]: fields[] }` (ids kept when given,
 * timestamps stamped now) in one transaction. Throws ValidationError before writing anything.
 */
export async function loadSampleData(db: SciLedgerDb, dataset: LedgerDataset): Promise<number> {
  const now = new Date().toISOString();
  const records: LedgerRecords = {};
  for (const t of ledgerTableNames) {
    const rows = dataset[t] as CreateInput<typeof t>[] | undefined;
    if (rows?.length) records[t] = rows.map((fields, i) => buildRecord(t, fields, now, i) as Record<string, unknown>);
  }
  return loadSampleRecords(db, records);
}
