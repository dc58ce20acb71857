/**
 * Machines for the sync tests: one fresh fake-indexeddb database per node, bundles passed
 * between them as bytes (what a USB stick carries), and dumps for "unchanged" checks.
 */
import type { SciLedgerDb, SciLedgerDbOptions } from '../../../../../renderer/src/db/database';
import { canonical } from '../../../../../renderer/src/db/sync/dump';
import { exportBundle, getLocalVector, importBundle, setNodeName, type ImportResult } from '../../../../../renderer/src/db/sync';
import { freshDb } from '../helpers';

export async function node(name: string, options?: SciLedgerDbOptions): Promise<SciLedgerDb> {
  const db = await freshDb(options);
  await setNodeName(db, name);
  return db;
}

/** `from` exports what `to` lacks (by `to`'s vector) and `to` imports it. */
export async function send(from: SciLedgerDb, to: SciLedgerDb, options: { confirmLargeDelete?: boolean } = {}): Promise<ImportResult> {
  const { bytes } = await exportBundle(from, { kind: 'incremental', receiverVector: await getLocalVector(to) });
  return importBundle(to, bytes, options);
}

/** Every store of the database, canonical JSON: the "byte-for-byte unchanged" check. */
export async function dumpAll(db: SciLedgerDb): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of [...db.tables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const keys = await table.toCollection().primaryKeys();
    out[table.name] = { keys, rows: canonical(await table.toArray()) };
  }
  return JSON.stringify(out);
}

export const T0 = Date.parse('2026-11-24T08:00:00.000Z');
