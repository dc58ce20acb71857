import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_FILE_BYTES } from '../../../../../../shared/excel/workbookFile';
import { locateTable } from '../../../../../../shared/excel/sheetTable';
import { advisorImport } from '../../../../../../shared/excel/targets';
import { readWorkbook } from '../../../../../../renderer/src/components/Excel/xlsx/workbookReader';

const fields = advisorImport.fields;
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** Each bad input of issue 15, built as a file and read the way the import reads it: a clear message per case, nothing read half. */
describe('bad spreadsheets, each with its message (streaming reader)', () => {
  it('a file over the size limit is refused before it is opened', async () => {
    const big = new Uint8Array(MAX_IMPORT_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(readWorkbook(big, '全省服务日志.xlsx')).rejects.toThrow('超过一次导入的上限 40 MB');
  });

  it('an empty sheet, and a sheet with only its header', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    wb.addWorksheet('只有表头').addRow(['姓名', '院士称号', '所在单位']);
    const [empty, headerOnly] = await readWorkbook(await bytesOf(wb), '名册.xlsx');
    expect(locateTable(empty, fields)).toEqual({ ok: false, message: '工作表“空表”是空的，没有可导入的内容' });
    expect(locateTable(headerOnly, fields)).toEqual({ ok: false, message: '工作表“只有表头”只有表头（第 1 行），没有数据行' });
  });

  it('a workbook without a worksheet', async () => {
    const wb = new ExcelJS.Workbook();
    await expect(readWorkbook(await bytesOf(wb), '无表.xlsx')).rejects.toThrow('中没有工作表');
  });

  it('formulas with and without a cached value, dates stored as text, and a hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['姓名', '院士称号', '所在单位', '聘期开始']);
    ws.addRow(['张三', '中国工程院院士', { formula: 'CONCATENATE("广西","大学")', result: '广西大学' }, '2024年3月5日']);
    ws.addRow(['李四', '中国科学院院士', { formula: 'A1' } as ExcelJS.CellFormulaValue, '2024.3.5']);
    wb.addWorksheet('隐藏', { state: 'hidden' }).addRow(['x']);
    const sheets = await readWorkbook(await bytesOf(wb), '名册.xlsx');
    expect(sheets[1].state).toBe('hidden');
    const table = locateTable(sheets[0], fields);
    if (!table.ok) throw new Error(table.message);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['张三', '中国工程院院士', '广西大学', '2024年3月5日'],
      ['李四', '中国科学院院士', null, '2024.3.5'],
    ]);
    expect(table.notes).toContain('有 1 个公式单元格没有保存计算结果，按空白导入：请在 WPS/Excel 中打开并保存一次后再导入');
  });

  const hasSoffice = spawnSync('which', ['soffice']).status === 0;
  it.skipIf(!hasSoffice)('reads a workbook LibreOffice wrote (shared strings, its own date styles)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-read-'));
    try {
      writeFileSync(join(dir, 'roster.csv'), '姓名,所在单位,聘期开始,聘金\n张三,广西大学,2024-03-05,1234.5\n李四,桂林理工大学,2025-12-31,0\n');
      spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--infilter=CSV:44,34,76,1,,2052', '--convert-to', 'xlsx', '--outdir', dir, join(dir, 'roster.csv')], { timeout: 120_000, stdio: 'ignore' });
      const [sheet] = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'roster.xlsx'))), 'roster.xlsx');
      expect(sheet.rows).toEqual([
        ['姓名', '所在单位', '聘期开始', '聘金'],
        ['张三', '广西大学', '2024-03-05', 1234.5],
        ['李四', '桂林理工大学', '2025-12-31', 0],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 130_000);
});
