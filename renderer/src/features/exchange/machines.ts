import { mergeVectors, type Vector } from '../../../../shared/sync/vector';
import type { AppliedBundleRow as StoredAppliedBundle } from '../../db/sync';

/**
 * The other office PCs this machine has heard of, from the bundles it applied (the local
 * `appliedBundles` table). Used to name machines (冲突: "张三（财务科电脑）") and to export an
 * update for one of them.
 */

/** The part of an applied-bundle row (renderer/src/db/sync) that names and places a machine. */
export type AppliedBundleRow = Pick<StoredAppliedBundle, 'bundleId' | 'nodeId'> & Partial<Pick<StoredAppliedBundle, 'nodeName' | 'appliedAt' | 'createdAt' | 'vector'>>;

export interface KnownMachine {
  nodeId: string;
  name: string;
  /** When its newest bundle was applied here. */
  lastSeen: string;
  /**
   * What that machine holds at least: its newest bundle's vector, and in any case every op of
   * its own that we hold. Smaller than the truth only makes the update larger, never incomplete.
   */
  receiverVector: Vector;
}

export function knownMachines(rows: readonly AppliedBundleRow[], localVector: Vector, ownNodeId: string): KnownMachine[] {
  const newest = new Map<string, AppliedBundleRow>();
  for (const row of rows) {
    if (!row.nodeId || row.nodeId === ownNodeId) continue;
    const prev = newest.get(row.nodeId);
    const at = (r: AppliedBundleRow) => r.createdAt ?? r.appliedAt ?? '';
    if (!prev || at(row) > at(prev)) newest.set(row.nodeId, row);
  }
  return [...newest.values()]
    .map((row) => {
      const own: Vector = localVector[row.nodeId] ? { [row.nodeId]: localVector[row.nodeId] } : {};
      return {
        nodeId: row.nodeId,
        name: row.nodeName || `电脑 ${row.nodeId.slice(0, 8)}`,
        lastSeen: row.appliedAt ?? row.createdAt ?? '',
        receiverVector: mergeVectors(row.vector ?? {}, own),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** nodeId → machine name, for telling who made an edit. */
export function machineNamer(machines: readonly KnownMachine[]): (nodeId: string) => string | undefined {
  const names = new Map(machines.map((m) => [m.nodeId, m.name]));
  return (nodeId) => names.get(nodeId);
}
