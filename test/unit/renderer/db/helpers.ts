import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { createSciLedgerDb, openSciLedgerDb, type SciLedgerDb, type SciLedgerDbOptions } from '../../../../renderer/src/db/database';
import { markTransactionSelfLogged, setCurrentOperator } from '../../../../renderer/src/db/tracking';
import { storedKeyOf } from '../../../../renderer/src/db/ledgerKeys';
import { recordOf } from '../../../../renderer/src/db/rowClocks';
import { keyRowOf, keySpecOf, type LedgerKeyRow } from '../../../../shared/search/ledgerKeys';
import type { OplogEntry } from '../../../../renderer/src/db/oplog';

const opened: SciLedgerDb[] = [];

afterEach(async () => {
  setCurrentOperator(null);
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

let seq = 0;
/** A brand-new database per test (fake-indexeddb is shared by the whole file). */
export async function freshDb(options?: SciLedgerDbOptions, name = `test-${++seq}-${crypto.randomUUID()}`): Promise<SciLedgerDb> {
  const db = await openSciLedgerDb(name, options);
  opened.push(db);
  return db;
}

/**
 * A brand-new database that records every write request reaching `store` (type per request),
 * from below every app middleware: what a derived table really costs a write.
 */
export async function freshDbCountingWrites(store: string): Promise<{ db: SciLedgerDb; writes: string[] }> {
  const db = createSciLedgerDb(`test-${++seq}-${crypto.randomUUID()}`);
  const writes: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'countWrites',
    level: 0,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name !== store ? table : { ...table, mutate: (req) => (writes.push(req.type), table.mutate(req)) };
      },
    }),
  });
  await db.open();
  opened.push(db);
  return { db, writes };
}

/** Reopens a database by name (a second object on the same storage, like an app restart). */
export async function reopen(db: SciLedgerDb, options?: SciLedgerDbOptions): Promise<SciLedgerDb> {
  db.close();
  const again = await openSciLedgerDb(db.name, options);
  opened.push(again);
  return again;
}

export const oplog = (db: SciLedgerDb): Promise<OplogEntry[]> => db.oplog.toArray();

export const iso = '2026-11-24T08:00:00.000Z';

/** A valid advisor record (advisors schema) with a fixed or fresh id. */
export function advisor(overrides: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    name: '陈思远',
    honorific: '中国工程院院士',
    homeInstitution: '华南示范理工大学',
    status: '推荐' as const,
    createdAt: iso,
    updatedAt: iso,
    ...overrides,
  };
}

/** A record's row as stored: hidden clocks and ledger key included (a storage-level read). */
export function storedRow(db: SciLedgerDb, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return db.transaction('r', table, (tx) => {
    markTransactionSelfLogged(db.tracker, tx);
    return db.table(table).get(id) as Promise<Record<string, unknown> | undefined>;
  });
}

/** The key row a paged ledger reads for a record (ledgerKeys.ts: the stored key and the record). */
export async function keyRow(db: SciLedgerDb, table: string, id: string): Promise<LedgerKeyRow | undefined> {
  const row = await storedRow(db, table, id);
  const key = row && storedKeyOf(row);
  const spec = keySpecOf(table);
  return row && key && spec ? keyRowOf(table, spec, recordOf(row), key) : undefined;
}
