import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openFilesWithDialog } from '../../../../../electron/main/services/file-open';
import { memoryLastFolder, tempDir } from './helpers';

function dialogChoosing(filePaths: string[]) {
  return { showOpenDialog: vi.fn(async () => ({ canceled: filePaths.length === 0, filePaths })) };
}

describe('openFilesWithDialog', () => {
  it('returns name and bytes of each chosen file and remembers the folder', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '顾问.xlsx'), Buffer.from([1, 2, 3]));
    await writeFile(path.join(dir, 'b.sclb'), Buffer.from([4]));
    const dialog = dialogChoosing([path.join(dir, '顾问.xlsx'), path.join(dir, 'b.sclb')]);
    const lastFolder = memoryLastFolder();

    const files = await openFilesWithDialog(
      { dialog, lastFolder, defaultFolder: '/docs' },
      { multiple: true, filters: [{ name: 'Excel', extensions: ['xlsx'] }] },
    );

    expect(files.map((f) => f.name)).toEqual(['顾问.xlsx', 'b.sclb']);
    expect(files[0].bytes).toBeInstanceOf(Uint8Array);
    expect([...files[0].bytes]).toEqual([1, 2, 3]);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/docs', properties: ['openFile', 'multiSelections'] }),
    );
    expect(lastFolder.remembered).toEqual([dir]);
  });

  it('returns [] when cancelled', async () => {
    const files = await openFilesWithDialog(
      { dialog: dialogChoosing([]), lastFolder: memoryLastFolder(), defaultFolder: '/d' },
      {},
    );
    expect(files).toEqual([]);
  });

  it('refuses files over the size cap with a Chinese message, before reading any', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'small.xlsx'), Buffer.alloc(10));
    await writeFile(path.join(dir, '视频.mp4'), Buffer.alloc(2 * 1024 * 1024));
    await expect(
      openFilesWithDialog(
        {
          dialog: dialogChoosing([path.join(dir, 'small.xlsx'), path.join(dir, '视频.mp4')]),
          lastFolder: memoryLastFolder(),
          defaultFolder: dir,
          maxBytes: 1024 * 1024,
        },
        { multiple: true },
      ),
    ).rejects.toThrow('文件“视频.mp4”超过 1 MB，无法打开');
  });

  it('refuses a folder', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sub'));
    await expect(
      openFilesWithDialog(
        { dialog: dialogChoosing([path.join(dir, 'sub')]), lastFolder: memoryLastFolder(), defaultFolder: dir },
        {},
      ),
    ).rejects.toThrow('不是文件');
  });
});

describe('openFilesWithDialog reads what it checked', () => {
  it.skipIf(process.platform === 'win32')('follows a link the clerk picked, resolved once', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'real.sclb'), Buffer.from([7]));
    await symlink(path.join(dir, 'real.sclb'), path.join(dir, 'link.sclb'));
    const files = await openFilesWithDialog({ dialog: dialogChoosing([path.join(dir, 'link.sclb')]), lastFolder: memoryLastFolder(), defaultFolder: dir }, {});
    expect(files).toEqual([{ name: 'link.sclb', bytes: new Uint8Array([7]) }]);
  });
});
