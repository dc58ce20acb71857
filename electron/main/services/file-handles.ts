/**
 * Files the main process opened for the renderer to read in ranges (issue 10: a bundle is read
 * from its file in slices, never handed over whole). Only files the main process chose itself
 * get here — the one the clerk picked in an open dialog, or a bundle it found in the sync folder
 * — and the renderer receives an opaque, unguessable handle, never a path. A handle is good only
 * for the page that opened it, serves at most FILE_READ_MAX_BYTES per read within the file, and
 * is closed when that page asks, when the page goes away (reload, crash, window closed), after
 * FILE_HANDLE_IDLE_MS without a read, or when the page holds too many. A file changed on disk
 * while open (its size or modification time) is refused, not read half old, half new.
 */
import { randomUUID } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { FILE_READ_MAX_BYTES } from '../../../shared/ipc';
import { ServiceError } from './errors';
import { errorDetail } from './safe-read';

/** A file left unread this long is closed (a preview the clerk walked away from). */
export const FILE_HANDLE_IDLE_MS = 30 * 60 * 1000;
/** Open files per page; opening one more closes the one read longest ago. */
export const MAX_OPEN_FILES_PER_PAGE = 8;

/** Who opened a file: the webContents id of the page. */
export type FileOwner = number;

export interface OpenedForReading {
  handle: FileHandle;
  info: Pick<Stats, 'size' | 'mtimeMs'>;
  /** The file's name as the clerk knows it, for messages. */
  name: string;
}

export interface FileHandleRegistryOptions {
  idleMs?: number;
  maxOpenPerOwner?: number;
  maxReadBytes?: number;
}

export interface FileHandleRegistry {
  /** Keeps an opened file for `owner`; returns its handle id and size. */
  register(owner: FileOwner, file: OpenedForReading): { handle: string; size: number };
  /** The bytes [start, end) of the file behind `id`, if `owner` opened it. */
  read(owner: FileOwner, id: string, start: number, end: number): Promise<Uint8Array>;
  close(owner: FileOwner, id: string): Promise<void>;
  /** Everything a page held: it reloaded, crashed or closed. */
  closeOwner(owner: FileOwner): Promise<void>;
  /** Open files (all pages): for tests and leak checks. */
  openCount(): number;
}

interface Entry {
  owner: FileOwner;
  file: OpenedForReading;
  lastRead: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The same answer for "never opened", "closed", and "opened by another page": nothing to probe. */
const notOpen = () => new ServiceError('数据包文件已关闭（可能超过 30 分钟未使用），请重新选择该文件');

export function createFileHandleRegistry(options: FileHandleRegistryOptions = {}): FileHandleRegistry {
  const idleMs = options.idleMs ?? FILE_HANDLE_IDLE_MS;
  const maxOpen = options.maxOpenPerOwner ?? MAX_OPEN_FILES_PER_PAGE;
  const maxRead = options.maxReadBytes ?? FILE_READ_MAX_BYTES;
  const entries = new Map<string, Entry>();
  let clock = 0; // read order, for closing the least recently read

  function arm(id: string, entry: Entry): void {
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void closeEntry(id), idleMs);
    // An open file must not keep the app running after its window closed.
    entry.timer.unref?.();
    entry.lastRead = ++clock;
  }

  async function closeEntry(id: string): Promise<void> {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    // Node defers the close until reads in flight have finished.
    await entry.file.handle.close().catch(() => undefined);
  }

  function owned(owner: FileOwner, id: string): Entry {
    const entry = entries.get(id);
    if (!entry || entry.owner !== owner) throw notOpen();
    return entry;
  }

  function changed(file: OpenedForReading, now: Pick<Stats, 'size'>): ServiceError {
    const sizes = now.size === file.info.size ? '' : `（打开时 ${file.info.size} 字节，现在 ${now.size} 字节）`;
    return new ServiceError(`数据包文件“${file.name}”在读取过程中被修改${sizes}，已停止读取，本机数据未改变；请等文件复制完成后重新选择该文件`);
  }

  return {
    register(owner, file) {
      const mine = [...entries].filter(([, e]) => e.owner === owner).sort(([, a], [, b]) => a.lastRead - b.lastRead);
      for (const [oldId] of mine.slice(0, Math.max(0, mine.length - maxOpen + 1))) void closeEntry(oldId);
      const id = randomUUID();
      const entry: Entry = { owner, file, lastRead: 0, timer: undefined };
      entries.set(id, entry);
      arm(id, entry);
      return { handle: id, size: file.info.size };
    },

    async read(owner, id, start, end) {
      const entry = owned(owner, id);
      const { file } = entry;
      const size = file.info.size;
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > size) {
        throw new ServiceError(`读取范围无效（${start}–${end}），文件“${file.name}”共 ${size} 字节`);
      }
      if (end - start > maxRead) throw new ServiceError(`单次读取不能超过 ${megabytes(maxRead)}（请求了 ${megabytes(end - start)}）`);
      arm(id, entry);
      let now: Stats;
      try {
        now = await file.handle.stat();
      } catch (error) {
        await closeEntry(id);
        throw new ServiceError(`无法读取数据包文件“${file.name}”：${errorDetail(error)}`);
      }
      if (now.size !== size || now.mtimeMs !== file.info.mtimeMs) {
        await closeEntry(id);
        throw changed(file, now);
      }
      const out = new Uint8Array(end - start);
      let filled = 0;
      try {
        while (filled < out.length) {
          const { bytesRead } = await file.handle.read(out, filled, out.length - filled, start + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
      } catch (error) {
        await closeEntry(id);
        throw new ServiceError(`无法读取数据包文件“${file.name}”：${errorDetail(error)}`);
      }
      // Shorter than its size said: cut while we read.
      if (filled < out.length) {
        await closeEntry(id);
        throw changed(file, { size: start + filled });
      }
      return out;
    },

    async close(owner, id) {
      const entry = entries.get(id);
      // Closing what is already closed (or was never ours) is not an error: nothing to leak.
      if (entry && entry.owner === owner) await closeEntry(id);
    },

    async closeOwner(owner) {
      await Promise.all([...entries].filter(([, e]) => e.owner === owner).map(([id]) => closeEntry(id)));
    },

    openCount: () => entries.size,
  };
}

/** The events of a webContents after which its page no longer holds what it opened. */
export interface PageEventsLike {
  readonly id: number;
  on(event: 'did-navigate' | 'render-process-gone' | 'destroyed', listener: () => void): unknown;
}

/**
 * Closes a page's files when it reloads or navigates (its handles died with its scripts), when
 * its renderer crashed, and when its window closed.
 */
export function closeFilesWithPage(contents: PageEventsLike, registry: FileHandleRegistry): void {
  // Read now: a destroyed webContents may no longer answer.
  const owner = contents.id;
  const closeAll = () => void registry.closeOwner(owner);
  contents.on('did-navigate', closeAll);
  contents.on('render-process-gone', closeAll);
  contents.on('destroyed', closeAll);
}
