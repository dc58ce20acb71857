import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import { ServiceError } from '../../../../../electron/main/services/errors';
import { saveFileWithDialog } from '../../../../../electron/main/services/file-save';
import type { SaveDialogLike } from '../../../../../electron/main/services/dialogs';
import { fakeDocx, fakeExecutable, fakePdf, leftoverTempFiles, memoryLastFolder, tempDir } from './helpers';

const bytes = fakeDocx('new document');

function dialogChoosing(filePath: string | undefined): SaveDialogLike & { showSaveDialog: ReturnType<typeof vi.fn> } {
  return {
    showSaveDialog: vi.fn(async () => (filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' })),
  };
}

describe('saveFileWithDialog', () => {
  it('starts in the last folder used, with a sanitised name, and writes where the user chose', async () => {
    const last = await tempDir();
    const chosenDir = await tempDir();
    const target = path.join(chosenDir, '顾问名单.docx');
    const dialog = dialogChoosing(target);
    const lastFolder = memoryLastFolder(last);

    const result = await saveFileWithDialog(
      { dialog, lastFolder, defaultFolder: '/documents' },
      { suggestedName: '..\\顾问/名单.docx', bytes, filters: [{ name: 'Word 文档', extensions: ['docx'] }] },
    );

    expect(result).toEqual({ saved: true, path: target });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join(last, '_顾问_名单.docx'),
        filters: [{ name: 'Word 文档', extensions: ['docx'] }],
      }),
    );
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(lastFolder.remembered).toEqual([chosenDir]);
    expect(await leftoverTempFiles(chosenDir)).toEqual([]);
  });

  it('falls back to the documents folder the first time', async () => {
    const dialog = dialogChoosing(undefined);
    await saveFileWithDialog(
      { dialog, lastFolder: memoryLastFolder(), defaultFolder: path.resolve('/home/clerk/Documents') },
      { suggestedName: 'a.docx', bytes },
    );
    expect(dialog.showSaveDialog.mock.calls[0][0].defaultPath).toBe(path.resolve('/home/clerk/Documents', 'a.docx'));
  });

  it('writes nothing and remembers nothing when cancelled', async () => {
    const lastFolder = memoryLastFolder();
    const writer = vi.fn();
    const result = await saveFileWithDialog(
      { dialog: dialogChoosing(undefined), lastFolder, defaultFolder: '/d', writeFile: writer },
      { suggestedName: 'a.docx', bytes },
    );
    expect(result).toEqual({ saved: false });
    expect(writer).not.toHaveBeenCalled();
    expect(lastFolder.remembered).toEqual([]);
  });

  it('keeps the old file and leaves no temp file when the write fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, '整改台账.docx');
    await writeFile(target, 'old version');
    const lastFolder = memoryLastFolder();
    // The real atomic writer, failing after its temp file exists (e.g. the disk filled up).
    const failingWriter = (filePath: string, data: Uint8Array) =>
      writeFileAtomic(filePath, data, {
        onTempCreated: () => {
          throw new Error('ENOSPC: no space left on device');
        },
      });

    const attempt = saveFileWithDialog(
      { dialog: dialogChoosing(target), lastFolder, defaultFolder: dir, writeFile: failingWriter },
      { suggestedName: '整改台账.docx', bytes },
    );

    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toThrow(/无法保存到.*原文件未改动.*ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('old version');
    expect(await leftoverTempFiles(dir)).toEqual([]);
    expect(lastFolder.remembered).toEqual([]);
  });

  it.each([
    ['“所有文件 (*)”', [{ name: '所有文件', extensions: ['*'] }], /不能按“所有文件”类型保存/],
    ['an HTML application', [{ name: '报告', extensions: ['hta'] }], /不能按“\.hta”类型保存/],
    ['a document filter next to a script one', [{ name: 'Word', extensions: ['docx'] }, { name: '脚本', extensions: ['js'] }], /\.js/],
  ])('refuses filters the app never writes: %s', async (_what, filters, message) => {
    const dialog = dialogChoosing('/x/报告.docx');
    const writer = vi.fn();
    await expect(
      saveFileWithDialog({ dialog, lastFolder: memoryLastFolder(), defaultFolder: '/d', writeFile: writer }, { suggestedName: '报告.docx', bytes, filters }),
    ).rejects.toThrow(message);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(writer).not.toHaveBeenCalled();
  });

  it('refuses an executable dressed as a Word document before any dialog opens', async () => {
    const dialog = dialogChoosing('/x/报告.docx');
    const writer = vi.fn();
    await expect(
      saveFileWithDialog(
        { dialog, lastFolder: memoryLastFolder(), defaultFolder: '/d', writeFile: writer },
        { suggestedName: '报告.docx', bytes: fakeExecutable(), filters: [{ name: 'Word 文档', extensions: ['docx'] }] },
      ),
    ).rejects.toThrow(/不是有效的Word 文档/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(writer).not.toHaveBeenCalled();
  });

  it('refuses a name of another type when no filter is given', async () => {
    const dialog = dialogChoosing('/x/a.exe');
    await expect(
      saveFileWithDialog({ dialog, lastFolder: memoryLastFolder(), defaultFolder: '/d' }, { suggestedName: 'a.exe', bytes: fakeExecutable() }),
    ).rejects.toThrow(/不能写入“\.exe”文件/);
  });

  it('suggests the name with the filter’s extension, and adds it when the clerk types another one', async () => {
    const dir = await tempDir();
    const dialog = dialogChoosing(path.join(dir, '报告.hta'));
    const result = await saveFileWithDialog(
      { dialog, lastFolder: memoryLastFolder(dir), defaultFolder: dir },
      { suggestedName: '报告.hta', bytes: fakePdf(), filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
    );
    expect(dialog.showSaveDialog.mock.calls[0][0].defaultPath).toBe(path.join(dir, '报告.hta.pdf'));
    expect(result).toEqual({ saved: true, path: path.join(dir, '报告.hta.pdf') });
  });
});
