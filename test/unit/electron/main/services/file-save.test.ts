import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';
import { ServiceError } from '../../../../../electron/main/services/errors';
import { saveFileWithDialog } from '../../../../../electron/main/services/file-save';
import type { SaveDialogLike } from '../../../../../electron/main/services/dialogs';
import { leftoverTempFiles, memoryLastFolder, tempDir } from './helpers';

const bytes = new TextEncoder().encode('new document');

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
    expect(await readFile(target, 'utf8')).toBe('new document');
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
});
