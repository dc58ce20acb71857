import ExcelJS from 'exceljs';
import { columnWidthFor, displayWidth, exportCellWidth, numberFormats, safeSheetName, type ExportCell, type ExportSheetSpec } from '../../../../shared/excel/exportSheet';
import type { SheetCell, SheetData } from '../../../../shared/excel/sheetCell';
import { spreadsheetFileProblem } from '../../../../shared/excel/workbookFile';

/**
 * The exceljs half of Excel in and out; runs in the excel worker (or on the main thread where
 * Worker is missing, and in Node for tests and the bench). Only exceljs's in-memory Workbook is
 * used: its browser build has no streaming reader or writer (those need Node's fs, zlib and
 * streams — see the bench for what they would save).
 */

/** A workbook the clerk cannot import, with the Chinese reason. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const FONT = '宋体';

function toDate(text: string): Date {
  // The wall-clock date and time as written, stored as UTC so the serial number is that moment.
  const [d, t = '00:00'] = text.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, day, hh, mm));
}

/**
 * Builds one ledger sheet row block by row block (rows arrive from the paged ledger in chunks):
 * title row merged across the columns, an optional subtitle, the header row frozen, typed cells
 * with number formats, widths from the longest value. `finish` returns the .xlsx bytes.
 */
export class LedgerWorkbookWriter {
  private readonly workbook = new ExcelJS.Workbook();
  private readonly sheet: ExcelJS.Worksheet;
  private readonly widths: number[];
  private readonly headerRow: number;

  constructor(private readonly spec: ExportSheetSpec) {
    this.workbook.creator = 'SciLedger 科技工作台账';
    this.workbook.created = new Date();
    const headerRow = spec.subtitle ? 3 : 2;
    this.headerRow = headerRow;
    this.sheet = this.workbook.addWorksheet(safeSheetName(spec.sheetName), {
      views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    const n = Math.max(1, spec.columns.length);
    const title = this.sheet.getRow(1);
    title.getCell(1).value = spec.title;
    title.getCell(1).font = { name: FONT, size: 16, bold: true };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 30;
    if (n > 1) this.sheet.mergeCells(1, 1, 1, n);
    if (spec.subtitle) {
      const sub = this.sheet.getRow(2);
      sub.getCell(1).value = spec.subtitle;
      sub.getCell(1).font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
      if (n > 1) this.sheet.mergeCells(2, 1, 2, n);
    }
    const header = this.sheet.getRow(headerRow);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
    header.height = 22;
    this.widths = spec.columns.map((c) => displayWidth(c.header));
    // Filters on the header row: the first thing a clerk does with a ledger in Excel.
    if (spec.columns.length > 0) this.sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
  }

  addRows(rows: readonly (readonly ExportCell[])[]): void {
    const columns = this.spec.columns;
    for (const cells of rows) {
      const row = this.sheet.addRow(cells.map((c) => (c !== null && typeof c === 'object' ? toDate(c.date) : c)));
      cells.forEach((c, i) => {
        const kind = columns[i]?.kind;
        const cell = row.getCell(i + 1);
        if (c !== null && typeof c === 'object') cell.numFmt = c.date.length > 10 ? numberFormats.dateTime : numberFormats.date;
        else if (typeof c === 'number' && kind === 'amount') cell.numFmt = numberFormats.amount;
        else if (typeof c === 'string' && c.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
        const w = exportCellWidth(c, kind);
        if (w > this.widths[i]) this.widths[i] = w;
      });
    }
  }

  async finish(): Promise<Uint8Array> {
    this.widths.forEach((w, i) => {
      this.sheet.getColumn(i + 1).width = columnWidthFor(0, w);
    });
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }

  /** The header's row number (2, or 3 under a subtitle). */
  get headerRowNumber(): number {
    return this.headerRow;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0;
  return hasTime ? `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** A cell value as plain data; formulas give their cached result (never evaluated). */
function plainValue(value: ExcelJS.CellValue, onMissingFormula: () => void): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) {
        onMissingFormula();
        return null;
      }
      return plainValue(result as ExcelJS.CellValue, onMissingFormula);
    }
    if ('error' in value) return String(value.error);
    if ('text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue, onMissingFormula);
  }
  return String(value);
}

/**
 * Every sheet of an .xlsx as plain cells. The file's first bytes are checked first (old .xls,
 * password-protected, not a spreadsheet, empty), then exceljs reads it. `onProgress` gets the
 * share of sheets converted.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, onProgress?: (done: number) => void): Promise<SheetData[]> {
  const problem = spreadsheetFileProblem(bytes, fileName);
  if (problem) throw new WorkbookReadError(problem);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new WorkbookReadError(`无法读取“${fileName}”：文件已损坏，或不是 Excel 工作簿（.xlsx）`);
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError(`“${fileName}”中没有工作表`);
  const sheets: SheetData[] = [];
  workbook.worksheets.forEach((ws, index) => {
    let formulasWithoutValue = 0;
    const rows: SheetCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // A merged range's value sits in its top-left cell only; the others stay empty.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        cells[col - 1] = plainValue(cell.value, () => formulasWithoutValue++);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    const merges = Object.values((ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {}).map((m) => ({
      top: m.top - 1,
      left: m.left - 1,
      bottom: m.bottom - 1,
      right: m.right - 1,
    }));
    sheets.push({ name: ws.name, state: (ws.state as SheetData['state']) ?? 'visible', rows, merges, formulasWithoutValue });
    onProgress?.((index + 1) / workbook.worksheets.length);
  });
  return sheets;
}
