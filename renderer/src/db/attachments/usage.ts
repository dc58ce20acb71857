/** 设置 → 附件: how much space the stored files take, the largest ones, what the browser grants. */
import type { SciLedgerDb } from '../database';
import { browserStorageEstimate, type StorageEstimate, type StorageEstimator } from './blobs';

export interface LargestFile {
  sha256: string;
  size: number;
  /** The names it is attached under (live or removed), to recognise it. */
  names: string[];
  /** Live attachments using it. */
  liveUses: number;
}

export interface AttachmentUsage {
  fileCount: number;
  storedBytes: number;
  /** Attachment records whose bytes have not arrived (文件未同步). */
  missing: number;
  largest: LargestFile[];
  estimate: StorageEstimate | null;
}

export async function attachmentUsage(db: SciLedgerDb, { top = 10, estimate = browserStorageEstimate }: { top?: number; estimate?: StorageEstimator } = {}): Promise<AttachmentUsage> {
  const { sizes, attachments } = await db.transaction('r', [db.attachments, db.attachmentBlobs], async () => {
    const sizes = new Map<string, number>();
    // Sizes only: iterating the rows would read every Blob handle, the keys and sizes suffice.
    await db.attachmentBlobs.each((row) => sizes.set(row.sha256, row.size));
    return { sizes, attachments: await db.attachments.toArray() };
  });
  const names = new Map<string, Set<string>>();
  const live = new Map<string, number>();
  let missing = 0;
  for (const a of attachments) {
    let set = names.get(a.sha256);
    if (!set) names.set(a.sha256, (set = new Set()));
    set.add(a.name);
    const isLive = a.deletedAt === undefined || a.deletedAt === null;
    if (isLive) live.set(a.sha256, (live.get(a.sha256) ?? 0) + 1);
    if (isLive && !sizes.has(a.sha256)) missing++;
  }
  const largest = [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([sha256, size]) => ({ sha256, size, names: [...(names.get(sha256) ?? [])], liveUses: live.get(sha256) ?? 0 }));
  return { fileCount: sizes.size, storedBytes: [...sizes.values()].reduce((n, s) => n + s, 0), missing, largest, estimate: await estimate() };
}
