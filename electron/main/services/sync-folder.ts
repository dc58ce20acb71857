/**
 * The sync folder (DESIGN §Sync): a USB stick or shared drive holding
 * `outbox/<nodeId>/<bundleId>.sclb`. Each PC writes only into its own outbox folder and reads
 * everyone's. Plain Node: the folder dialog comes in as a parameter.
 *
 * Trust: the folder is shared with other machines and other people, so everything found in it
 * is untrusted input. Paths are only ever built from ids that match the UUID pattern, symlinks
 * and special files are never followed, and sizes are capped before anything is read.
 */
import { lstat, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
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
import { ServiceError } from './errors';

/** Lives directly under userData — not under userData/databases, which Electron may wipe. */
export const SYNC_FOLDER_STATE_FILE = 'sync-folder.json';

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
  writeFile?: AtomicWriter;
}

export interface SyncFolderService {
  choose(): Promise<SyncFolderInfo | null>;
  current(): Promise<SyncFolderInfo | null>;
  list(): Promise<SyncFolderListing>;
  read(ref: { nodeId: string; bundleId: string }): Promise<Uint8Array>;
  write(ownNodeId: string, bundleId: string, bytes: Uint8Array): Promise<void>;
}

const stateSchema = z.object({ folder: z.string().min(1) });

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function errorDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EBUSY') return '文件被其他程序占用';
  return code ?? (error instanceof Error ? error.message : String(error));
}

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

/** Can the file actually be opened? A size from stat says nothing about locks or ACLs. */
async function probeReadable(filePath: string): Promise<string | null> {
  try {
    const handle = await open(filePath, 'r');
    await handle.close();
    return null;
  } catch (error) {
    return errorDetail(error);
  }
}

export function createSyncFolderService(deps: SyncFolderDeps): SyncFolderService {
  const stateFile = path.join(deps.userDataDir, SYNC_FOLDER_STATE_FILE);
  const writeAtomic = deps.writeFile ?? writeFileAtomic;

  async function remembered(): Promise<string | null> {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await readFile(stateFile, 'utf8')));
      return parsed.success && path.isAbsolute(parsed.data.folder) ? parsed.data.folder : null;
    } catch {
      return null;
    }
  }

  /** The remembered folder, which must exist right now (a USB stick may be unplugged). */
  async function root(): Promise<string> {
    const folder = await remembered();
    if (!folder) throw new ServiceError('尚未选择同步文件夹，请先选择 U 盘或共享文件夹');
    let isDirectory = false;
    try {
      isDirectory = (await stat(folder)).isDirectory();
    } catch {
      // handled below
    }
    if (!isDirectory) throw new ServiceError(`找不到同步文件夹“${folder}”，请确认 U 盘已插好或共享文件夹可以访问`);
    return folder;
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
      const outbox = path.join(await root(), SYNC_OUTBOX_DIR);
      const listing: SyncFolderListing = { entries: [], skipped: [] };
      let children;
      try {
        children = await readdir(outbox, { withFileTypes: true });
      } catch (error) {
        // No outbox yet: nobody has written a bundle into this folder.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return listing;
        throw new ServiceError(`无法读取同步文件夹中的 outbox：${errorDetail(error)}`);
      }
      for (const child of children) {
        if (isSystemClutter(child.name)) continue;
        if (!child.isDirectory()) {
          // A symlinked folder is not followed either: it could point anywhere on this PC.
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
      const filePath = path.join(await root(), SYNC_OUTBOX_DIR, nodeId, syncBundleFileName(bundleId));
      const label = where(nodeId, syncBundleFileName(bundleId));
      let info;
      try {
        info = await lstat(filePath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ServiceError(`同步文件夹中找不到数据包“${label}”，可能已被移走`);
        }
        throw new ServiceError(`无法读取数据包“${label}”：${errorDetail(error)}`);
      }
      if (!info.isFile()) throw new ServiceError(`“${label}”${syncSkipReasons.notRegular}`);
      const sizeProblem = checkBundleSize(info.size);
      if (sizeProblem) throw new ServiceError(`“${label}”${sizeProblem}`);
      let buffer: Buffer;
      try {
        buffer = await readFile(filePath);
      } catch (error) {
        throw new ServiceError(`无法读取数据包“${label}”：${errorDetail(error)}`);
      }
      // The file may have grown between lstat and read (another PC writing over the share).
      if (buffer.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new ServiceError(`“${label}”${syncSkipReasons.tooLarge(buffer.byteLength)}`);
      return toBytes(buffer);
    },

    async write(ownNodeId, bundleId, bytes) {
      requireId(ownNodeId, '本机节点编号');
      requireId(bundleId, '数据包编号');
      if (bytes.byteLength === 0) throw new ServiceError('数据包为空，未写入');
      if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new ServiceError(syncSkipReasons.tooLarge(bytes.byteLength));
      // root() first: mkdir -p on a missing mount point would quietly create the "USB stick"
      // on the local disk instead of failing.
      const nodeDir = path.join(await root(), SYNC_OUTBOX_DIR, ownNodeId);
      const target = path.join(nodeDir, syncBundleFileName(bundleId));
      const label = where(ownNodeId, syncBundleFileName(bundleId));
      try {
        await mkdir(nodeDir, { recursive: true });
      } catch (error) {
        throw new ServiceError(`无法在同步文件夹中创建 ${where(ownNodeId)}：${errorDetail(error)}`);
      }
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
        if (existing.isFile() && existing.size === bytes.byteLength && sameBytes(toBytes(await readFile(target)), bytes)) {
          return;
        }
        throw new ServiceError(`同步文件夹中已有“${label}”且内容不同，未覆盖；请重新导出后再同步`);
      }
      // Only our own node's folder is ever written, so nobody else races us for this name.
      try {
        await writeAtomic(target, bytes);
      } catch (error) {
        throw new ServiceError(`无法写入同步文件夹（未留下不完整的文件）：${errorDetail(error)}`);
      }
    },
  };
}
