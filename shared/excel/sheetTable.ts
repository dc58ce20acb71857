import { headerScore, type MatchableField } from './headerMatch';
import { cellText, isBlankCell, isBlankSheetRow, type SheetCell, type SheetData } from './sheetCell';

/** Rows a sheet may hold for an import (a ledger of 100,000 service logs is the largest we plan for). */
export const MAX_IMPORT_ROWS = 100_000;
/** How far down a header row is looked for (a title, a 填报单位 line and a blank row come first). */
const HEADER_SEARCH_ROWS = 12;

export interface DataRow {
  /** The row number the clerk sees in Excel / WPS (1-based). */
  rowNumber: number;
  cells: SheetCell[];
}

export type LocatedTable =
  | { ok: true; headerRowNumber: number; headers: string[]; rows: DataRow[]; notes: string[] }
  | { ok: false; message: string };

function rowScore(row: readonly SheetCell[], fields: readonly MatchableField[]): number {
  let score = 0;
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    let best = 0;
    for (const f of fields) best = Math.max(best, headerScore(cell, f));
    score += best;
  }
  return score;
}

/**
 * The ledger inside a sheet as offices lay it out: a merged title row (and maybe a 填报单位 line)
 * above, the header row found by how many of its cells name a field, a two-level header (a
 * merged 联系方式 over 电话 / 邮箱) read from the row below, blank rows skipped. Returns the
 * headers, one per column, and every non-blank data row with its row number.
 */
export function locateTable(sheet: SheetData, fields: readonly MatchableField[]): LocatedTable {
  const rows = sheet.rows;
  const firstFilled = rows.findIndex((r) => !isBlankSheetRow(r));
  if (firstFilled < 0) return { ok: false, message: `工作表“${sheet.name}”是空的，没有可导入的内容` };

  let headerIndex = -1;
  let bestScore = 0;
  for (let i = firstFilled; i < Math.min(rows.length, firstFilled + HEADER_SEARCH_ROWS); i++) {
    const score = rowScore(rows[i] ?? [], fields);
    if (score > bestScore) [headerIndex, bestScore] = [i, score];
  }
  if (headerIndex < 0) {
    // Nothing looks like one of our fields: the first row with two or more filled cells is the header.
    headerIndex = rows.findIndex((r, i) => i >= firstFilled && (r ?? []).filter((c) => !isBlankCell(c)).length >= 2);
    if (headerIndex < 0) return { ok: false, message: `工作表“${sheet.name}”中找不到表头行（至少两列有标题的一行）` };
  }

  const notes: string[] = [];
  let width = 0;
  for (let i = headerIndex; i < rows.length; i++) width = Math.max(width, rows[i]?.length ?? 0);
  const headers = Array.from({ length: width }, (_, c) => cellText(rows[headerIndex]?.[c]).trim());
  let dataStart = headerIndex + 1;

  // Merged header cells: a horizontal merge names a group whose columns are named in the row below.
  const groups = sheet.merges.filter((m) => m.top === headerIndex && m.right > m.left);
  if (groups.length > 0) {
    const below = rows[headerIndex + 1] ?? [];
    for (const g of groups) {
      const parent = headers[g.left];
      for (let c = g.left; c <= g.right; c++) headers[c] = cellText(below[c]).trim() || (c === g.left ? parent : '');
      notes.push(`表头“${parent}”为合并单元格，已按其下一行的小标题（${headers.slice(g.left, g.right + 1).filter(Boolean).join('、')}）对应各列`);
    }
    // Columns merged vertically over both header rows keep their text; data starts below the second row.
    dataStart = headerIndex + 2;
  }
  // A header cell merged across columns without sub-headers leaves the other columns untitled.
  headers.forEach((h, c) => {
    if (h === '') headers[c] = `（第 ${columnLetter(c)} 列）`;
  });

  const dataRows: DataRow[] = [];
  for (let i = dataStart; i < rows.length; i++) {
    if (isBlankSheetRow(rows[i])) continue;
    dataRows.push({ rowNumber: i + 1, cells: rows[i] });
  }
  if (dataRows.length === 0) return { ok: false, message: `工作表“${sheet.name}”只有表头（第 ${headerIndex + 1} 行），没有数据行` };
  const dataCount = dataRows.length + (sheet.omittedRows ?? 0);
  if (dataCount > MAX_IMPORT_ROWS) {
    return { ok: false, message: `工作表“${sheet.name}”有${sheet.omittedRows ? '超过' : ''} ${dataCount.toLocaleString('zh-CN')} 行数据，超过一次导入的上限 ${MAX_IMPORT_ROWS.toLocaleString('zh-CN')} 行：请拆分成几个文件分别导入` };
  }
  if (sheet.formulasWithoutValue > 0) notes.push(`有 ${sheet.formulasWithoutValue} 个公式单元格没有保存计算结果，按空白导入：请在 WPS/Excel 中打开并保存一次后再导入`);
  return { ok: true, headerRowNumber: headerIndex + 1, headers, rows: dataRows, notes };
}

/** A, B, …, Z, AA — as the clerk sees columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
