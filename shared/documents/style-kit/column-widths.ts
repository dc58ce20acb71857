import { longestUnbreakableEm, printedWidthEm } from './text-width';
import { mmToTwip } from './units';

/**
 * How a column's text may break:
 * - 'whole': every line of every cell stays on one line — dates, amounts, document and voucher
 *   numbers, names of people and units, short statuses. The column is as wide as its longest line.
 * - 'wrap': running text; it wraps between CJK characters, but a Latin/digit run stays whole.
 */
export type ColumnFit = 'whole' | 'wrap';

export interface SizedColumn {
  header: string;
  /** The preferred width: wrapping columns share the room left in proportion to it. */
  widthMm: number;
  fit?: ColumnFit;
  /** A floor for content the data does not show, e.g. a blank 领取人签字 column. */
  minWidthMm?: number;
}

/** Left + right cell margin (ledger-table.ts: about 1 mm each side) plus 1 mm of slack. */
export const CELL_EXTRA_MM = 3;

const EM_MM_PER_PT = 25.4 / 72;

/**
 * A header wraps onto at most two lines, and never between the two characters of 序号; over a
 * 'whole' column it stays on one line up to four characters (拨付日期).
 */
function headerNeedEm(header: string, fit: ColumnFit): number {
  const em = Math.max(...header.split('\n').map(printedWidthEm));
  return em <= (fit === 'whole' ? 4 : 2) ? em : Math.ceil(em / 2);
}

function contentNeedEm(column: SizedColumn, cells: string[]): number {
  const lines = cells.flatMap((c) => c.split('\n'));
  const measure = (column.fit ?? 'wrap') === 'whole' ? printedWidthEm : longestUnbreakableEm;
  return Math.max(0, ...lines.map(measure));
}

/** Width in mm of a column that holds `text` on one line at `fontPt`, margins included. */
export function columnWidthMmFor(text: string, fontPt: number): number {
  return printedWidthEm(text) * fontPt * EM_MM_PER_PT + CELL_EXTRA_MM;
}

/** The narrowest width in twips at which the column's content keeps to its `fit`. */
export function minimumColumnTwips(column: SizedColumn, cells: string[], fontPt: number): number {
  const em = Math.max(headerNeedEm(column.header, column.fit ?? 'wrap'), contentNeedEm(column, cells));
  const mm = Math.max(em * fontPt * EM_MM_PER_PT + CELL_EXTRA_MM, column.minWidthMm ?? 0);
  return Math.ceil(mmToTwip(mm));
}

/** Shares `total` in proportion to `weights`, in whole twips that add up to `total` exactly. */
function proportional(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % shares.length, rest--) shares[i] += 1;
  return shares;
}

/**
 * Column widths in twips that fill `totalTwips` exactly: 'whole' columns get the width of their
 * longest line; 'wrap' columns share the rest in proportion to their preferred widths, none below
 * its own minimum (its longest unbreakable run). When even the minimums do not fit, every column
 * shrinks in proportion to its minimum — text then wraps, but the table keeps its fixed total.
 */
export function fitColumnWidths(columns: SizedColumn[], rows: string[][], fontPt: number, totalTwips: number): number[] {
  const mins = columns.map((c, i) => minimumColumnTwips(c, rows.map((r) => r[i] ?? ''), fontPt));
  const minSum = mins.reduce((a, b) => a + b, 0);
  if (minSum >= totalTwips) return proportional(totalTwips, mins);
  const isWrap = columns.map((c) => (c.fit ?? 'wrap') === 'wrap');
  // No running-text column: the whole columns share the spare room by preference.
  if (!isWrap.some(Boolean)) return proportional(totalTwips, columns.map((c, i) => mins[i] + mmToTwip(c.widthMm)));
  const widths = [...mins];
  // Water-filling: hand the room left to the wrap columns by preference; a column whose share
  // falls below its minimum keeps the minimum and drops out of the next round.
  let open = columns.map((_, i) => i).filter((i) => isWrap[i]);
  for (;;) {
    const room = totalTwips - widths.reduce((sum, w, i) => sum + (open.includes(i) ? 0 : w), 0);
    const shares = proportional(room, open.map((i) => mmToTwip(columns[i].widthMm)));
    const tooNarrow = open.filter((i, k) => shares[k] < mins[i]);
    if (tooNarrow.length === 0) {
      open.forEach((i, k) => (widths[i] = shares[k]));
      return widths;
    }
    open = open.filter((i) => !tooNarrow.includes(i));
    if (open.length === 0) return proportional(totalTwips, mins);
  }
}
