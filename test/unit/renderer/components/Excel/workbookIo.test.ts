import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toExportCell } from '../../../../../shared/excel/exportSheet';
import { LedgerWorkbookWriter, WorkbookReadError, readWorkbook } from '../../../../../renderer/src/components/Excel/workbookIo';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets[0];
}

describe('LedgerWorkbookWriter', () => {
  it('writes a title row, a frozen header, real dates, formatted amounts and neutralised text', async () => {
    const writer = new LedgerWorkbookWriter({
      title: '科技顾问名册',
      subtitle: '筛选出的 2 条（共 5 条）',
      sheetName: '科技顾问名册',
      columns: [{ header: '姓名' }, { header: '聘期开始', kind: 'date' }, { header: '聘金', kind: 'amount' }, { header: '备注' }],
    });
    writer.addRows([
      [toExportCell('张三'), toExportCell('2024-03-05', 'date'), toExportCell(300000, 'amount'), toExportCell('=HYPERLINK("http://x")')],
      [toExportCell('李四'), toExportCell(null), toExportCell(1234.5, 'amount'), toExportCell(['甲', '乙'])],
    ]);
    const ws = await reopen(await writer.finish());
    expect(ws.getCell('A1').value).toBe('科技顾问名册');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('A3').value).toBe('姓名');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const date = ws.getCell('B4').value as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString().slice(0, 10)).toBe('2024-03-05');
    expect(ws.getCell('B4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C4').value).toBe(300000);
    expect(ws.getCell('C4').numFmt).toBe('#,##0.00');
    // Text, never a formula, and the apostrophe keeps a re-edited cell text too.
    expect(ws.getCell('D4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D4').value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell('D5').value).toBe('甲、乙');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(8);
  });
});

describe('readWorkbook', () => {
  it('reads cached formula results, dates, rich text and merged ranges, never evaluating', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.mergeCells('A1:C1');
    ws.getCell('A1').value = '2024年科技顾问台账';
    ws.getRow(2).values = ['姓名', '日期', '合计'];
    ws.getCell('A3').value = { richText: [{ text: '张' }, { text: '三' }] };
    ws.getCell('B3').value = new Date(Date.UTC(2024, 2, 5));
    ws.getCell('C3').value = { formula: 'SUM(1,2)', result: 3 };
    ws.getCell('C4').value = { formula: 'SUM(1,2)' } as ExcelJS.CellFormulaValue;
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'x';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const sheets = await readWorkbook(bytes, '台账.xlsx');
    expect(sheets.map((s) => [s.name, s.state])).toEqual([['台账', 'visible'], ['隐藏', 'hidden']]);
    const [sheet] = sheets;
    expect(sheet.rows[0]).toEqual(['2024年科技顾问台账']);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(sheet.rows[2]).toEqual(['张三', '2024-03-05', 3]);
    expect(sheet.rows[3]).toEqual([null, null, null]);
    expect(sheet.formulasWithoutValue).toBe(1);
  });

  it('names old .xls, password-protected, empty and foreign files', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readWorkbook(ole, '旧台账.xls')).rejects.toThrow('请在 WPS/Excel 中另存为 .xlsx 后再导入');
    const encrypted = ole.slice();
    encrypted.set(Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    await expect(readWorkbook(encrypted, '加密.xlsx')).rejects.toThrow('设置了打开密码');
    await expect(readWorkbook(new Uint8Array(), '空.xlsx')).rejects.toThrow('是空的');
    await expect(readWorkbook(new TextEncoder().encode('姓名,单位\n张三,广西大学'), '名单.csv')).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '坏.xlsx')).rejects.toThrow('文件已损坏');
  });
});
