import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeFileName, uniqueFilePath, withExtension } from '../../../../../electron/main/services/file-names';

describe('sanitizeFileName', () => {
  it.each([
    ['科技顾问台账.xlsx', '科技顾问台账.xlsx'],
    ['..\\..\\Windows\\evil.exe', '_.._Windows_evil.exe'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['C:\\temp\\a.docx', 'C__temp_a.docx'],
    ['/abs/path.docx', '_abs_path.docx'],
    ['a<b>c:"d"|e?f*.docx', 'a_b_c__d__e_f_.docx'],
    ['名单\u0000.docx', '名单_.docx'],
    ['CON', '_CON'],
    ['con.docx', '_con.docx'],
    ['LPT1.txt', '_LPT1.txt'],
    ['报告. . ', '报告'],
    ['', '未命名'],
    ['...', '未命名'],
    ['///', '未命名'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps very long names but keeps the extension', () => {
    const name = sanitizeFileName(`${'长'.repeat(400)}.docx`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('never yields a path separator', () => {
    for (const input of ['a/b', 'a\\b', '..', '../..', 'x/../../y']) {
      const name = sanitizeFileName(input);
      expect(name).not.toMatch(/[\\/]/);
      expect(path.basename(name)).toBe(name);
    }
  });
});

describe('withExtension / uniqueFilePath', () => {
  it('adds an extension only when missing', () => {
    expect(withExtension('总览', 'pdf')).toBe('总览.pdf');
    expect(withExtension('总览.PDF', 'pdf')).toBe('总览.PDF');
  });

  it('numbers copies like Explorer does', async () => {
    const taken = new Set([path.join('/d', '报告.docx'), path.join('/d', '报告 (2).docx')]);
    expect(await uniqueFilePath('/d', '报告.docx', async (p) => taken.has(p))).toBe(path.join('/d', '报告 (3).docx'));
    expect(await uniqueFilePath('/d', '新.docx', async (p) => taken.has(p))).toBe(path.join('/d', '新.docx'));
  });
});
