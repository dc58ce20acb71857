/**
 * Reading a file that someone else may be changing (a shared sync folder, a USB stick): the
 * path is opened once, everything is decided on that handle, and never more than cap + 1
 * bytes are read. Checking with lstat and then calling readFile would reopen the path — and
 * follow a link swapped in meanwhile, or read a file that grew to gigabytes.
 */
import { constants as fsConstants, type Stats } from 'node:fs';
import { type FileHandle, lstat, open } from 'node:fs/promises';

export type SafeReadResult =
  | { kind: 'ok'; bytes: Uint8Array; modifiedAt: Date }
  | { kind: 'missing' }
  | { kind: 'not-regular' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; detail: string };

export interface SafeReadHooks {
  /** Runs between the lstat and the open (tests swap the file here). */
  beforeOpen?: () => Promise<void>;
}

/** Not on Windows, where lstat + same-file identity below does the job. */
const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const CHUNK = 1024 * 1024;

/** A Chinese reason for a file-system error. */
export function errorDetail(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EBUSY') return '文件被其他程序占用';
  return code ?? (error instanceof Error ? error.message : String(error));
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Same file: device and file id (NTFS file index on Windows); 0 ids carry no information. */
function isSameFile(a: Stats, b: Stats): boolean {
  if (a.dev !== b.dev) return false;
  return a.ino === 0 || b.ino === 0 || a.ino === b.ino;
}

/** A regular file opened for reading, and what it was when opened. */
export interface OpenRegularFile {
  handle: FileHandle;
  info: Stats;
}

export type SafeOpenResult =
  | ({ kind: 'ok' } & OpenRegularFile)
  | Exclude<SafeReadResult, { kind: 'ok' }>;

/**
 * The checks of readRegularFile, ending with the file open: a regular file (not a link, not
 * swapped between the check and the open) of at most `cap` bytes. The caller owns the handle and
 * must close it (bundle-files.ts keeps it to serve reads in ranges).
 */
export async function openRegularFile(filePath: string, cap: number, hooks: SafeReadHooks = {}): Promise<SafeOpenResult> {
  let before: Stats;
  try {
    before = await lstat(filePath);
  } catch (error) {
    return codeOf(error) === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', detail: errorDetail(error) };
  }
  if (!before.isFile()) return { kind: 'not-regular' };
  if (before.size > cap) return { kind: 'too-large', size: before.size };

  await hooks.beforeOpen?.();
  let handle: FileHandle;
  try {
    handle = await open(filePath, fsConstants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT') return { kind: 'missing' };
    // O_NOFOLLOW on a link that appeared since the lstat.
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'not-regular' };
    return { kind: 'unreadable', detail: errorDetail(error) };
  }
  let failed: Exclude<SafeOpenResult, { kind: 'ok' }>;
  try {
    const info = await handle.stat();
    // A different file behind the same name (swapped after the lstat, e.g. through a link).
    if (!info.isFile() || !isSameFile(before, info)) failed = { kind: 'not-regular' };
    else if (info.size > cap) failed = { kind: 'too-large', size: info.size };
    else return { kind: 'ok', handle, info };
  } catch (error) {
    failed = { kind: 'unreadable', detail: errorDetail(error) };
  }
  await handle.close();
  return failed;
}

export async function readRegularFile(filePath: string, cap: number, hooks: SafeReadHooks = {}): Promise<SafeReadResult> {
  const opened = await openRegularFile(filePath, cap, hooks);
  if (opened.kind !== 'ok') return opened;
  const { handle, info } = opened;
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Up to cap + 1 bytes: one byte more than allowed is enough to know it grew past the cap.
    while (total <= cap) {
      const want = Math.min(CHUNK, cap + 1 - total);
      const chunk = new Uint8Array(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > cap) return { kind: 'too-large', size: total };
    const bytes = chunks.length === 1 ? chunks[0] : new Uint8Array(total);
    if (chunks.length !== 1) {
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
    }
    return { kind: 'ok', bytes, modifiedAt: info.mtime };
  } catch (error) {
    return { kind: 'unreadable', detail: errorDetail(error) };
  } finally {
    await handle.close();
  }
}
