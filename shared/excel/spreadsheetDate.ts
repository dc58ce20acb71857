import { parseLooseDate } from '../format/loose-date';
import type { SheetCell } from './sheetCell';

export type CellDateResult = { ok: true; date: string } | { ok: false; message: string };

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?$/;

/**
 * A date from a spreadsheet cell as offices keep them: a real date cell (the reader hands it
 * over as YYYY-MM-DD), an Excel serial number (a date cell whose format was lost, 45356), or
 * text — 2024.3.5, 2024年3月5日, 2024/3/5, 2024-03-05, 二〇二四年三月五日, '45356 — including
 * "dates stored as text" with a time part (2024-03-05 00:00:00). Returns YYYY-MM-DD.
 */
export function parseCellDate(cell: SheetCell): CellDateResult {
  if (cell === null || cell === '') return { ok: false, message: '日期为空' };
  if (typeof cell === 'boolean') return { ok: false, message: `“${cell ? '是' : '否'}”不是日期` };
  const text = String(cell).trim();
  const iso = ISO_DATE_TIME.exec(text);
  const result = parseLooseDate(iso ? iso[1] : text);
  return result.ok ? result : { ok: false, message: result.message };
}
