/**
 * The sync-folder protocol (DESIGN §Sync), once for both platforms: what list, read and write
 * mean in `outbox/<nodeId>/<bundleId>.sclb` — which entries count, why others are skipped,
 * the order bundles are read in, that a bundle id is written once (the same bytes again are a
 * retried 同步, different bytes are refused), that an empty file of our own is an interrupted
 * write. It runs over a small file-system interface with two adapters: the desktop main
 * process (Node, electron/main/services/sync-folder-fs.ts) and the browser's File System
 * Access API (renderer/src/platform/web-sync-folder.ts). Each adapter adds what its platform
 * needs underneath (links and atomic renames on disk, permissions in the browser).
 */
import {
  checkBundleFileName,
  checkBundleSize,
  isSyncId,
  isSystemClutter,
  MAX_SYNC_BUNDLE_BYTES,
  SYNC_OUTBOX_DIR,
  syncBundleFileName,
  syncSkipReasons,
} from './folderLayout';

/** A path below the sync folder's root, one name per level, e.g. ['outbox', nodeId]. */
export type FolderPath = readonly string[];

export type FolderItem =
  | {
      name: string;
      kind: 'file';
      size: number;
      modifiedAt: string;
      /** Can it really be opened (locks, ACLs)? null when yes, else a Chinese reason. Optional. */
      probe?: () => Promise<string | null>;
    }
  | { name: string; kind: 'directory' }
  /** A link, junction or special file: never followed. */
  | { name: string; kind: 'link' }
  | { name: string; kind: 'unreadable'; detail: string };

export type FileRead =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'missing' }
  | { kind: 'not-regular' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; detail: string };

/**
 * A file opened to be read later in ranges (a File on web, a main-process handle on desktop);
 * `close` undoes the open when the protocol refuses the file after all.
 */
export type FileOpen<F> =
  | { kind: 'ok'; file: F; size: number; close?: () => Promise<void> }
  | Exclude<FileRead, { kind: 'ok' }>;

export type FileStat = { kind: 'missing' } | { kind: 'file'; size: number } | { kind: 'other' };

export interface SyncFolderFs<F = unknown> {
  /** The items of a folder; null when it does not exist. Throws when it must not be used. */
  listFolder(path: FolderPath): Promise<FolderItem[] | null>;
  /** A file's bytes, never more than cap + 1 of them read. */
  readFile(path: FolderPath, cap: number): Promise<FileRead>;
  /** A regular file of at most `cap` bytes, opened (not read) for reading in ranges. */
  openFile(path: FolderPath, cap: number): Promise<FileOpen<F>>;
  statFile(path: FolderPath): Promise<FileStat>;
  /** Creates the folder when missing; its parent exists. */
  ensureFolder(path: FolderPath): Promise<void>;
  /** Writes the whole file so no reader ever sees part of it; `replacingEmpty`: an empty file has the name. */
  writeFile(path: FolderPath, bytes: Uint8Array, options: { replacingEmpty: boolean }): Promise<void>;
  /** A Chinese reason for an error this file system threw. */
  describeError(error: unknown): string;
}

/** A refusal with a message written for the clerk. */
export class SyncFolderError extends Error {
  override readonly name = 'SyncFolderError';
}

export interface SyncFolderEntry {
  nodeId: string;
  bundleId: string;
  size: number;
  modifiedAt: string;
}

export interface SyncFolderListing {
  entries: SyncFolderEntry[];
  skipped: { name: string; reason: string }[];
}

/** `name` of a skipped item: its path inside the sync folder, always with "/". */
export function folderLabel(...parts: string[]): string {
  return [SYNC_OUTBOX_DIR, ...parts].join('/');
}

function requireId(value: string, what: string): void {
  // Checked where the path is built, whatever the caller checked before.
  if (!isSyncId(value)) throw new SyncFolderError(`${what}无效，应为 UUID`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

async function listNodeFolder(fs: SyncFolderFs, nodeId: string, listing: SyncFolderListing): Promise<void> {
  let items: FolderItem[] | null;
  try {
    items = await fs.listFolder([SYNC_OUTBOX_DIR, nodeId]);
  } catch (error) {
    listing.skipped.push({ name: folderLabel(nodeId), reason: syncSkipReasons.unreadable(fs.describeError(error)) });
    return;
  }
  for (const item of items ?? []) {
    if (isSystemClutter(item.name)) continue;
    const skip = (reason: string) => listing.skipped.push({ name: folderLabel(nodeId, item.name), reason });
    const checked = checkBundleFileName(item.name);
    if ('reason' in checked) skip(checked.reason);
    else if (item.kind === 'directory') skip(syncSkipReasons.directory);
    else if (item.kind === 'link') skip(syncSkipReasons.notRegular);
    else if (item.kind === 'unreadable') skip(syncSkipReasons.unreadable(item.detail));
    else {
      const sizeProblem = checkBundleSize(item.size);
      const unreadable = sizeProblem ? null : ((await item.probe?.()) ?? null);
      if (sizeProblem) skip(sizeProblem);
      else if (unreadable !== null) skip(syncSkipReasons.unreadable(unreadable));
      else listing.entries.push({ nodeId, bundleId: checked.bundleId, size: item.size, modifiedAt: item.modifiedAt });
    }
  }
}

/** Every outbox/<nodeId>/<bundleId>.sclb, oldest first, plus what was skipped and why. */
export async function listSyncFolder(fs: SyncFolderFs): Promise<SyncFolderListing> {
  const listing: SyncFolderListing = { entries: [], skipped: [] };
  // No outbox yet: nobody has written a bundle into this folder.
  const children = (await fs.listFolder([SYNC_OUTBOX_DIR])) ?? [];
  for (const child of children) {
    if (isSystemClutter(child.name)) continue;
    if (child.kind === 'directory') {
      if (isSyncId(child.name)) await listNodeFolder(fs, child.name, listing);
      else listing.skipped.push({ name: folderLabel(child.name), reason: syncSkipReasons.badNodeFolder });
    } else {
      // A linked folder is not followed either: it could point anywhere on this PC.
      const reason = child.kind === 'link' ? syncSkipReasons.notRegular : syncSkipReasons.looseFile;
      listing.skipped.push({ name: folderLabel(child.name), reason });
    }
  }
  // The order the bundles were written in, then a stable tie-break.
  listing.entries.sort(
    (a, b) => a.modifiedAt.localeCompare(b.modifiedAt) || a.nodeId.localeCompare(b.nodeId) || a.bundleId.localeCompare(b.bundleId),
  );
  return listing;
}

/**
 * outbox/<nodeId>/<bundleId>.sclb opened for reading in ranges (issue 10: a bundle is never read
 * whole into the page): the same checks and refusals as any read of the folder.
 */
export async function openSyncBundle<F>(fs: SyncFolderFs<F>, { nodeId, bundleId }: { nodeId: string; bundleId: string }): Promise<F> {
  requireId(nodeId, '节点编号');
  requireId(bundleId, '数据包编号');
  const name = syncBundleFileName(bundleId);
  const label = folderLabel(nodeId, name);
  const result = await fs.openFile([SYNC_OUTBOX_DIR, nodeId, name], MAX_SYNC_BUNDLE_BYTES);
  switch (result.kind) {
    case 'ok': {
      const sizeProblem = checkBundleSize(result.size);
      if (sizeProblem) {
        await result.close?.();
        throw new SyncFolderError(`“${label}”${sizeProblem}`);
      }
      return result.file;
    }
    case 'missing':
      throw new SyncFolderError(`同步文件夹中找不到数据包“${label}”，可能已被移走`);
    case 'not-regular':
      throw new SyncFolderError(`“${label}”${syncSkipReasons.notRegular}`);
    case 'too-large':
      throw new SyncFolderError(`“${label}”${syncSkipReasons.tooLarge(result.size)}`);
    default:
      throw new SyncFolderError(`无法读取数据包“${label}”：${result.detail}`);
  }
}

/** The checks a write passes before anything touches the folder. */
export function checkBundleWrite(ownNodeId: string, bundleId: string, bytes: Uint8Array): void {
  requireId(ownNodeId, '本机节点编号');
  requireId(bundleId, '数据包编号');
  if (bytes.byteLength === 0) throw new SyncFolderError('数据包为空，未写入');
  if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new SyncFolderError(syncSkipReasons.tooLarge(bytes.byteLength));
}

/** outbox/<ownNodeId>/<bundleId>.sclb, written once; never touches another node's folder. */
export async function writeSyncBundle(fs: SyncFolderFs, ownNodeId: string, bundleId: string, bytes: Uint8Array): Promise<void> {
  checkBundleWrite(ownNodeId, bundleId, bytes);
  const name = syncBundleFileName(bundleId);
  const label = folderLabel(ownNodeId, name);
  await fs.ensureFolder([SYNC_OUTBOX_DIR]);
  await fs.ensureFolder([SYNC_OUTBOX_DIR, ownNodeId]);
  const path = [SYNC_OUTBOX_DIR, ownNodeId, name];
  const existing = await fs.statFile(path);
  // An empty file under our own name can only be an interrupted write of ours (another tool,
  // or a browser without swap files): replace it.
  const replacingEmpty = existing.kind === 'file' && existing.size === 0;
  if (existing.kind !== 'missing' && !replacingEmpty) {
    // The same bytes again (a retried 同步) are fine; anything else means two different
    // bundles claim one id, and neither may be lost.
    if (existing.kind === 'file' && existing.size === bytes.byteLength) {
      const current = await fs.readFile(path, MAX_SYNC_BUNDLE_BYTES);
      if (current.kind === 'ok' && sameBytes(current.bytes, bytes)) return;
    }
    throw new SyncFolderError(`同步文件夹中已有“${label}”且内容不同，未覆盖；请重新导出后再同步`);
  }
  try {
    await fs.writeFile(path, bytes, { replacingEmpty });
  } catch (error) {
    if (error instanceof SyncFolderError) throw error;
    throw new SyncFolderError(`无法写入同步文件夹（未留下不完整的文件）：${fs.describeError(error)}`);
  }
}
