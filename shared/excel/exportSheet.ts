import { neutraliseFormula } from './cellSafety';

/** Rows read and handed to the writer at a time: a block of a paged ledger, never all of it. */
export const EXPORT_BLOCK = 500;

/** How a column is written: text, a real date (or date and time), an amount in yuan, a plain number. */
export type ExportKind = 'text' | 'date' | 'dateTime' | 'amount' | 'number';

/** A cell on its way to the workbook writer: text (already neutralised), a number, a date, or empty. */
export type ExportCell = string | number | { date: string } | null;

export interface ExportColumn {
  header: string;
  kind?: ExportKind;
}

/** What the writer needs besides the rows. */
export interface ExportSheetSpec {
  /** Title row above the header, e.g. 科技顾问名册. */
  title: string;
  /** A line under the title: what is in the file (筛选出的 12 条，共 40 条；导出于 2026-11-30). */
  subtitle?: string;
  /** Worksheet tab name (31 characters at most, no []:*?/\). */
  sheetName: string;
  columns: ExportColumn[];
  /** Data rows expected (the sheet's announced dimension); a streaming writer cannot count them first. */
  rowCount?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Number formats both Excel and WPS show the same way (built-in codes, no locale tags). */
export const numberFormats: Record<Exclude<ExportKind, 'text'>, string> = {
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  amount: '#,##0.00',
  number: 'General',
};

/** 'YYYY-MM-DDTHH:mm' in local wall-clock time of an ISO instant (what the clerk saw on screen). */
function localDateTime(iso: string): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * A screen value as a spreadsheet cell. Dates ('YYYY-MM-DD') become real dates, ISO instants
 * real date-times, numbers stay numbers (amounts get their format from the column), several
 * values are joined with 、, and text that a spreadsheet would run as a formula is neutralised.
 */
export function toExportCell(value: unknown, kind?: ExportKind): ExportCell {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return toExportCell(value.filter((v) => v !== null && v !== undefined && v !== '').map(String).join('、'), 'text');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = String(value);
  if (kind !== 'text') {
    if (DATE.test(text) && (kind === undefined || kind === 'date' || kind === 'dateTime')) return { date: text };
    if (DATE_TIME.test(text) && (kind === undefined || kind === 'dateTime')) {
      const local = localDateTime(text);
      if (local) return { date: local };
    }
    if ((kind === 'amount' || kind === 'number') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  }
  return neutraliseFormula(text);
}

/** Columns of text in a spreadsheet: CJK characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** A sensible column width (Excel character units) from the header and the longest value seen. */
export function columnWidthFor(headerWidth: number, contentWidth: number): number {
  return Math.min(60, Math.max(8, Math.max(headerWidth, contentWidth) + 2));
}

/** The text width of a cell as written, for the column width. */
export function exportCellWidth(cell: ExportCell, kind?: ExportKind): number {
  if (cell === null) return 0;
  if (typeof cell === 'number') return kind === 'amount' ? displayWidth(cell.toFixed(2)) + Math.floor(String(Math.trunc(cell)).length / 3) : String(cell).length;
  if (typeof cell === 'object') return cell.date.length > 10 ? 16 : 10;
  // A long text wraps in its cell rather than widening the column past 60.
  let longest = 0;
  for (const line of cell.split('\n')) longest = Math.max(longest, displayWidth(line));
  return longest;
}

/** A worksheet tab name Excel accepts. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '').trim().slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** The same rows as CSV cells (dates as text YYYY-MM-DD, which both programs read as dates). */
export function csvCell(cell: ExportCell): string | number | null {
  if (cell === null || typeof cell === 'number' || typeof cell === 'string') return cell;
  return cell.date.replace('T', ' ');
}
