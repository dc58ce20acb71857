/**
 * Version vectors: for each origin node, the largest opId of that node a machine holds
 * (manifest `vector`, DESIGN §Sync "last HLC seen per node").
 *
 * A node's ops reach others as a prefix in opId order (each bundle carries ALL of an origin's
 * ops above the receiver's entry), so "largest opId of N held" stands for "every op of N up to
 * it". A stale (smaller) receiver vector only makes a bundle larger; duplicates are skipped.
 */
import type { SyncOp } from './op';

export type Vector = Record<string, string>;

/** Largest opId per origin nodeId. */
export function vectorOf(ops: Iterable<Pick<SyncOp, 'opId' | 'nodeId'>>): Vector {
  const v: Vector = Object.create(null) as Vector;
  for (const { opId, nodeId } of ops) if (v[nodeId] === undefined || opId > v[nodeId]) v[nodeId] = opId;
  return { ...v };
}

/** Entry-wise maximum. */
export function mergeVectors(...vectors: Vector[]): Vector {
  const v: Vector = Object.create(null) as Vector;
  for (const x of vectors) for (const [n, id] of Object.entries(x)) if (v[n] === undefined || id > v[n]) v[n] = id;
  return { ...v };
}

/** Entry-wise minimum over peers (what every one of them holds): for a bundle meant for all. */
export function commonVector(...vectors: Vector[]): Vector {
  if (vectors.length === 0) return {};
  const out: Vector = {};
  for (const [n, id] of Object.entries(vectors[0])) {
    let min: string | undefined = id;
    for (const x of vectors.slice(1)) {
      const other = Object.prototype.hasOwnProperty.call(x, n) ? x[n] : undefined;
      min = other === undefined ? undefined : other < (min as string) ? other : min;
      if (min === undefined) break;
    }
    if (min !== undefined) out[n] = min;
  }
  return out;
}

/**
 * Every op the receiver may lack, from ANY origin (A→B→C relays, DESIGN §Sync): those of nodes
 * missing from its vector and those above its entry. Sorted by opId. An empty vector gives all
 * ops (a full export).
 */
export function opsToSend<T extends Pick<SyncOp, 'opId' | 'nodeId'>>(localOps: Iterable<T>, receiverVector: Vector): T[] {
  const out: T[] = [];
  for (const op of localOps) {
    const seen = Object.prototype.hasOwnProperty.call(receiverVector, op.nodeId) ? receiverVector[op.nodeId] : undefined;
    if (seen === undefined || op.opId > seen) out.push(op);
  }
  return out.sort((a, b) => (a.opId < b.opId ? -1 : a.opId > b.opId ? 1 : 0));
}

/**
 * Nodes of `base` whose entry `local` does not reach: the ops of those nodes up to `base` are
 * not all held here. Empty = `local` covers `base` (issue 10: an update made for `base` then
 * leaves no gap behind).
 */
export function uncoveredNodes(base: Vector, local: Vector): string[] {
  return Object.keys(base).filter((n) => {
    const held = Object.prototype.hasOwnProperty.call(local, n) ? local[n] : undefined;
    return held === undefined || held < base[n];
  });
}
