/**
 * A file the main process opened (file:pick, syncFolder:open), read through IPC a range at a time
 * (issue 10: the desktop app reads a bundle from its file in slices, as the web app reads a File).
 * A range longer than one IPC read may carry (FILE_READ_MAX_BYTES) is fetched in parts; each read
 * is a fresh copy, which `release` frees at once.
 */
import { FILE_READ_MAX_BYTES, type IpcClient } from '../../../shared/ipc';
import { freeCopiedRange } from '../../../shared/sync/zipsource';
import type { RangeFile } from './Platform';

export function ipcRangeFile(ipc: IpcClient, { handle, size }: { handle: string; size: number }): RangeFile {
  let closed: Promise<void> | undefined;
  const readPart = async (start: number, end: number) => {
    const bytes = await ipc.send('file:readRange', { handle, start, end });
    // The contract bounds the length; a different one is a main process out of step with us.
    if (bytes.byteLength !== end - start) throw new Error(`读取数据包文件出错：应得 ${end - start} 字节，实得 ${bytes.byteLength} 字节`);
    return bytes;
  };
  return {
    size,
    async read(start, end) {
      if (!(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end <= size)) {
        throw new RangeError(`读取范围无效（${start}–${end}），文件共 ${size} 字节`);
      }
      if (end - start <= FILE_READ_MAX_BYTES) return readPart(start, end);
      const out = new Uint8Array(end - start);
      for (let at = start; at < end; at += FILE_READ_MAX_BYTES) {
        const part = await readPart(at, Math.min(end, at + FILE_READ_MAX_BYTES));
        out.set(part, at - start);
        freeCopiedRange(part);
      }
      return out;
    },
    release: freeCopiedRange,
    close() {
      // Once: the handle is gone after the first close.
      closed ??= ipc.send('file:close', { handle }).then(() => undefined);
      return closed;
    },
  };
}
