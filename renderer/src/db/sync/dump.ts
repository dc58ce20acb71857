/**
 * Every ledger table as canonical plain JSON (rows by id, keys sorted, undefined dropped): what
 * the sync tests compare across machines and what "the database is unchanged" is checked with.
 */
import type { SciLedgerDb } from '../database';
import { localLedgerTables } from './node';
import type { LedgerDump } from './types';

/** Deep copy with object keys sorted and undefined properties dropped (as JSON would). */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

export async function dumpLedgers(db: SciLedgerDb): Promise<LedgerDump> {
  const tables = localLedgerTables(db);
  return db.transaction('r', tables, async () => {
    const dump: LedgerDump = {};
    for (const table of tables) {
      const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
      dump[table] = rows.sort(byId).map((r) => canonical(r) as Record<string, unknown>);
    }
    return dump;
  });
}
