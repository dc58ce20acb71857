import { mergeVectors, type Vector } from '../../../../shared/sync/vector';

/**
 * Pure decisions of one 同步 over the sync folder (outbox/<nodeId>/<bundleId>.sclb, DESIGN §Sync).
 */

export interface FolderEntry {
  nodeId: string;
  bundleId: string;
  size: number;
  modifiedAt: string;
}

/**
 * Order of reading: our own outbox first (only its manifest matters: what the folder already
 * holds from us), then the others oldest first, so a machine's bundles apply in the order it
 * wrote them (the result does not depend on order, but the summary reads more naturally).
 */
export function readingOrder(entries: readonly FolderEntry[], ownNodeId: string): { own: FolderEntry[]; others: FolderEntry[] } {
  const byTime = [...entries].sort((a, b) => (a.modifiedAt < b.modifiedAt ? -1 : a.modifiedAt > b.modifiedAt ? 1 : a.bundleId < b.bundleId ? -1 : 1));
  return { own: byTime.filter((e) => e.nodeId === ownNodeId), others: byTime.filter((e) => e.nodeId !== ownNodeId) };
}

/**
 * What the folder holds: each bundle was written with every op its writer knew that the folder
 * lacked, so the folder holds (at least) everything in the union of the writers' vectors.
 * Only bundles that were read and verified count: a half-copied file holds nothing, and its ops
 * are then written again (a duplicate is skipped on import, a gap would be lost).
 */
export function folderVector(manifests: readonly { vector: Vector }[]): Vector {
  return mergeVectors(...manifests.map((m) => m.vector));
}

export interface PreviewLike {
  alreadyApplied: boolean;
  newOps: number;
}

/**
 * A bundle not yet applied is imported even when all its ops arrived by another route (relays):
 * the import then only records it as applied, so the next 同步 need not look at it again.
 */
export function shouldImport(preview: PreviewLike): boolean {
  return !preview.alreadyApplied;
}

/** The safety backup is taken before the first import that changes something. */
export function changesData(preview: PreviewLike): boolean {
  return !preview.alreadyApplied && preview.newOps > 0;
}

/** Label of a folder file in the summary's "skipped" list. */
export function entryName(entry: Pick<FolderEntry, 'nodeId' | 'bundleId'>): string {
  return `outbox/${entry.nodeId}/${entry.bundleId}.sclb`;
}
