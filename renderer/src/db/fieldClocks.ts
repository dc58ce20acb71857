/**
 * Reading the field clocks of stored records (rowClocks.ts keeps them inside the rows, hidden from
 * ordinary reads): for checks that compare a machine's clocks with the pure merge's, and for
 * diagnostics. 待补全 records count too — their clocks wait with them.
 */
import type { FieldClocks } from '../../../shared/sync/merge';
import type { SciLedgerDb } from './database';
import { clocksOf } from './rowClocks';
import { markTransactionSelfLogged } from './tracking';

/** Per record id of `table` (all of them, or `ids`), its clocks; records without any are left out. */
export async function readFieldClocks(db: SciLedgerDb, table: string, ids?: readonly string[]): Promise<Map<string, FieldClocks>> {
  return db.transaction('r', [table, db.pendingRecords.name], async (tx) => {
    markTransactionSelfLogged(db.tracker, tx); // rows as stored, clocks included
    const rows = (ids ? (await db.table(table).bulkGet([...ids])).filter((r) => r !== undefined) : await db.table(table).toArray()) as Record<string, unknown>[];
    const out = new Map<string, FieldClocks>();
    for (const row of rows) {
      const c = clocksOf(row);
      if (c) out.set(String(row.id), c);
    }
    const waiting = await db.pendingRecords.where('[table+id]').between([table, ''], [table, '\uffff']).toArray();
    for (const w of waiting) if (w.clocks && (!ids || ids.includes(w.id))) out.set(w.id, w.clocks);
    return out;
  });
}
