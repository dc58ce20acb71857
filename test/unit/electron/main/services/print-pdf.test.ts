import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { printViewToPdf } from '../../../../../electron/main/services/print-pdf';
import { memoryLastFolder, tempDir } from './helpers';

describe('printViewToPdf', () => {
  it('prints the sender, asks where to save, writes the PDF', async () => {
    const dir = await tempDir();
    const target = path.join(dir, '总览.pdf');
    const contents = { printToPDF: vi.fn(async () => new TextEncoder().encode('%PDF-1.7')) };
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: target })) };

    const result = await printViewToPdf({ dialog, lastFolder: memoryLastFolder(dir), defaultFolder: dir }, contents, '总览');

    expect(result).toEqual({ saved: true, path: target });
    expect(contents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', printBackground: true }));
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join(dir, '总览.pdf'),
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
      }),
    );
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7');
  });
});
