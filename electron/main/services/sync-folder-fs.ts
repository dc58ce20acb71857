/**
 * The desktop adapter of the sync-folder protocol (shared/sync/folderProtocol.ts): the folder
 * on disk, below a root already resolved by the service. Everything here assumes someone else
 * can change the folder while we use it: folders are checked one level at a time and must be
 * real folders inside the root (sync-folder-paths.ts), files are opened once and read to at
 * most the cap (safe-read.ts), new files are written with an exclusive temp file and a rename
 * (exclusive-write.ts), and this machine's outbox has a quota and leaves room on the stick.
 */
import { constants as fsConstants } from 'node:fs';
import { lstat, open, readdir, statfs } from 'node:fs/promises';
import path from 'node:path';
import {
  type FolderItem,
  type FolderPath,
  SyncFolderError,
  type SyncFolderFs,
} from '../../../shared/sync/folderProtocol';
import { type ExclusiveWriteHooks, writeFileExclusive } from './exclusive-write';
import { errorDetail, openRegularFile, type OpenRegularFile, readRegularFile, type SafeReadHooks } from './safe-read';
import { requireRealFolder } from './sync-folder-paths';

/** How much this machine may keep in its own outbox folder on the stick. */
export const OWN_OUTBOX_MAX_BYTES = 2 * 1024 * 1024 * 1024;
/** Free space a write must leave on the stick, so other machines (and Windows) can still write. */
export const MIN_FREE_BYTES_AFTER_WRITE = 64 * 1024 * 1024;

export interface NodeSyncFolderFsOptions {
  /** Free bytes on the disk holding a folder; defaults to statfs. */
  freeBytes?: (folder: string) => Promise<number>;
  /** Per-folder quota of this machine's outbox. */
  ownOutboxMaxBytes?: number;
  /** Test seams: between checks and file operations, where another party could act. */
  hooks?: { write?: ExclusiveWriteHooks; read?: SafeReadHooks };
}

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

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

/** Bytes of the files already in a folder (what counts against its quota). */
async function bytesIn(folder: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(folder)) {
    try {
      const info = await lstat(path.join(folder, name));
      if (info.isFile()) total += info.size;
    } catch {
      // Gone since the listing: counts for nothing.
    }
  }
  return total;
}

export function createNodeSyncFolderFs(realRoot: string, options: NodeSyncFolderFsOptions = {}): SyncFolderFs<OpenRegularFile> {
  const freeBytes = options.freeBytes ?? statfsFreeBytes;
  const quota = options.ownOutboxMaxBytes ?? OWN_OUTBOX_MAX_BYTES;
  const full = (p: FolderPath) => path.join(realRoot, ...p);

  /** Every folder level of `p` is a real folder inside the root ('missing' when one is absent). */
  async function checkFolders(p: FolderPath, create: boolean): Promise<'ok' | 'missing'> {
    for (let depth = 1; depth <= p.length; depth += 1) {
      const level = p.slice(0, depth);
      if ((await requireRealFolder(realRoot, full(level), level.join('/'), create)) === 'missing') return 'missing';
    }
    return 'ok';
  }

  async function requireRoomFor(folder: string, size: number): Promise<void> {
    const used = await bytesIn(folder);
    if (used + size > quota) {
      throw new SyncFolderError(
        `本机在同步文件夹中的数据包已占 ${megabytes(used)}，再写入将超过上限 ${megabytes(quota)}，未写入；请整理同步文件夹中的旧数据包后再同步`,
      );
    }
    let free: number | undefined;
    try {
      free = await freeBytes(folder);
    } catch {
      // Unknown (an exotic share): the write itself reports a full disk, leaving no partial file.
    }
    if (free !== undefined && free - size < MIN_FREE_BYTES_AFTER_WRITE) {
      throw new SyncFolderError(
        `U 盘（同步文件夹）快满了：剩余 ${megabytes(free)}，本次需要 ${megabytes(size)}，且至少要留出 ${megabytes(MIN_FREE_BYTES_AFTER_WRITE)}。未写入；请清理 U 盘后再同步`,
      );
    }
  }

  return {
    describeError: (error) => (error instanceof SyncFolderError ? error.message : errorDetail(error)),

    async listFolder(p) {
      if ((await checkFolders(p, false)) === 'missing') return null;
      const folder = full(p);
      let children;
      try {
        children = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        throw new SyncFolderError(`无法读取同步文件夹中的 ${p.join('/')}：${errorDetail(error)}`);
      }
      const items: FolderItem[] = [];
      for (const child of children) {
        const name = child.name;
        // Dirent types come from the directory itself: a junction or symlink is a link here.
        if (child.isDirectory()) items.push({ name, kind: 'directory' });
        else if (!child.isFile()) items.push({ name, kind: 'link' });
        else {
          const filePath = path.join(folder, name);
          try {
            const info = await lstat(filePath);
            if (!info.isFile()) items.push({ name, kind: info.isDirectory() ? 'directory' : 'link' });
            else items.push({ name, kind: 'file', size: info.size, modifiedAt: info.mtime.toISOString(), probe: () => probeReadable(filePath) });
          } catch (error) {
            items.push({ name, kind: 'unreadable', detail: errorDetail(error) });
          }
        }
      }
      return items;
    },

    async readFile(p, cap) {
      if ((await checkFolders(p.slice(0, -1), false)) === 'missing') return { kind: 'missing' };
      return readRegularFile(full(p), cap, options.hooks?.read);
    },

    async openFile(p, cap) {
      if ((await checkFolders(p.slice(0, -1), false)) === 'missing') return { kind: 'missing' };
      const opened = await openRegularFile(full(p), cap, options.hooks?.read);
      if (opened.kind !== 'ok') return opened;
      const { handle, info } = opened;
      return { kind: 'ok', file: { handle, info }, size: info.size, close: () => handle.close() };
    },

    async statFile(p) {
      try {
        const info = await lstat(full(p));
        return info.isFile() ? { kind: 'file', size: info.size } : { kind: 'other' };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
        throw new SyncFolderError(`无法检查“${p.join('/')}”：${errorDetail(error)}`);
      }
    },

    async ensureFolder(p) {
      // One level at a time, each checked: mkdir -p would walk through a planted junction.
      await checkFolders(p, true);
    },

    async writeFile(p, bytes) {
      const folder = p.slice(0, -1);
      await requireRoomFor(full(folder), bytes.byteLength);
      await writeFileExclusive(full(p), bytes, {
        ...options.hooks?.write,
        beforeRename: async () => {
          await options.hooks?.write?.beforeRename?.();
          // The folder may have been swapped for a link while the bytes were written.
          await checkFolders(folder, false);
        },
      });
    },
  };
}
