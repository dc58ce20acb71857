import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXPORT_BLOCK, toExportCell, type ExportSheetSpec } from '../../../../../../shared/excel/exportSheet';
import { LedgerWorkbookWriter } from '../../../../../../renderer/src/components/Excel/xlsx/ledgerSheetWriter';

const spec: ExportSheetSpec = {
  rowCount: 3,
  title: '服务日志',
  subtitle: '全部 3 条记录；导出于 2026-11-30 10:00',
  sheetName: '服务日志',
  columns: [{ header: '科技特派员' }, { header: '服务日期', kind: 'date' }, { header: '登记时间', kind: 'dateTime' }, { header: '补助金额', kind: 'amount' }, { header: '服务内容' }],
};
const rows = [
  ['张三', '2024-03-05', '2024-03-05T10:30', 1234.5, '=HYPERLINK("http://x")'],
  ['李四 & <王>', '2024-12-31', null, -5, '第一行\r\n第二行，字面 _x000D_ 与控制符\u0007'],
  ['@王五', null, null, 0, '+86 771'],
].map((r) => r.map((v, i) => toExportCell(v, spec.columns[i].kind)));

async function written(extraRows = 0): Promise<Uint8Array> {
  const writer = new LedgerWorkbookWriter(spec);
  writer.addRows(rows);
  for (let start = 0; start < extraRows; start += EXPORT_BLOCK) {
    writer.addRows(Array.from({ length: Math.min(EXPORT_BLOCK, extraRows - start) }, (_, k) => [toExportCell(`特派员${start + k}`), toExportCell('2025-01-02', 'date'), null, toExportCell(1, 'amount'), toExportCell('x'.repeat(200))]));
  }
  return writer.finish();
}

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets[0];
}

describe('LedgerWorkbookWriter (streaming, fflate)', () => {
  it('writes a standard package: content types, relationships, workbook, styles a shared-string table and one sheet', async () => {
    const parts = unzipSync(await written());
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort());
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    // Element order the schema requires (Excel refuses a sheet whose <cols> follows <sheetData>).
    const order = ['<sheetPr', '<dimension ref="A1:E6"/>', '<sheetViews', '<sheetFormatPr', '<cols', '<sheetData', '<autoFilter', '<mergeCells', '<pageMargins', '<pageSetup'].map((t) => sheet.indexOf(t));
    expect(order.every((p, i) => p > 0 && (i === 0 || p > order[i - 1]))).toBe(true);
    // Text in the shared-string table, each distinct text once (older WPS refuses inline strings).
    expect(sheet).not.toContain('inlineStr');
    const sst = strFromU8(parts['xl/sharedStrings.xml']);
    expect(sst).toContain('count="13" uniqueCount="13"');
    expect(sst.match(/<si>/g)).toHaveLength(13);
    // Ten more rows: ten new names, one long text used ten times.
    expect(strFromU8(unzipSync(await written(10))['xl/sharedStrings.xml'])).toContain('count="33" uniqueCount="24"');
    expect(sheet).toContain('<autoFilter ref="A3:E6"/>');
    expect(strFromU8(parts['xl/workbook.xml'])).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'服务日志'!$A$3:$E$6</definedName>`);
  });

  it('reads back in exceljs with the title merged, the header frozen and bold, real dates, amounts, and neutralised text', async () => {
    const ws = await reopen(await written());
    expect(ws.getCell('A1').value).toBe('服务日志');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16, name: '宋体' });
    expect(ws.getCell('A2').value).toBe(spec.subtitle);
    expect(ws.getCell('C3')).toMatchObject({ value: '登记时间' });
    expect(ws.getCell('C3').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect((ws.getCell('B4').value as Date).toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(ws.getCell('B4').numFmt).toBe('yyyy-mm-dd');
    expect((ws.getCell('C4').value as Date).toISOString()).toBe('2024-03-05T10:30:00.000Z');
    expect(ws.getCell('C4').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getCell('D4').value).toBe(1234.5);
    expect(ws.getCell('D4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E4').value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell('A5').value).toBe('李四 & <王>');
    expect(ws.getCell('A6').value).toBe("'@王五");
    expect(ws.getCell('E6').value).toBe("'+86 771");
    expect(ws.getCell('D6').value).toBe(0);
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(8);
  });

  it('takes column widths from the first block and caps long text at 60', async () => {
    const ws = await reopen(await written(EXPORT_BLOCK * 2 + 7));
    expect(ws.getColumn(5).width).toBe(60);
    expect(ws.getColumn(1).width).toBe(13); // 李四 & <王>, the widest name in the sample
    expect(ws.rowCount).toBe(3 + 3 + EXPORT_BLOCK * 2 + 7);
    expect(ws.getCell(`A${ws.rowCount}`).value).toBe(`特派员${EXPORT_BLOCK * 2 + 6}`);
  });

  const hasSoffice = spawnSync('which', ['soffice']).status === 0;
  it.skipIf(!hasSoffice)('opens in LibreOffice: soffice --convert-to csv gives every cell as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
    try {
      writeFileSync(join(dir, 'log.xlsx'), await written());
      spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, 'log.xlsx')], { timeout: 120_000, stdio: 'ignore' });
      const csv = readFileSync(join(dir, 'log.csv'), 'utf8').split('\n');
      expect(csv[0]).toBe('服务日志,,,,');
      expect(csv[2]).toBe('科技特派员,服务日期,登记时间,补助金额,服务内容');
      expect(csv[3]).toBe(`张三,2024-03-05,2024-03-05 10:30,"1,234.50","'=HYPERLINK(""http://x"")"`);
      expect(csv[4]).toBe('李四 & <王>,2024-12-31,,-5.00,"第一行');
      expect(csv[5]).toBe('第二行，字面 _x000D_ 与控制符\u0007"');
      expect(csv[6]).toBe("'@王五,,,0.00,'+86 771");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 130_000);
});
