/**
 * When the merge can do without a record's oplog history (issue 10: an incremental import of
 * 100,000 one-field edits read the whole log back only to find it had nothing to say).
 *
 * applyOps (merge.ts) reads a record's history for three things, and each is provably empty for
 * an op that CONTINUES the record's clocks:
 *  - "already applied?": applying an op sets the clock of every field it writes to at least its
 *    opId, and clocks only move forward. So an op writing a field whose clock is absent or older
 *    than the op was never applied here.
 *  - conflicts: a sibling is an applied op E that wrote the same field with the same `prev` P.
 *    E was written after P was seen (HLC), so E > P, and the field's clock would be ≥ E. Hence
 *    when the op's `prev` for the field IS the clock (null: the field has no clock), no sibling
 *    exists. Ops of the same batch advance the clocks in opId order, as applyOps does.
 *  - delete clashes: only a record that is or becomes tombstoned.
 * (closeAnsweredConflicts reads the history of records with open conflicts: the caller adds
 * those itself.) Any op that does not fit — an older op arriving late, a duplicate, a concurrent
 * edit, a delete, a resolution — makes the record need its history, as before.
 */
import type { FieldClocks, LedgerRow } from './merge';
import { fieldWrites, type SyncOp } from './op';
import { TOMBSTONE_FIELD, UNREPORTED_CONFLICT_FIELDS } from './tables';

const byOpId = (a: SyncOp, b: SyncOp) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0);

/**
 * True when applyOps needs the record's history to apply `ops` (this record's ops of the batch)
 * over `record` with `clocks` (both undefined for a record new here).
 */
export function needsHistory(record: LedgerRow | undefined, clocks: FieldClocks | undefined, ops: readonly SyncOp[]): boolean {
  // A stored record without clocks was written by no op here (an upgrade made it): nothing is
  // known of it, so its history decides as before.
  if (record !== undefined && clocks === undefined) return true;
  const tombstone = record?.[TOMBSTONE_FIELD];
  if (tombstone !== undefined && tombstone !== null) return true;
  const now: Record<string, string | undefined> = { ...(clocks ?? {}) };
  for (const op of [...ops].sort(byOpId)) {
    if (op.deleted || op.resolves !== undefined) return true;
    const writes = fieldWrites(op);
    let isNew = false;
    for (const w of writes) {
      if (w.field === TOMBSTONE_FIELD) return true;
      const clock = now[w.field];
      if (clock === undefined || clock < op.opId) isNew = true;
      // `prev` undefined: an op from before prev existed, never checked for siblings.
      if (w.prev !== undefined && !UNREPORTED_CONFLICT_FIELDS.has(w.field) && (w.prev ?? undefined) !== clock) return true;
    }
    if (!isNew) return true;
    for (const w of writes) {
      const clock = now[w.field];
      if (clock === undefined || op.opId > clock) now[w.field] = op.opId;
    }
  }
  return false;
}
