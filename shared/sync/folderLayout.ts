/**
 * The sync folder's layout (DESIGN §Sync): `outbox/<nodeId>/<bundleId>.sclb` on a USB stick or
 * shared drive, and the rules for what in it counts as a bundle. Three parties must agree on
 * them byte for byte — the main-process sync-folder service, the web platform's File System
 * Access folder and the IPC gate — so they live here, with the protocol (folderProtocol.ts).
 * Pure TypeScript: no DOM, no Node.
 */

export const SYNC_OUTBOX_DIR = 'outbox';
export const SYNC_BUNDLE_EXTENSION = '.sclb';
/** Bundles bigger than this are neither listed, read nor written (they could not cross IPC). */
export const MAX_SYNC_BUNDLE_BYTES = 200 * 1024 * 1024;

/**
 * nodeIds and bundleIds are crypto.randomUUID() values. Requiring the 8-4-4-4-12 hex shape is
 * what makes them safe as folder and file names: no separators, no dots, no reserved names.
 */
export const SYNC_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSyncId(value: unknown): value is string {
  return typeof value === 'string' && SYNC_ID_PATTERN.test(value);
}

export function syncBundleFileName(bundleId: string): string {
  return `${bundleId}${SYNC_BUNDLE_EXTENSION}`;
}

/**
 * Names that operating systems drop into any folder (Explorer thumbnails, Finder metadata,
 * macOS "._" twins on FAT-formatted USB sticks). Skipped silently: listing them as "skipped"
 * would only teach clerks to ignore the list.
 */
export function isSystemClutter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'thumbs.db' || lower === 'desktop.ini' || lower === '.ds_store' || name.startsWith('._');
}

/**
 * Half-written files: `atomically`'s temp files (desktop: "<name>.tmp-<digits><hex>"), the web
 * platform's "<name>.part", Chromium's createWritable swap file "<name>.crswap", and the usual
 * "~$"/".tmp" of other tools.
 */
export function isTempFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    /\.tmp-\d+[0-9a-f]*$/.test(lower) ||
    lower.endsWith('.part') ||
    lower.endsWith('.crswap') ||
    lower.endsWith('.tmp') ||
    lower.startsWith('~$')
  );
}

export const syncSkipReasons = {
  looseFile: '不在节点文件夹中（数据包应放在 outbox/<节点编号>/ 下），已跳过',
  badNodeFolder: '文件夹名不是节点编号，其中的文件未读取',
  temp: '临时文件（正在写入或上次写入中断），已跳过',
  notBundle: '不是 SciLedger 数据包（文件名应为“<编号>.sclb”），已跳过',
  badBundleName: '文件名不是数据包编号（应为“<UUID>.sclb”），已跳过',
  directory: '是文件夹而不是数据包，已跳过',
  notRegular: '不是普通文件（快捷方式、链接或特殊文件），已跳过',
  empty: '文件为空（可能没有写完），已跳过',
  tooLarge: (size: number) =>
    `文件过大（${Math.ceil(size / (1024 * 1024))} MB，上限 ${MAX_SYNC_BUNDLE_BYTES / (1024 * 1024)} MB），已跳过`,
  unreadable: (detail: string) => `无法读取${detail ? `：${detail}` : ''}，已跳过`,
} as const;

/** A file inside outbox/<nodeId>/: its bundleId, or why it is not a bundle. */
export function checkBundleFileName(name: string): { bundleId: string } | { reason: string } {
  if (isTempFileName(name)) return { reason: syncSkipReasons.temp };
  if (!name.toLowerCase().endsWith(SYNC_BUNDLE_EXTENSION)) return { reason: syncSkipReasons.notBundle };
  const bundleId = name.slice(0, -SYNC_BUNDLE_EXTENSION.length);
  // The extension itself must be exact, so a file listed is a file read() can find again.
  if (!isSyncId(bundleId) || !name.endsWith(SYNC_BUNDLE_EXTENSION)) return { reason: syncSkipReasons.badBundleName };
  return { bundleId };
}

/** Why a bundle of this size is skipped, or null when it is acceptable. */
export function checkBundleSize(size: number): string | null {
  if (size === 0) return syncSkipReasons.empty;
  if (size > MAX_SYNC_BUNDLE_BYTES) return syncSkipReasons.tooLarge(size);
  return null;
}
