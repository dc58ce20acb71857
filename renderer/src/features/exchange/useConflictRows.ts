import { useCallback, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { referenceFields } from '../../../../shared/domain/references';
import { useDb } from '../../db/DbContext';
import type { SciLedgerDb } from '../../db/database';
import { getNodeId } from '../../db/meta';
import { getLocalVector, listConflicts } from '../../db/sync';
import { toConflictRow, type ConflictLike, type ConflictRow } from './conflictRows';
import { knownMachines, machineNamer, type AppliedBundleRow, type KnownMachine } from './machines';

/** The other machines this one has applied bundles from (the local appliedBundles table). */
export async function loadKnownMachines(db: SciLedgerDb): Promise<KnownMachine[]> {
  const rows = (await db.table('appliedBundles').toArray()) as AppliedBundleRow[];
  return knownMachines(rows, await getLocalVector(db), await getNodeId(db));
}

async function loadConflictRows(db: SciLedgerDb): Promise<{ open: ConflictRow[]; resolved: ConflictRow[]; raw: Map<string, ConflictLike> }> {
  const conflicts = (await listConflicts(db)) as ConflictLike[];
  const localNodeId = await getNodeId(db);
  const machines = conflicts.length ? await loadKnownMachines(db) : [];
  // The records named in the conflicts, and those their reference fields point to.
  const wanted = new Map<LedgerTableName, Set<string>>();
  const want = (table: LedgerTableName, id: unknown) => {
    if (typeof id !== 'string') return;
    if (!wanted.has(table)) wanted.set(table, new Set());
    wanted.get(table)!.add(id);
  };
  for (const c of conflicts) {
    want(c.table as LedgerTableName, c.id);
    const ref = referenceFields[c.field];
    if (ref) for (const v of [c.winner.value, c.loser.value].flat()) want(ref, v);
  }
  const records = new Map<string, Record<string, unknown>>();
  for (const [table, ids] of wanted) {
    const list = await db.ledger(table).bulkGet([...ids]);
    list.forEach((r) => r && records.set(`${table}:${r.id}`, r as Record<string, unknown>));
  }
  const rows = conflicts.map((c) => toConflictRow(c, localNodeId, (t, id) => records.get(`${t}:${id}`), machineNamer(machines)));
  return { open: rows.filter((r) => !r.resolved), resolved: rows.filter((r) => r.resolved), raw: new Map(conflicts.map((c) => [c.key, c])) };
}

/**
 * Live over imports from elsewhere; `reload()` after this screen's own resolve, because a
 * liveQuery this long (conflicts, names, machines) was seen to keep its pre-resolve result when
 * the write landed while it was running (E2E), and a clerk must see the row leave at once.
 */
export function useConflictRows() {
  const db = useDb();
  const [version, setVersion] = useState(0);
  const data = useLiveQuery(() => loadConflictRows(db), [db, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [data, reload] as const;
}
