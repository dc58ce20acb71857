/**
 * The desktop RangeFile (issue 10): a range longer than one IPC read may carry is fetched in parts
 * of at most FILE_READ_MAX_BYTES; a range outside the file never reaches the main process; an
 * answer of the wrong length is refused; the handle is closed once.
 */
import { describe, expect, it, vi } from 'vitest';
import { FILE_READ_MAX_BYTES, type IpcClient } from '../../../../shared/ipc';
import { ipcRangeFile } from '../../../../renderer/src/platform/ipcRangeFile';

function mainProcess(bytes: Uint8Array, { short = false } = {}) {
  const calls: { channel: string; request: { start?: number; end?: number } }[] = [];
  const ipc = {
    send: vi.fn(async (channel: string, request: { start: number; end: number }) => {
      calls.push({ channel, request });
      if (channel === 'file:close') return {};
      return bytes.slice(request.start, short ? request.end - 1 : request.end);
    }),
  } as unknown as IpcClient;
  return { ipc, calls };
}

function counting(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7) % 256;
  return out;
}

/** Byte-for-byte, without a deep comparison of megabytes element by element. */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('ipcRangeFile', () => {
  it('reads a range in parts of at most one IPC read, and gives the bytes in order', async () => {
    const bytes = counting(2 * FILE_READ_MAX_BYTES + 10);
    const { ipc, calls } = mainProcess(bytes);
    const file = ipcRangeFile(ipc, { handle: 'h', size: bytes.length });
    expect(same(await file.read(5, bytes.length), bytes.subarray(5))).toBe(true);
    expect(calls.map((c) => c.request.end! - c.request.start!)).toEqual([FILE_READ_MAX_BYTES, FILE_READ_MAX_BYTES, 5]);
    expect(await file.read(3, 9)).toEqual(bytes.subarray(3, 9));
  });

  it('refuses a range outside the file before asking, and an answer of the wrong length', async () => {
    const { ipc, calls } = mainProcess(counting(100));
    const file = ipcRangeFile(ipc, { handle: 'h', size: 100 });
    await expect(file.read(90, 101)).rejects.toThrow('读取范围无效');
    await expect(file.read(10, 9)).rejects.toThrow('读取范围无效');
    expect(calls).toEqual([]);
    const short = ipcRangeFile(mainProcess(counting(100), { short: true }).ipc, { handle: 'h', size: 100 });
    await expect(short.read(0, 10)).rejects.toThrow('应得 10 字节，实得 9 字节');
  });

  it('closes the main process’s handle once, however often it is asked', async () => {
    const { ipc, calls } = mainProcess(counting(10));
    const file = ipcRangeFile(ipc, { handle: 'h', size: 10 });
    await Promise.all([file.close(), file.close()]);
    await file.close();
    expect(calls).toEqual([{ channel: 'file:close', request: { handle: 'h' } }]);
  });
});
