import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DOCUMENTS_SUBFOLDER,
  openDocument,
  writeZoneIdentifier,
  ZONE_IDENTIFIER_INTERNET,
} from '../../../../../electron/main/services/open-document';
import { fakeDocx, fakeExecutable, fakePdf, fakeXlsx, tempDir } from './helpers';

const bytes = fakeDocx();

async function filesIn(documents: string): Promise<string[]> {
  return readdir(path.join(documents, DOCUMENTS_SUBFOLDER)).catch(() => []);
}

describe('openDocument (打印)', () => {
  it('writes into 文档/SciLedger and opens it with the default application', async () => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    const result = await openDocument({ documentsDir: documents, shell }, { suggestedName: '会商纪要.docx', bytes });
    const expected = path.join(documents, DOCUMENTS_SUBFOLDER, '会商纪要.docx');
    expect(result).toEqual({ path: expected, opened: true });
    expect(new Uint8Array(await readFile(expected))).toEqual(bytes);
    expect(shell.openPath).toHaveBeenCalledWith(expected);
  });

  it('opens Excel workbooks and PDFs too', async () => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    await openDocument({ documentsDir: documents, shell }, { suggestedName: '台账.XLSX', bytes: fakeXlsx() });
    await openDocument({ documentsDir: documents, shell }, { suggestedName: '聘书.pdf', bytes: fakePdf() });
    expect((await filesIn(documents)).sort()).toEqual(['台账.xlsx', '聘书.pdf']);
  });

  it('never overwrites an earlier document: name (2).docx', async () => {
    const documents = await tempDir();
    await mkdir(path.join(documents, DOCUMENTS_SUBFOLDER));
    await writeFile(path.join(documents, DOCUMENTS_SUBFOLDER, '纪要.docx'), 'first, maybe open in Word');
    const shell = { openPath: vi.fn(async () => '') };
    const result = await openDocument({ documentsDir: documents, shell }, { suggestedName: '纪要.docx', bytes });
    expect(result.path).toBe(path.join(documents, DOCUMENTS_SUBFOLDER, '纪要 (2).docx'));
    expect(await readFile(path.join(documents, DOCUMENTS_SUBFOLDER, '纪要.docx'), 'utf8')).toBe('first, maybe open in Word');
    expect((await filesIn(documents)).sort()).toEqual(['纪要 (2).docx', '纪要.docx']);
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

describe('openDocument refuses anything that is not a document (a compromised renderer must not launch programs)', () => {
  const launchers = ['报告.exe', '报告.bat', '报告.cmd', '报告.js', '报告.hta', '报告.lnk', '报告.url', '报告.scr', '报告.ps1', '报告.vbs', '报告.msi', '报告.docm', '报告', '报告.docx .exe', '报告.docx.hta'];

  it.each(launchers)('“%s” is neither written nor opened', async (suggestedName) => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    await expect(openDocument({ documentsDir: documents, shell }, { suggestedName, bytes: fakeExecutable() })).rejects.toThrow(
      /只允许 \.docx、\.xlsx、\.pdf 文件，未写入也未打开/,
    );
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(await filesIn(documents)).toEqual([]);
  });

  it.each([
    ['an executable named 报告.docx', '报告.docx', fakeExecutable()],
    ['a PDF named 报告.docx', '报告.docx', fakePdf()],
    ['a Word document named 表.xlsx', '表.xlsx', fakeDocx()],
    ['a script named 聘书.pdf', '聘书.pdf', new TextEncoder().encode('<script>alert(1)</script>')],
    ['an empty file', '报告.docx', new Uint8Array()],
  ])('%s is refused by its bytes', async (_what, suggestedName, content) => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    await expect(openDocument({ documentsDir: documents, shell }, { suggestedName, bytes: content })).rejects.toThrow(/文件内容不是有效的/);
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(await filesIn(documents)).toEqual([]);
  });

  it('forces the extension itself: trailing dots and spaces cannot change what Windows opens', async () => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    const result = await openDocument({ documentsDir: documents, shell }, { suggestedName: '报告.DocX. . ', bytes });
    expect(path.basename(result.path)).toBe('报告.docx');
    expect(shell.openPath).toHaveBeenCalledWith(result.path);
  });
});

describe('documents from elsewhere (附件 received from another machine)', () => {
  it('are marked before they are opened', async () => {
    const documents = await tempDir();
    const order: string[] = [];
    const shell = { openPath: vi.fn(async () => (order.push('open'), '')) };
    const markFromElsewhere = vi.fn(async (filePath: string) => void order.push(`mark ${path.basename(filePath)}`));
    await openDocument({ documentsDir: documents, shell, markFromElsewhere }, { suggestedName: '附件.pdf', bytes: fakePdf(), origin: 'elsewhere' });
    expect(order).toEqual(['mark 附件.pdf', 'open']);
  });

  it('stay closed when they cannot be marked', async () => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    const markFromElsewhere = async () => {
      throw new Error('EPERM');
    };
    const result = await openDocument({ documentsDir: documents, shell, markFromElsewhere }, { suggestedName: '附件.docx', bytes, origin: 'elsewhere' });
    expect(result.opened).toBe(false);
    expect(result.message).toMatch(/未能标记为外来文件.*未自动打开/);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('obey the same rule: executables and scripts are never opened', async () => {
    const documents = await tempDir();
    const shell = { openPath: vi.fn(async () => '') };
    await expect(
      openDocument({ documentsDir: documents, shell, markFromElsewhere: async () => {} }, { suggestedName: '附件.vbs', bytes: fakeExecutable(), origin: 'elsewhere' }),
    ).rejects.toThrow(/只允许/);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('app-built documents are not marked (no Protected View for the clerk’s own 打印)', async () => {
    const documents = await tempDir();
    const markFromElsewhere = vi.fn(async () => {});
    await openDocument({ documentsDir: documents, shell: { openPath: async () => '' }, markFromElsewhere }, { suggestedName: '报告.docx', bytes });
    expect(markFromElsewhere).not.toHaveBeenCalled();
  });

  it('the mark is the Internet-zone Zone.Identifier stream on Windows and nothing elsewhere', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.docx');
    await writeFile(file, 'x');
    await writeZoneIdentifier(file, 'linux');
    expect(await readdir(dir)).toEqual(['a.docx']);
    // On Linux a ":" is an ordinary name character, which shows the exact stream name written.
    await writeZoneIdentifier(file, 'win32');
    expect(await readFile(`${file}:Zone.Identifier`, 'utf8')).toBe(ZONE_IDENTIFIER_INTERNET);
    expect(ZONE_IDENTIFIER_INTERNET).toMatch(/^\[ZoneTransfer\]\r\nZoneId=3\r\n$/);
  });
});
