/**
 * Splitting an export whose attachment files would pass the bundle size cap (issue 11). Each part
 * is a complete bundle: it carries the files of exactly the attachment ops it holds, so the parts
 * apply in any order — an attachment's record and its bytes always arrive together, and ops of
 * other records never wait for a file. A full export keeps EVERY op in its first part (a restore
 * needs the whole record set; later parts then repeat only the attachment ops whose files they
 * carry, which an import skips as already applied).
 */
import { referencedFiles } from './bundle';
import type { SyncOp } from './op';

export interface BundlePartPlan {
  ops: SyncOp[];
  /** sha256 of the files this part carries. */
  files: string[];
}

/** Bytes kept free in every part for manifest, ops.jsonl (deflated) and the zip directory. */
export const PART_OPS_RESERVE = 24 * 1024 * 1024;

/**
 * `held`: sha256 → size of the files this machine holds (a file it lacks is not sent: the
 * receiver shows 文件未同步 until a machine holding it sends it). `capBytes`: the largest bundle.
 */
export function planBundleParts(ops: readonly SyncOp[], held: ReadonlyMap<string, number>, capBytes: number, kind: 'incremental' | 'full'): BundlePartPlan[] {
  const budget = Math.max(1, capBytes - PART_OPS_RESERVE);
  const refs = referencedFiles(ops);
  const sendable = new Map([...refs].filter(([sha]) => held.has(sha)));
  const total = [...sendable.values()].reduce((n, s) => n + s, 0);
  if (total <= budget) return [{ ops: [...ops], files: [...sendable.keys()] }];

  // Bins of files in first-seen (opId) order, each bin under the budget (one file always fits:
  // the per-file limit is far below the cap).
  const shaOf = (op: SyncOp): string | undefined => {
    const sha = op.table === 'attachments' && !op.deleted ? (op.fields as { sha256?: unknown }).sha256 : undefined;
    return typeof sha === 'string' && sendable.has(sha) ? sha : undefined;
  };
  const binOf = new Map<string, number>();
  const bins: { files: string[]; bytes: number }[] = [];
  for (const op of ops) {
    const sha = shaOf(op);
    if (sha === undefined || binOf.has(sha)) continue;
    const size = sendable.get(sha) as number;
    let bin = bins[bins.length - 1];
    if (!bin || (bin.bytes + size > budget && bin.files.length > 0)) bins.push((bin = { files: [], bytes: 0 }));
    bin.files.push(sha);
    bin.bytes += size;
    binOf.set(sha, bins.length - 1);
  }
  const parts: BundlePartPlan[] = bins.map((b) => ({ ops: [], files: b.files }));
  for (const op of ops) {
    const sha = shaOf(op);
    if (sha !== undefined) parts[binOf.get(sha) as number].ops.push(op);
    else if (kind === 'incremental') parts[0].ops.push(op);
  }
  if (kind === 'full') {
    // The first part is the whole snapshot; later ones repeat the ops of the files they carry.
    parts[0].ops = [...ops];
  }
  return parts;
}
