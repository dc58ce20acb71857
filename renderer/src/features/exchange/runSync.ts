import type { Vector } from '../../../../shared/sync/vector';
import { changesData, entryName, folderVector, readingOrder, shouldImport, type FolderEntry } from './folderPlan';
import { addImport, emptySummary, type ImportOutcome, type PerTable, type SyncSummary } from './syncSummary';

/**
 * One press of 同步 (issue 4 "What a user does"): read what the others wrote, merge it, write what
 * the folder lacks, tell what happened. The database and the folder come in as plain functions so
 * the order of steps — and what is skipped — is tested without IndexedDB or a disk.
 */

export interface BundlePreviewLike {
  manifest: { bundleId: string; nodeName: string; vector: Vector };
  newOps: number;
  alreadyApplied: boolean;
  needsDeleteConfirmation: boolean;
  /** Per table: records it would delete ÷ live records now. */
  deleteShares: Record<string, number>;
}

/**
 * `B`: a bundle as the folder hands it over — an opened file read in slices in the app
 * (syncDeps.ts, issue 10), plain bytes in tests.
 */
export interface SyncDeps<B = Uint8Array> {
  ownNodeId: string;
  list(): Promise<{ entries: FolderEntry[]; skipped: { name: string; reason: string }[] }>;
  /** Opens a bundle of the folder; `close` is called once it is done with, whatever happened. */
  read(entry: FolderEntry): Promise<B>;
  close?(bundle: B): Promise<void>;
  /** Our own bundles: verify and return the manifest (previewBundle refuses this node's bundles). */
  readOwnManifest(bundle: B): { vector: Vector } | Promise<{ vector: Vector }>;
  preview(bundle: B): Promise<BundlePreviewLike>;
  importBundle(bundle: B, confirmLargeDelete: boolean): Promise<ImportOutcome>;
  /** Desktop: a full snapshot before the first import that changes data. Undefined on web. */
  backupBeforeImport?: () => Promise<void>;
  /** Asks the clerk (a modal); false = leave this bundle for now. */
  confirmLargeDelete(preview: BundlePreviewLike): Promise<boolean>;
  /** `parts`: an export whose attachment files pass the bundle cap is several bundles (issue 11). */
  exportFor(receiverVector: Vector): Promise<{ opCount: number; bytes: Uint8Array; bundleId: string; fileName: string; parts?: { opCount: number; bytes: Uint8Array; bundleId: string }[] }>;
  write(bundleId: string, bytes: Uint8Array): Promise<void>;
  duplicateNumbers(): Promise<{ number: string; holders: string[] }[]>;
  onProgress(step: SyncProgress): void;
}

export interface SyncProgress {
  phase: 'list' | 'read' | 'import' | 'write' | 'check' | 'done';
  /** Files handled so far / in all (read and import phases). */
  done: number;
  total: number;
  text: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isBaseNotCovered = (error: unknown) => (error as { code?: unknown } | null)?.code === 'base-not-covered';

export async function runSync<B>(deps: SyncDeps<B>): Promise<SyncSummary> {
  let summary = emptySummary();
  /** A bundle that cannot be closed (its handle already gone) has nothing more to say. */
  const closeQuietly = async (bundle: B | undefined) => {
    if (bundle !== undefined) await deps.close?.(bundle).catch(() => undefined);
  };
  deps.onProgress({ phase: 'list', done: 0, total: 0, text: '正在读取同步文件夹…' });
  const listing = await deps.list();
  summary.skippedFiles.push(...listing.skipped);
  const { own, others } = readingOrder(listing.entries, deps.ownNodeId);
  const total = own.length + others.length;
  const manifests: { vector: Vector }[] = [];
  let done = 0;

  for (const entry of own) {
    deps.onProgress({ phase: 'read', done: done++, total, text: '正在核对本机以前写入的数据包…' });
    let bundle: B | undefined;
    try {
      bundle = await deps.read(entry);
      manifests.push(await deps.readOwnManifest(bundle));
    } catch (error) {
      summary.skippedFiles.push({ name: entryName(entry), reason: `本机的数据包无法读取：${message(error)}（其中的改动将重新写入）` });
    } finally {
      await closeQuietly(bundle);
    }
  }

  let backedUp = false;
  /** Verified and imported, or told in the summary why not; 'later' = made for more than we hold yet. */
  async function take(entry: FolderEntry, lastTry: boolean): Promise<'done' | 'later'> {
    let bundle: B;
    try {
      bundle = await deps.read(entry);
    } catch (error) {
      summary.skippedFiles.push({ name: entryName(entry), reason: message(error) });
      return 'done';
    }
    try {
      return await takeOpened(entry, bundle, lastTry);
    } finally {
      await closeQuietly(bundle);
    }
  }

  async function takeOpened(entry: FolderEntry, bytes: B, lastTry: boolean): Promise<'done' | 'later'> {
    let preview: BundlePreviewLike;
    try {
      preview = await deps.preview(bytes);
    } catch (error) {
      // An update written on top of bundles we have not imported yet (issue 10): those may be
      // further down the folder, so it waits for the end of this pass instead of being skipped.
      if (!lastTry && isBaseNotCovered(error)) return 'later';
      summary.skippedFiles.push({ name: entryName(entry), reason: message(error) });
      return 'done';
    }
    // A verified bundle is in the folder whether or not we apply it now.
    manifests.push(preview.manifest);
    if (!shouldImport(preview)) {
      summary.alreadyApplied++;
      return 'done';
    }
    let confirmed = false;
    if (preview.needsDeleteConfirmation) {
      confirmed = await deps.confirmLargeDelete(preview);
      if (!confirmed) {
        summary.skippedFiles.push({ name: `来自“${preview.manifest.nodeName}”的数据包`, reason: '删除的记录较多，已按您的选择暂不导入' });
        return 'done';
      }
    }
    try {
      if (changesData(preview) && !backedUp && deps.backupBeforeImport) {
        deps.onProgress({ phase: 'import', done: done - 1, total, text: '正在备份本机数据（导入前）…' });
        await deps.backupBeforeImport();
        backedUp = true;
      }
      summary = addImport(summary, await deps.importBundle(bytes, confirmed));
    } catch (error) {
      summary.skippedFiles.push({ name: `来自“${preview.manifest.nodeName}”的数据包`, reason: `导入失败：${message(error)}` });
    }
    return 'done';
  }

  let waiting: FolderEntry[] = [];
  for (const entry of others) {
    deps.onProgress({ phase: 'import', done: done++, total, text: `正在导入其他电脑的数据包（${done}/${total}）…` });
    if ((await take(entry, false)) === 'later') waiting.push(entry);
  }
  // Retry what waited as long as each pass imports something; the last pass says why not.
  while (waiting.length > 0) {
    const before = waiting.length;
    const still: FolderEntry[] = [];
    for (const entry of waiting) if ((await take(entry, false)) === 'later') still.push(entry);
    if (still.length === before) {
      for (const entry of still) await take(entry, true);
      break;
    }
    waiting = still;
  }

  deps.onProgress({ phase: 'write', done: total, total, text: '正在写入本机的更新包…' });
  const out = await deps.exportFor(folderVector(manifests));
  const parts = out.parts ?? [out];
  if (parts.some((p) => p.opCount > 0)) {
    for (const part of parts) await deps.write(part.bundleId, part.bytes);
    summary.written = { fileName: out.fileName, opCount: parts.reduce((n, p) => n + p.opCount, 0) };
  }

  deps.onProgress({ phase: 'check', done: total, total, text: '正在检查聘书编号…' });
  summary.duplicateNumbers = await deps.duplicateNumbers();
  deps.onProgress({ phase: 'done', done: total, total, text: '同步完成' });
  return summary;
}

export type { PerTable };
