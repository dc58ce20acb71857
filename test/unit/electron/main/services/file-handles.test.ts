// Files opened for a page to read in ranges (issue 10): bounds, the per-read cap, handles that
// are unknown, closed or another page's, a file changed under an open handle, and cleanup.
import { EventEmitter } from 'node:events';
import { appendFile, open, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeFilesWithPage, createFileHandleRegistry, type FileHandleRegistry, MAX_OPEN_FILES_PER_PAGE } from '../../../../../electron/main/services/file-handles';
import { pickFileForReading } from '../../../../../electron/main/services/file-open';
import { memoryLastFolder, tempDir } from './helpers';

const PAGE = 7;
const OTHER_PAGE = 8;
const registries: FileHandleRegistry[] = [];

afterEach(async () => {
  vi.useRealTimers();
  // Nothing a test opened stays open (temp folders are removed after each test).
  for (const r of registries.splice(0)) {
    await r.closeOwner(PAGE);
    await r.closeOwner(OTHER_PAGE);
  }
});

function registry(options?: Parameters<typeof createFileHandleRegistry>[0]) {
  const r = createFileHandleRegistry(options);
  registries.push(r);
  return r;
}

async function fileWith(bytes: Uint8Array, name = 'bundle.sclb') {
  const file = path.join(await tempDir(), name);
  await writeFile(file, bytes);
  return file;
}

/** What file-open and the sync folder hand the registry: an open file and its stat. */
async function opened(file: string) {
  const handle = await open(file, 'r');
  return { handle, info: await handle.stat(), name: path.basename(file) };
}

const counting = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe('file handles: reading a file the main process opened, a range at a time', () => {
  it('serves exactly the range asked for, anywhere in the file, up to its end', async () => {
    const bytes = counting(10_000);
    const files = registry();
    const { handle, size } = files.register(PAGE, await opened(await fileWith(bytes)));
    expect(size).toBe(10_000);
    expect(handle).toMatch(/^[0-9a-f-]{36}$/);
    expect(await files.read(PAGE, handle, 0, 10)).toEqual(bytes.subarray(0, 10));
    expect(await files.read(PAGE, handle, 9_990, 10_000)).toEqual(bytes.subarray(9_990));
    expect(await files.read(PAGE, handle, 500, 500)).toEqual(new Uint8Array());
  });

  it('refuses a range outside the file or upside down, in Chinese, and keeps the file usable', async () => {
    const files = registry();
    const { handle } = files.register(PAGE, await opened(await fileWith(counting(100))));
    await expect(files.read(PAGE, handle, 90, 101)).rejects.toThrow('读取范围无效（90–101），文件“bundle.sclb”共 100 字节');
    await expect(files.read(PAGE, handle, 10, 9)).rejects.toThrow('读取范围无效');
    await expect(files.read(PAGE, handle, -1, 9)).rejects.toThrow('读取范围无效');
    await expect(files.read(PAGE, handle, 0.5, 9)).rejects.toThrow('读取范围无效');
    expect(await files.read(PAGE, handle, 0, 3)).toEqual(counting(3));
  });

  it('never serves more than the cap per read: the page reads in slices, not the whole file', async () => {
    const files = registry({ maxReadBytes: 64 });
    const { handle } = files.register(PAGE, await opened(await fileWith(counting(100))));
    await expect(files.read(PAGE, handle, 0, 100)).rejects.toThrow(/单次读取不能超过/);
    expect((await files.read(PAGE, handle, 0, 64)).length).toBe(64);
  });

  it('answers an unknown, closed or other page’s handle alike, without touching a file', async () => {
    const files = registry();
    const { handle } = files.register(PAGE, await opened(await fileWith(counting(10))));
    const closedMessage = '数据包文件已关闭（可能超过 30 分钟未使用），请重新选择该文件';
    await expect(files.read(OTHER_PAGE, handle, 0, 1)).rejects.toThrow(closedMessage);
    // Another page cannot close it either.
    await files.close(OTHER_PAGE, handle);
    expect(files.openCount()).toBe(1);
    await expect(files.read(PAGE, crypto.randomUUID(), 0, 1)).rejects.toThrow(closedMessage);
    await files.close(PAGE, handle);
    await files.close(PAGE, handle); // twice is fine
    expect(files.openCount()).toBe(0);
    await expect(files.read(PAGE, handle, 0, 1)).rejects.toThrow(closedMessage);
  });

  it('stops with a clear message when the file is cut, grows or is rewritten while open, and closes it', async () => {
    for (const change of [
      (file: string) => truncate(file, 50),
      (file: string) => appendFile(file, 'more'),
      // Same size, new content: only the modification time tells.
      async (file: string) => {
        await writeFile(file, counting(100).reverse());
        await utimes(file, new Date(), new Date(Date.now() + 5_000));
      },
    ]) {
      const file = await fileWith(counting(100));
      const files = registry();
      const { handle } = files.register(PAGE, await opened(file));
      expect((await files.read(PAGE, handle, 0, 10)).length).toBe(10);
      await change(file);
      await expect(files.read(PAGE, handle, 0, 10)).rejects.toThrow(/数据包文件“bundle\.sclb”在读取过程中被修改.*已停止读取，本机数据未改变；请等文件复制完成后重新选择该文件/);
      expect(files.openCount()).toBe(0);
    }
    const cut = await fileWith(counting(100));
    const files = registry();
    const { handle } = files.register(PAGE, await opened(cut));
    await truncate(cut, 50);
    await expect(files.read(PAGE, handle, 0, 10)).rejects.toThrow('（打开时 100 字节，现在 50 字节）');
  });

  it('closes a file left unread for the idle time, and a read keeps it open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const files = registry({ idleMs: 1_000 });
    const { handle } = files.register(PAGE, await opened(await fileWith(counting(10))));
    vi.advanceTimersByTime(900);
    await files.read(PAGE, handle, 0, 1);
    vi.advanceTimersByTime(900);
    expect(files.openCount()).toBe(1);
    vi.advanceTimersByTime(200);
    expect(files.openCount()).toBe(0);
    await expect(files.read(PAGE, handle, 0, 1)).rejects.toThrow('数据包文件已关闭');
  });

  it('keeps at most a few files per page open: the one read longest ago is closed first', async () => {
    const files = registry();
    const handles = [];
    for (let i = 0; i < MAX_OPEN_FILES_PER_PAGE; i++) handles.push(files.register(PAGE, await opened(await fileWith(counting(10)))).handle);
    await files.read(PAGE, handles[0], 0, 1); // now the most recently read
    files.register(OTHER_PAGE, await opened(await fileWith(counting(10))));
    const newest = files.register(PAGE, await opened(await fileWith(counting(10)))).handle;
    expect(files.openCount()).toBe(MAX_OPEN_FILES_PER_PAGE + 1);
    await expect(files.read(PAGE, handles[1], 0, 1)).rejects.toThrow('数据包文件已关闭');
    expect((await files.read(PAGE, handles[0], 0, 1)).length).toBe(1);
    expect((await files.read(PAGE, newest, 0, 1)).length).toBe(1);
  });

  it('closes everything a page opened when it reloads, crashes or its window closes — only that page’s', async () => {
    for (const event of ['did-navigate', 'render-process-gone', 'destroyed'] as const) {
      const files = registry();
      const page = Object.assign(new EventEmitter(), { id: PAGE });
      closeFilesWithPage(page, files);
      files.register(PAGE, await opened(await fileWith(counting(10))));
      files.register(PAGE, await opened(await fileWith(counting(10))));
      const other = files.register(OTHER_PAGE, await opened(await fileWith(counting(10))));
      page.emit(event);
      await vi.waitFor(() => expect(files.openCount()).toBe(1));
      expect((await files.read(OTHER_PAGE, other.handle, 0, 1)).length).toBe(1);
    }
  });
});

describe('file:pick opens the file the clerk chose, without reading it', () => {
  const deps = (filePaths: string[], canceled = false) => ({
    dialog: { showOpenDialog: vi.fn(async () => ({ canceled, filePaths })) },
    lastFolder: memoryLastFolder(),
    defaultFolder: '/docs',
  });

  it('opens the chosen file (its name, size and an open handle) and remembers the folder', async () => {
    const file = await fileWith(counting(300), '南宁-全量.sclb');
    const d = deps([file]);
    const picked = await pickFileForReading(d, { filters: [{ name: '数据包', extensions: ['sclb'] }] });
    expect(picked).toMatchObject({ name: '南宁-全量.sclb', info: { size: 300 } });
    expect(d.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'] }));
    expect(d.lastFolder.remembered).toEqual([path.dirname(file)]);
    await picked?.handle.close();
  });

  it('answers null when cancelled, and refuses a folder, a missing file and one over the cap in Chinese', async () => {
    expect(await pickFileForReading(deps([], true), {})).toBeNull();
    const dir = await tempDir();
    await expect(pickFileForReading(deps([dir]), {})).rejects.toThrow('不是文件');
    await expect(pickFileForReading(deps([path.join(dir, 'gone.sclb')]), {})).rejects.toThrow('找不到文件“gone.sclb”');
    const big = await fileWith(counting(11), 'big.sclb');
    await expect(pickFileForReading({ ...deps([big]), maxBytes: 10 }, {})).rejects.toThrow('文件“big.sclb”超过');
  });
});
