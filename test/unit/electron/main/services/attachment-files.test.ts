import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_TEMP_FOLDER, attachmentFileName, openAttachment, saveAttachmentWithDialog } from '../../../../../electron/main/services/attachment-files';
import { createLastFolderStore } from '../../../../../electron/main/services/last-folder';
import { fakeExecutable, fakePdf, tempDir } from './helpers';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('附件 打开 (a temp copy in the default program)', () => {
  it('writes a copy under its own new temp folder with the cleaned name, marks it, opens it', async () => {
    const temp = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    const marked: string[] = [];
    const markFromElsewhere = async (p: string) => void marked.push(p);
    const first = await openAttachment({ tempDir: temp, shell, markFromElsewhere }, { name: '..\\..\\现场:照片.png', bytes: png });
    const second = await openAttachment({ tempDir: temp, shell, markFromElsewhere }, { name: '现场:照片.png', bytes: png });
    expect(first.opened).toBe(true);
    expect(path.basename(first.path)).toBe('现场_照片.png');
    expect(path.dirname(path.dirname(first.path))).toBe(path.join(temp, ATTACHMENT_TEMP_FOLDER));
    expect(second.path).not.toBe(first.path); // never overwrites a copy still open
    expect(new Uint8Array(await readFile(first.path))).toEqual(png);
    expect(marked).toEqual([first.path, second.path]);
    expect(shell.openPath).toHaveBeenCalledWith(first.path);
  });

  it('refuses programs and scripts whatever their bytes, and a PDF that is not one; nothing is written', async () => {
    const temp = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    for (const name of ['凭证.exe', '凭证.pdf .exe', '说明.hta', '照片.svg', '脚本.js', '快捷方式.lnk', '无扩展名']) {
      await expect(openAttachment({ tempDir: temp, shell }, { name, bytes: png })).rejects.toThrow(/出于安全考虑/);
    }
    await expect(openAttachment({ tempDir: temp, shell }, { name: '凭证.pdf', bytes: fakeExecutable() })).rejects.toThrow(/不是有效的PDF 文件/);
    expect(await readdir(temp)).toEqual([]);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('keeps the copy closed when it cannot be marked as from elsewhere', async () => {
    const temp = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    const result = await openAttachment({ tempDir: temp, shell, markFromElsewhere: async () => Promise.reject(new Error('ADS 不可用')) }, { name: '凭证.pdf', bytes: fakePdf() });
    expect(result.opened).toBe(false);
    expect(result.message).toContain('未自动打开');
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('names: the extension is re-applied by us', () => {
    expect(attachmentFileName('凭证.PDF. .', fakePdf())).toEqual({ fileName: '凭证.pdf', extension: 'pdf' });
    expect(attachmentFileName('CON.png', png).fileName).toBe('_CON.png');
  });
});

describe('附件 另存为', () => {
  it('offers the attachment’s own kind and keeps it when the clerk types another extension', async () => {
    const dir = await tempDir();
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: path.join(dir, '改名.txt') }));
    const result = await saveAttachmentWithDialog({ dialog: { showSaveDialog }, lastFolder: createLastFolderStore(dir), defaultFolder: dir }, { name: '现场照片.png', bytes: png });
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: '图片', extensions: ['png'] }] }));
    expect(result).toEqual({ saved: true, path: path.join(dir, '改名.txt.png') });
    expect(new Uint8Array(await readFile(path.join(dir, '改名.txt.png')))).toEqual(png);
  });
});
