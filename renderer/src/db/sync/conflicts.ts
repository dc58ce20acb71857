/**
 * Conflicts found by imports (DESIGN §Sync: "Same-field concurrent edits go to a visible
 * conflicts table with both values — nothing is silently dropped") and their resolution.
 *
 * Resolving is an ordinary TRACKED local write of the chosen value (shared/sync/index.ts): its
 * `prev` is the current value's opId, so on every other machine it is a later edit, not a new
 * conflict, and the choice syncs like any edit. The conflict row itself is local bookkeeping.
 */
import { jsonEqual } from '../../../../shared/sync';
import { checkFieldValue, tableLabel, TOMBSTONE_FIELD } from '../../../../shared/sync/tables';
import type { SciLedgerDb } from '../database';
import { localNodeId } from './node';
import type { ConflictRow, StoredConflict } from './types';
import type { SyncOp } from '../../../../shared/sync';

export type ConflictChoice = { keep: 'winner' | 'loser' } | { value: unknown };

function view(row: ConflictRow, nodeId: string): StoredConflict {
  return { ...row, winner: { ...row.winner, isLocal: row.winner.nodeId === nodeId }, loser: { ...row.loser, isLocal: row.loser.nodeId === nodeId } };
}

/** Every stored conflict: unresolved first, then newest first (by the later side's opId). */
export async function listConflicts(db: SciLedgerDb): Promise<StoredConflict[]> {
  const nodeId = await localNodeId(db);
  const rows = await db.conflicts.toArray();
  const open = (r: ConflictRow) => (r.resolvedAt === undefined ? 0 : 1);
  rows.sort((a, b) => open(a) - open(b) || (a.winner.opId < b.winner.opId ? 1 : a.winner.opId > b.winner.opId ? -1 : a.key < b.key ? -1 : 1));
  return rows.map((r) => view(r, nodeId));
}

/**
 * Keep the winner's value, the loser's, or an edited one, in one transaction with marking the
 * conflict resolved. The value is validated against the table's schema for this field first.
 * When the record already holds the chosen value nothing is written to the ledger.
 */
export async function resolveConflict(db: SciLedgerDb, key: string, choice: ConflictChoice): Promise<StoredConflict> {
  const nodeId = await localNodeId(db);
  const row = await db.conflicts.get(key);
  if (!row) throw new Error('找不到这条冲突记录，可能已被处理');
  let value: unknown;
  let resolution: NonNullable<ConflictRow['resolution']>;
  if ('keep' in choice) {
    const side = choice.keep === 'winner' ? row.winner : row.loser;
    value = side.unset ? undefined : side.value;
    resolution = side.nodeId === nodeId ? 'mine' : 'theirs';
  } else {
    value = choice.value;
    resolution = 'edited';
  }
  // A tombstone may be cleared (record restored); other fields must satisfy the schema.
  const problem = row.field === TOMBSTONE_FIELD && (value === undefined || value === null) ? null : checkFieldValue(row.table, row.id, row.field, value);
  if (problem) throw new Error(problem);

  const table = db.table(row.table);
  return db.transaction('rw', [table, db.conflicts], async () => {
    const record = (await table.get(row.id)) as Record<string, unknown> | undefined;
    if (!record) throw new Error(`${tableLabel(row.table)}中找不到这条记录`);
    const now = new Date(db.tracker.nowMs()).toISOString();
    const same = value === undefined ? record[row.field] === undefined : jsonEqual(record[row.field], value);
    if (!same) {
      const next = { ...record };
      if (value === undefined) delete next[row.field];
      else next[row.field] = value;
      if (row.field !== 'updatedAt') next.updatedAt = now;
      await table.put(next); // tracked: an oplog entry with prev = the current value's opId
    }
    const resolved: ConflictRow = { ...row, resolvedAt: now, resolution };
    await db.conflicts.put(resolved);
    return view(resolved, nodeId);
  });
}

/**
 * Open conflicts that an imported edit has answered — typically the other machine resolving the
 * same conflict. The edit must come from the machine that wrote one side and name the OTHER side
 * as its `prev`: only then did its author see both values. (An edit whose prev is its own side
 * continues that line without having seen ours, and leaves the conflict open.) Runs inside the
 * import transaction.
 */
export async function closeSupersededConflicts(db: SciLedgerDb, appliedOps: readonly SyncOp[], now: string): Promise<number> {
  const open = (await db.conflicts.toArray()).filter((c) => c.resolvedAt === undefined);
  if (open.length === 0) return 0;
  const byField = new Map<string, ConflictRow[]>();
  for (const c of open) {
    const key = `${c.table}|${c.id}|${c.field}`;
    byField.set(key, [...(byField.get(key) ?? []), c]);
  }
  const closed: ConflictRow[] = [];
  for (const op of appliedOps) {
    for (const [field, prevOpId] of Object.entries(op.prev ?? {})) {
      for (const c of byField.get(`${op.table}|${op.id}|${field}`) ?? []) {
        const sawBoth =
          (c.winner.opId === prevOpId && op.nodeId === c.loser.nodeId) || (c.loser.opId === prevOpId && op.nodeId === c.winner.nodeId);
        if (c.resolvedAt === undefined && sawBoth) {
          c.resolvedAt = now;
          c.resolution = 'superseded';
          closed.push(c);
        }
      }
    }
  }
  if (closed.length) await db.conflicts.bulkPut(closed);
  return closed.length;
}
