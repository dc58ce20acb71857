import { readBundleFromSource } from '../../../../shared/sync/bundleSource';
import type { Vector } from '../../../../shared/sync/vector';
import type { SciLedgerDb } from '../../db/database';
import { latestSchemaVersion } from '../../db/schema';
import { registerDuplicates } from '../../db/repositories/appointmentCertificates';
import { exportBundle, importBundle, previewBundle } from '../../db/sync';
import { bundleSource, closeBundle, type BundleInput } from '../../db/sync/bundleInput';
import { readExchangeSettings } from './exchangeSettings';
import type { Platform } from '../../platform/Platform';
import type { BundlePreviewLike, SyncDeps, SyncProgress } from './runSync';

/** Share of a ledger an import may delete without asking: this machine's 交换设置. */
export async function deleteShareLimit(db: SciLedgerDb): Promise<number> {
  return (await readExchangeSettings(db)).deleteShareLimit;
}

export const BUNDLE_FILTERS = [{ name: 'SciLedger 数据包', extensions: ['sclb'] }];

/**
 * The clerk picks a bundle (导入, 从文件恢复): the file itself, to be read in slices (issue 10) —
 * a File on web, a file the main process holds open on desktop (closeBundle when done) — or its
 * bytes from a platform that cannot hand over a file (test doubles). null when cancelled.
 */
export async function pickBundle(platform: Platform): Promise<{ name: string; content: BundleInput } | null> {
  if (platform.pickFile) return platform.pickFile({ filters: BUNDLE_FILTERS });
  const [file] = await platform.openFiles({ filters: BUNDLE_FILTERS, multiple: false });
  return file ? { name: file.name, content: file.bytes } : null;
}

/** Full snapshot into the desktop backup folder; a no-op on web (no backups there). */
export async function takeBackup(db: SciLedgerDb, platform: Platform, reason: 'daily' | 'before-import' | 'before-restore' | 'manual') {
  if (!platform.backups) return null;
  // A backup whose attachment files pass the cap is several parts: the first is the whole
  // snapshot, the others carry the remaining files (each its own backup entry).
  const { parts } = await exportBundle(db, { kind: 'full' });
  const written = [];
  for (const part of parts) written.push(await platform.backups.write(part.bytes, reason));
  return written[0];
}

/** Names of the advisors holding each duplicated 聘书 number after the merge. */
export async function duplicateCertificateNumbers(db: SciLedgerDb): Promise<{ number: string; holders: string[] }[]> {
  const duplicates = await registerDuplicates(db);
  const out: { number: string; holders: string[] }[] = [];
  for (const [number, advisorIds] of duplicates) {
    const advisors = await db.advisors.bulkGet(advisorIds);
    out.push({ number, holders: advisors.map((a, i) => a?.name ?? advisorIds[i].slice(0, 8)) });
  }
  return out.sort((a, b) => a.number.localeCompare(b.number));
}

export function createSyncDeps(
  db: SciLedgerDb,
  platform: Platform,
  ownNodeId: string,
  confirmLargeDelete: (preview: BundlePreviewLike) => Promise<boolean>,
  onProgress: (p: SyncProgress) => void,
): SyncDeps<BundleInput> {
  const folder = platform.syncFolder;
  return {
    ownNodeId,
    list: () => folder.list(),
    // Opened, not read: every step below reads the file in slices (issue 10).
    read: (entry) => folder.open(entry),
    close: closeBundle,
    // Our own outbox is verified like any bundle (a half-copied one must not count as held);
    // previewBundle refuses this node's bundles, so the reader is asked directly.
    readOwnManifest: async (bundle) =>
      (await readBundleFromSource(bundleSource(bundle), { currentSchemaVersion: latestSchemaVersion, localNodeId: '' })).manifest,
    preview: async (bytes) => previewBundle(db, bytes, { deleteShareLimit: await deleteShareLimit(db) }),
    importBundle: async (bytes, confirm) => importBundle(db, bytes, { confirmLargeDelete: confirm, deleteShareLimit: await deleteShareLimit(db) }),
    backupBeforeImport: platform.backups
      ? async () => {
          await takeBackup(db, platform, 'before-import');
        }
      : undefined,
    confirmLargeDelete,
    exportFor: (receiverVector: Vector) => exportBundle(db, { kind: 'incremental', receiverVector }),
    write: (bundleId, bytes) => folder.write(ownNodeId, bundleId, bytes),
    duplicateNumbers: () => duplicateCertificateNumbers(db),
    onProgress,
  };
}
