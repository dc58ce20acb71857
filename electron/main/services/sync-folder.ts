/**
 * The sync folder (DESIGN §Sync): a USB stick or shared drive holding
 * `outbox/<nodeId>/<bundleId>.sclb`. Each PC writes only into its own outbox folder and reads
 * everyone's. Plain Node: the folder dialog comes in as a parameter.
 *
 * Trust: the folder is shared with other machines and other people, so everything found in it
 * is untrusted input. Paths are only ever built from ids that match the UUID pattern; links
 * (symlinks, NTFS junctions) are followed nowhere — not at the file, not at `outbox` or a node
 * folder — and every path used must resolve inside the resolved sync root; files are opened
 * once and read to at most the size cap. The renderer is not trusted either: it writes only
 * into the outbox of the node id the main process registered (node-identity.ts), within a
 * per-folder quota and never onto a nearly full stick.
 */
import { lstat, open, readdir, readFile, realpath, statfs } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  checkBundleFileName,
  checkBundleSize,
  isSyncId,
  isSystemClutter,
  MAX_SYNC_BUNDLE_BYTES,
  SYNC_OUTBOX_DIR,
  syncBundleFileName,
  syncSkipReasons,
} from '../../../shared/ipc/contract';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import { documentTypes } from './document-types';
import { ServiceError } from './errors';
import { type ExclusiveWriteHooks, writeFileExclusive } from './exclusive-write';
import { createNodeIdentity, type NodeIdentity } from './node-identity';
import { errorDetail, readRegularFile, type SafeReadHooks } from './safe-read';
import { requireRealFolder } from './sync-folder-paths';

/** Lives directly under userData — not under userData/databases, which Electron may wipe. */
export const SYNC_FOLDER_STATE_FILE = 'sync-folder.json';

/** How much this machine may keep in its own outbox folder on the stick. */
export const OWN_OUTBOX_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** Free space a write must leave on the stick, so other machines (and Windows) can still write. */
export const MIN_FREE_BYTES_AFTER_WRITE = 64 * 1024 * 1024;

export interface FolderDialogOptionsLike {
  title?: string;
  defaultPath?: string;
  buttonLabel?: string;
  properties: Array<'openDirectory' | 'createDirectory' | 'promptToCreate'>;
}

export interface FolderDialogLike {
  showOpenDialog(options: FolderDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface SyncFolderInfo {
  label: string;
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

export interface SyncFolderDeps {
  userDataDir: string;
  dialog: FolderDialogLike;
  /** Where the first folder dialog starts (文档). */
  defaultFolder: string;
  /** Writes the state file in userData (not the sync folder). */
  writeFile?: AtomicWriter;
  /** Free bytes on the disk holding a folder; defaults to statfs. */
  freeBytes?: (folder: string) => Promise<number>;
  /** Per-folder quota of this machine's outbox. */
  ownOutboxMaxBytes?: number;
  /** Test seams: between checks and file operations, where another party could act. */
  hooks?: { write?: ExclusiveWriteHooks; read?: SafeReadHooks };
}

export interface SyncFolderService {
  choose(): Promise<SyncFolderInfo | null>;
  current(): Promise<SyncFolderInfo | null>;
  list(): Promise<SyncFolderListing>;
  read(ref: { nodeId: string; bundleId: string }): Promise<Uint8Array>;
  write(ownNodeId: string, bundleId: string, bytes: Uint8Array): Promise<void>;
}

const stateSchema = z.object({ folder: z.string().min(1) });

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

function requireId(value: string, what: string): void {
  // The IPC gate checks this already; checked again because this is where the path is built.
  if (!isSyncId(value)) throw new ServiceError(`${what}无效，应为 UUID`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** `name` of a skipped item: its path inside the sync folder, always with "/". */
function where(...parts: string[]): string {
  return [SYNC_OUTBOX_DIR, ...parts].join('/');
}

function megabytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}

async function statfsFreeBytes(folder: string): Promise<number> {
  const info = await statfs(folder);
  return Number(info.bavail) * Number(info.bsize);
}

/** Can the file actually be opened? A size from stat says nothing about locks or ACLs. */
async function probeReadable(filePath: string): Promise<string | null> {
  try {
    const handle = await open(filePath, fsConstants.O_RDONLY | NO_FOLLOW);
    await handle.close();
    return null;
  } catch (error) {
    return errorDetail(error);
  }
}

export function createSyncFolderService(deps: SyncFolderDeps): SyncFolderService {
  const stateFile = path.join(deps.userDataDir, SYNC_FOLDER_STATE_FILE);
  const writeAtomic = deps.writeFile ?? writeFileAtomic;
  const freeBytes = deps.freeBytes ?? statfsFreeBytes;
  const ownOutboxMaxBytes = deps.ownOutboxMaxBytes ?? OWN_OUTBOX_MAX_BYTES;
  const identity: NodeIdentity = createNodeIdentity(deps.userDataDir);

  async function remembered(): Promise<string | null> {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await readFile(stateFile, 'utf8')));
      return parsed.success && path.isAbsolute(parsed.data.folder) ? parsed.data.folder : null;
    } catch {
      return null;
    }
  }

  /**
   * The remembered folder, resolved (the clerk may well have chosen a mapped drive or a
   * linked folder: that choice is theirs), which must exist right now (a USB stick may be
   * unplugged). Everything below it must stay inside this resolved path.
   */
  async function realRoot(): Promise<string> {
    const folder = await remembered();
    if (!folder) throw new ServiceError('尚未选择同步文件夹，请先选择 U 盘或共享文件夹');
    try {
      const resolved = await realpath(folder);
      if ((await lstat(resolved)).isDirectory()) return resolved;
    } catch {
      // handled below
    }
    throw new ServiceError(`找不到同步文件夹“${folder}”，请确认 U 盘已插好或共享文件夹可以访问`);
  }

  async function listNodeFolder(outbox: string, nodeId: string, listing: SyncFolderListing): Promise<void> {
    const nodeDir = path.join(outbox, nodeId);
    let names: string[];
    try {
      names = await readdir(nodeDir);
    } catch (error) {
      listing.skipped.push({ name: where(nodeId), reason: syncSkipReasons.unreadable(errorDetail(error)) });
      return;
    }
    for (const name of names) {
      if (isSystemClutter(name)) continue;
      const skip = (reason: string) => listing.skipped.push({ name: where(nodeId, name), reason });
      const checked = checkBundleFileName(name);
      if ('reason' in checked) {
        skip(checked.reason);
        continue;
      }
      const filePath = path.join(nodeDir, name);
      let info;
      try {
        info = await lstat(filePath);
      } catch (error) {
        skip(syncSkipReasons.unreadable(errorDetail(error)));
        continue;
      }
      if (info.isDirectory()) {
        skip(syncSkipReasons.directory);
        continue;
      }
      if (!info.isFile()) {
        skip(syncSkipReasons.notRegular);
        continue;
      }
      const sizeProblem = checkBundleSize(info.size);
      if (sizeProblem) {
        skip(sizeProblem);
        continue;
      }
      const unreadable = await probeReadable(filePath);
      if (unreadable !== null) {
        skip(syncSkipReasons.unreadable(unreadable));
        continue;
      }
      listing.entries.push({
        nodeId,
        bundleId: checked.bundleId,
        size: info.size,
        modifiedAt: info.mtime.toISOString(),
      });
    }
  }

  /** Bytes of the bundles already in a node folder (what counts against its quota). */
  async function bundleBytesIn(nodeDir: string): Promise<number> {
    let total = 0;
    for (const name of await readdir(nodeDir)) {
      try {
        const info = await lstat(path.join(nodeDir, name));
        if (info.isFile()) total += info.size;
      } catch {
        // Gone since the listing: counts for nothing.
      }
    }
    return total;
  }

  async function requireRoomFor(nodeDir: string, size: number): Promise<void> {
    const used = await bundleBytesIn(nodeDir);
    if (used + size > ownOutboxMaxBytes) {
      throw new ServiceError(
        `本机在同步文件夹中的数据包已占 ${megabytes(used)}，再写入将超过上限 ${megabytes(ownOutboxMaxBytes)}，未写入；请整理同步文件夹中的旧数据包后再同步`,
      );
    }
    let free: number | undefined;
    try {
      free = await freeBytes(nodeDir);
    } catch {
      // Unknown (an exotic share): the write itself reports a full disk, leaving no partial file.
    }
    if (free !== undefined && free - size < MIN_FREE_BYTES_AFTER_WRITE) {
      throw new ServiceError(
        `U 盘（同步文件夹）快满了：剩余 ${megabytes(free)}，本次需要 ${megabytes(size)}，且至少要留出 ${megabytes(MIN_FREE_BYTES_AFTER_WRITE)}。未写入；请清理 U 盘后再同步`,
      );
    }
  }

  return {
    async choose() {
      const start = (await remembered()) ?? deps.defaultFolder;
      const result = await deps.dialog.showOpenDialog({
        title: '选择同步文件夹（U 盘或共享文件夹）',
        buttonLabel: '选择此文件夹',
        defaultPath: start,
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return null;
      const body = `${JSON.stringify({ folder }, null, 2)}\n`;
      try {
        await writeAtomic(stateFile, new TextEncoder().encode(body));
      } catch (error) {
        throw new ServiceError(`无法记住同步文件夹：${errorDetail(error)}`);
      }
      return { label: folder };
    },

    async current() {
      // Returned even when the folder is missing right now: the clerk should see which folder
      // is configured; list/read/write then explain that the USB stick is not plugged in.
      const folder = await remembered();
      return folder ? { label: folder } : null;
    },

    async list() {
      const root = await realRoot();
      const outbox = path.join(root, SYNC_OUTBOX_DIR);
      const listing: SyncFolderListing = { entries: [], skipped: [] };
      // No outbox yet: nobody has written a bundle into this folder.
      if ((await requireRealFolder(root, outbox, SYNC_OUTBOX_DIR, false)) === 'missing') return listing;
      let children;
      try {
        children = await readdir(outbox, { withFileTypes: true });
      } catch (error) {
        throw new ServiceError(`无法读取同步文件夹中的 outbox：${errorDetail(error)}`);
      }
      for (const child of children) {
        if (isSystemClutter(child.name)) continue;
        if (!child.isDirectory()) {
          // A linked folder (symlink or junction) is not followed: it could point anywhere on this PC.
          const reason = child.isSymbolicLink() ? syncSkipReasons.notRegular : syncSkipReasons.looseFile;
          listing.skipped.push({ name: where(child.name), reason });
        } else if (!isSyncId(child.name)) {
          listing.skipped.push({ name: where(child.name), reason: syncSkipReasons.badNodeFolder });
        } else {
          await listNodeFolder(outbox, child.name, listing);
        }
      }
      // Oldest first: the order the bundles were written in, then a stable tie-break.
      listing.entries.sort(
        (a, b) =>
          a.modifiedAt.localeCompare(b.modifiedAt) ||
          a.nodeId.localeCompare(b.nodeId) ||
          a.bundleId.localeCompare(b.bundleId),
      );
      return listing;
    },

    async read({ nodeId, bundleId }) {
      requireId(nodeId, '节点编号');
      requireId(bundleId, '数据包编号');
      const root = await realRoot();
      const outbox = path.join(root, SYNC_OUTBOX_DIR);
      const nodeDir = path.join(outbox, nodeId);
      const label = where(nodeId, syncBundleFileName(bundleId));
      const gone = () => new ServiceError(`同步文件夹中找不到数据包“${label}”，可能已被移走`);
      if ((await requireRealFolder(root, outbox, SYNC_OUTBOX_DIR, false)) === 'missing') throw gone();
      if ((await requireRealFolder(root, nodeDir, where(nodeId), false)) === 'missing') throw gone();
      const result = await readRegularFile(path.join(nodeDir, syncBundleFileName(bundleId)), MAX_SYNC_BUNDLE_BYTES, deps.hooks?.read);
      switch (result.kind) {
        case 'ok': {
          const sizeProblem = checkBundleSize(result.bytes.byteLength);
          if (sizeProblem) throw new ServiceError(`“${label}”${sizeProblem}`);
          return result.bytes;
        }
        case 'missing':
          throw gone();
        case 'not-regular':
          throw new ServiceError(`“${label}”${syncSkipReasons.notRegular}`);
        case 'too-large':
          throw new ServiceError(`“${label}”${syncSkipReasons.tooLarge(result.size)}`);
        default:
          throw new ServiceError(`无法读取数据包“${label}”：${result.detail}`);
      }
    },

    async write(ownNodeId, bundleId, bytes) {
      requireId(ownNodeId, '本机节点编号');
      requireId(bundleId, '数据包编号');
      if (bytes.byteLength === 0) throw new ServiceError('数据包为空，未写入');
      if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new ServiceError(syncSkipReasons.tooLarge(bytes.byteLength));
      if (!documentTypes.sclb.matches(bytes)) throw new ServiceError('内容不是 SciLedger 数据包，未写入同步文件夹');
      // realRoot() before any mkdir: creating folders on a missing mount point would quietly
      // make the "USB stick" on the local disk instead of failing.
      const root = await realRoot();
      const nodeId = await identity.claim(ownNodeId);
      const outbox = path.join(root, SYNC_OUTBOX_DIR);
      const nodeDir = path.join(outbox, nodeId);
      const target = path.join(nodeDir, syncBundleFileName(bundleId));
      const label = where(nodeId, syncBundleFileName(bundleId));
      // One level at a time, each checked: mkdir -p would walk through a planted junction.
      await requireRealFolder(root, outbox, SYNC_OUTBOX_DIR, true);
      await requireRealFolder(root, nodeDir, where(nodeId), true);

      let existing;
      try {
        existing = await lstat(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new ServiceError(`无法检查“${label}”：${errorDetail(error)}`);
        }
      }
      // An empty file under our own name can only be an interrupted write of ours (another
      // tool, or the web platform in a browser without swap files): replace it.
      if (existing?.isFile() && existing.size === 0) existing = undefined;
      if (existing) {
        // A bundleId is written once; the same bytes again (a retried 同步) is fine, anything
        // else means two different bundles claim one id and neither may be lost.
        if (existing.isFile() && existing.size === bytes.byteLength) {
          const current = await readRegularFile(target, MAX_SYNC_BUNDLE_BYTES);
          if (current.kind === 'ok' && sameBytes(current.bytes, bytes)) return;
        }
        throw new ServiceError(`同步文件夹中已有“${label}”且内容不同，未覆盖；请重新导出后再同步`);
      }
      await requireRoomFor(nodeDir, bytes.byteLength);
      try {
        await writeFileExclusive(target, bytes, {
          ...deps.hooks?.write,
          beforeRename: async () => {
            await deps.hooks?.write?.beforeRename?.();
            // The folder may have been swapped for a link while the bytes were written.
            await requireRealFolder(root, outbox, SYNC_OUTBOX_DIR, false);
            await requireRealFolder(root, nodeDir, where(nodeId), false);
          },
        });
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        throw new ServiceError(`无法写入同步文件夹（未留下不完整的文件）：${errorDetail(error)}`);
      }
    },
  };
}
