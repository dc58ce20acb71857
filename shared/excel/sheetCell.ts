/**
 * A cell as the workbook reader hands it over (renderer excel worker): text, a number, a boolean,
 * a date as 'YYYY-MM-DD' (or 'YYYY-MM-DDTHH:mm' when it carries a time), or null when empty.
 * Formulas arrive as their cached result (never evaluated); rich text as its plain text.
 */
export type SheetCell = string | number | boolean | null;

/** One sheet of a workbook as read. */
export interface SheetData {
  name: string;
  /** 'visible', 'hidden' or 'veryHidden' (only reachable through VBA). */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Rows from the sheet's first row (index 0 = row 1), cells from column A. */
  rows: SheetCell[][];
  /** Merged ranges, 0-based inclusive. Only the top-left cell of a range carries the value. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Cells whose formula had no cached value (the file was written by a program that does not compute). */
  formulasWithoutValue: number;
  /** Rows past what a reader keeps (the import limit and some), counted only: the sheet is too large to import. */
  omittedRows?: number;
}

export function isBlankCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankSheetRow(row: readonly SheetCell[] | undefined): boolean {
  return !row || row.every(isBlankCell);
}

/** A cell as the clerk would read it (preview and messages). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).replace('T', ' ');
}
