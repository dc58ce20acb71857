import { neutraliseFormula } from './cellSafety';

export type CsvCell = string | number | null | undefined;

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are numbers (a negative amount is not a formula); text is neutralised first.
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV as Excel and WPS open it on a Chinese Windows PC: UTF-8 with a byte-order mark (without
 * it both read the file as GBK and show mojibake), CRLF line ends, every text cell neutralised
 * against formula injection (exceljs's CSV writer does not do this).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + csvLines(rows);
}

/** Rows as CSV lines, each ended by CRLF, without the byte-order mark: a block of a longer file. */
export function csvLines(rows: readonly (readonly CsvCell[])[]): string {
  let out = '';
  for (const row of rows) out += row.map(field).join(',') + '\r\n';
  return out;
}
