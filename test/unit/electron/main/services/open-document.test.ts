import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DOCUMENTS_SUBFOLDER, openDocument } from '../../../../../electron/main/services/open-document';
import { tempDir } from './helpers';

const bytes = new TextEncoder().encode('docx bytes');

describe('openDocument (打印)', () => {
  it('writes into 文档/SciLedger and opens it with the default application', async () => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    const result = await openDocument({ documentsDir: documents, shell }, { suggestedName: '会商纪要.docx', bytes });
    const expected = path.join(documents, DOCUMENTS_SUBFOLDER, '会商纪要.docx');
    expect(result).toEqual({ path: expected, opened: true });
    expect(await readFile(expected, 'utf8')).toBe('docx bytes');
    expect(shell.openPath).toHaveBeenCalledWith(expected);
  });

  it('never overwrites an earlier document: name (2).docx', async () => {
    const documents = await tempDir();
    await mkdir(path.join(documents, DOCUMENTS_SUBFOLDER));
    await writeFile(path.join(documents, DOCUMENTS_SUBFOLDER, '纪要.docx'), 'first, maybe open in Word');
    const shell = { openPath: vi.fn(async () => '') };
    const result = await openDocument({ documentsDir: documents, shell }, { suggestedName: '纪要.docx', bytes });
    expect(result.path).toBe(path.join(documents, DOCUMENTS_SUBFOLDER, '纪要 (2).docx'));
    expect(await readFile(path.join(documents, DOCUMENTS_SUBFOLDER, '纪要.docx'), 'utf8')).toBe('first, maybe open in Word');
    expect((await readdir(path.join(documents, DOCUMENTS_SUBFOLDER))).sort()).toEqual(['纪要 (2).docx', '纪要.docx']);
  });

  it('keeps the name inside the folder whatever the renderer suggests', async () => {
    const documents = await tempDir();
    const result = await openDocument(
      { documentsDir: documents, shell: { openPath: async () => '' } },
      { suggestedName: '..\\..\\Startup\\evil.docx', bytes },
    );
    expect(path.dirname(result.path)).toBe(path.join(documents, DOCUMENTS_SUBFOLDER));
  });

  it('reports in Chinese when no application can open it', async () => {
    const documents = await tempDir();
    const result = await openDocument(
      { documentsDir: documents, shell: { openPath: async () => 'No application is associated' } },
      { suggestedName: '报告.docx', bytes },
    );
    expect(result.opened).toBe(false);
    expect(result.message).toMatch(/文件已保存到.*未能用默认程序打开.*No application is associated/);
  });
});
