/**
 * Conflicts found by imports (DESIGN §Sync: "Same-field concurrent edits go to a visible
 * conflicts table with both values — nothing is silently dropped") and their resolution.
 *
 * Resolving is an ordinary TRACKED local write of the chosen value (shared/sync/index.ts): its
 * `prev` is the current value's opId, so on every other machine it is a later edit, not a new
 * conflict, and the choice syncs like any edit. The op always writes the field — also when the
 * record already holds the chosen value — and names the conflict in `resolves`, so every machine
 * closes the same conflict when it imports it (issue 10), whoever resolved it.
 */
import { checkFieldValue, tableLabel, TOMBSTONE_FIELD } from '../../../../shared/sync/tables';
import type { SciLedgerDb } from '../database';
import { announceResolution } from '../tracking';
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
  return db.transaction('rw', [table, db.conflicts], async (tx) => {
    const record = (await table.get(row.id)) as Record<string, unknown> | undefined;
    if (!record) throw new Error(`${tableLabel(row.table)}中找不到这条记录`);
    const now = new Date(db.tracker.nowMs()).toISOString();
    const next = { ...record };
    if (value === undefined) delete next[row.field];
    else next[row.field] = value;
    if (row.field !== 'updatedAt') next.updatedAt = now;
    // Other open conflicts of the same field are answered by the same choice.
    const sameField = (await db.conflicts.where('[table+id]').equals([row.table, row.id]).toArray()).filter((c) => c.field === row.field && c.resolvedAt === undefined);
    const keys = [...new Set([row.key, ...sameField.map((c) => c.key)])];
    announceResolution(db.tracker, tx, { table: row.table, id: row.id, field: row.field, keys });
    await table.put(next); // tracked: an op writing the field, prev = the current value's opId, resolves = keys
    for (const other of sameField) if (other.key !== row.key) await db.conflicts.put({ ...other, resolvedAt: now, resolution });
    const resolved: ConflictRow = { ...row, resolvedAt: now, resolution };
    await db.conflicts.put(resolved);
    return view(resolved, nodeId);
  });
}

/**
 * Open conflicts that imported ops have answered, inside the import transaction:
 *  - an op whose `resolves` names the conflict: a clerk somewhere chose its value (issue 10 —
 *    also a third machine, or a winner that kept its own value);
 *  - an edit from the machine that wrote one side naming the OTHER side as its `prev`: its author
 *    saw both values. (An edit whose prev is its own side continues that line without having
 *    seen ours, and leaves the conflict open.)
 * `history` is every applied op of the records concerned (the merge's state), so a conflict found
 * only now — its second side arrived with or after the resolution — is closed as well.
 */
export async function closeAnsweredConflicts(
  db: SciLedgerDb,
  appliedOps: readonly SyncOp[],
  history: (table: string, id: string) => readonly SyncOp[],
  now: string,
): Promise<ReadonlySet<string>> {
  const open = (await db.conflicts.toArray()).filter((c) => c.resolvedAt === undefined);
  if (open.length === 0) return new Set();
  const byField = new Map<string, ConflictRow[]>();
  for (const c of open) {
    const key = `${c.table}|${c.id}|${c.field}`;
    byField.set(key, [...(byField.get(key) ?? []), c]);
  }
  const closed = new Map<string, ConflictRow>();
  const close = (c: ConflictRow, resolution: NonNullable<ConflictRow['resolution']>) => {
    if (closed.has(c.key)) return;
    closed.set(c.key, { ...c, resolvedAt: now, resolution });
  };
  const byKey = new Map(open.map((c) => [c.key, c]));
  const records = new Set(open.map((c) => `${c.table}|${c.id}`));
  for (const rec of records) {
    const [table, id] = rec.split('|');
    for (const op of history(table, id)) for (const key of op.resolves ?? []) if (byKey.has(key)) close(byKey.get(key) as ConflictRow, 'elsewhere');
  }
  for (const op of appliedOps) {
    for (const key of op.resolves ?? []) if (byKey.has(key)) close(byKey.get(key) as ConflictRow, 'elsewhere');
    for (const [field, prevOpId] of Object.entries(op.prev ?? {})) {
      for (const c of byField.get(`${op.table}|${op.id}|${field}`) ?? []) {
        const sawBoth =
          (c.winner.opId === prevOpId && op.nodeId === c.loser.nodeId) || (c.loser.opId === prevOpId && op.nodeId === c.winner.nodeId);
        if (sawBoth) close(c, 'superseded');
      }
    }
  }
  if (closed.size) await db.conflicts.bulkPut([...closed.values()]);
  return new Set(closed.keys());
}
