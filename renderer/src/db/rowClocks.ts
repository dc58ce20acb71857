/**
 * Field clocks kept INSIDE the record row (schema v14, issue 10): per field, the opId of the
 * value it holds — what last-writer-wins and `prev` read (shared/sync/merge.ts). Before v14 they
 * lived in a `fieldClocks` store, which cost every tracked write a second read and a second
 * write request per record.
 *
 * The row carries them under CLOCKS_FIELD, packed by op (`{opId: [field, …]}`): a record written
 * by one op stores its opId once instead of once per field. The change-tracking middleware adds
 * them on write and removes them from every read, so no caller — repositories, forms, screens,
 * exports — ever sees them; only storage-level code (the sync import, migrations) does.
 */
import type { FieldClocks } from '../../../shared/sync/merge';

/** The row property holding the packed clocks (no ledger field starts with `$`). */
export const CLOCKS_FIELD = '$clocks';
/**
 * The row property holding the stored part of the record's ledger key (schema v19,
 * ledgerKeys.ts): derived on this machine, hidden from every read like the clocks.
 */
export const KEY_FIELD = '$key';

/** Clocks as stored: opId → the fields whose value that op wrote. */
export type PackedClocks = Record<string, string[]>;

export function packClocks(clocks: FieldClocks): PackedClocks {
  const packed: PackedClocks = {};
  for (const field in clocks) {
    const opId = clocks[field];
    const fields = packed[opId];
    if (fields) fields.push(field);
    else packed[opId] = [field];
  }
  return packed;
}

export function unpackClocks(packed: unknown): FieldClocks | undefined {
  if (packed === undefined || packed === null || typeof packed !== 'object') return undefined;
  const clocks: FieldClocks = {};
  for (const [opId, fields] of Object.entries(packed as PackedClocks)) for (const field of fields) clocks[field] = opId;
  return clocks;
}

/** The row to store: the record with its clocks (a new object; the caller's stays as it was). */
export function withClocks(record: Record<string, unknown>, clocks: FieldClocks | undefined): Record<string, unknown> {
  const row = { ...record };
  if (clocks === undefined) delete row[CLOCKS_FIELD];
  else row[CLOCKS_FIELD] = packClocks(clocks);
  return row;
}

/** The record as callers see it: the stored row without its clocks and key (the row itself if it has neither). */
export function recordOf<T>(row: T): T {
  if (row === undefined || row === null || typeof row !== 'object' || !(CLOCKS_FIELD in row || KEY_FIELD in row)) return row;
  const { [CLOCKS_FIELD]: _clocks, [KEY_FIELD]: _key, ...record } = row as Record<string, unknown>;
  return record as T;
}

/** A stored row's clocks (undefined: the record was never written by a tracked op here). */
export function clocksOf(row: Record<string, unknown> | undefined): FieldClocks | undefined {
  return row === undefined ? undefined : unpackClocks(row[CLOCKS_FIELD]);
}
