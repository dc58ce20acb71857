import type { Paragraph, Table } from 'docx';
import { CHARS_PER_LINE, LINE_PITCH_TWIPS } from './page';
import { printedWidthEm, textWidthInChars } from './text-width';

/**
 * Estimating how much of a portrait page some content fills, to decide what goes before a
 * landscape section. A section break to landscape always starts a new page, so a portrait
 * section that ends two lines into a page leaves that page ~90 % blank (issue 7: 工作台账 page 2).
 */
export interface Block {
  node: Paragraph | Table;
  /** Height in 28.95 pt grid lines. */
  lines: number;
  /** A heading: never left as the last block before the break. */
  keepWithNext?: boolean;
}

/** 22 lines a page (§5.2.1); two held back because the estimate is an estimate. */
export const SAFE_LINES_PER_PAGE = 20;

/** Lines of a 三号 body paragraph with its 2-character first-line indent, 28 characters a line. */
export function bodyLines(text: string, indentChars = 2): number {
  return Math.max(1, Math.ceil((textWidthInChars(text) + indentChars) / CHARS_PER_LINE));
}

/** Height in grid lines of table rows: each row as tall as its fullest cell (lines × line height + margins). */
export function tableLines(rows: { text: string; widthMm: number }[][], fontPt: number, lineTwips: number, rowPaddingTwips = 60): number {
  const emMm = (fontPt * 25.4) / 72;
  const twips = rows.reduce((sum, row) => {
    const cellLines = row.map(({ text, widthMm }) =>
      text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((printedWidthEm(line) * emMm) / Math.max(1, widthMm - 2))), 0),
    );
    return sum + Math.max(1, ...cellLines) * lineTwips + rowPaddingTwips;
  }, 0);
  return twips / LINE_PITCH_TWIPS;
}

/**
 * Splits `blocks` into what stays on portrait pages and what moves on into the landscape section:
 * as many whole portrait pages as the content fills, and nothing left over for a page of its own.
 * Content that fits one page stays whole; a heading never ends the portrait part.
 */
export function fillPortraitPages(blocks: Block[], linesPerPage = SAFE_LINES_PER_PAGE): { portrait: Block[]; carried: Block[] } {
  const total = blocks.reduce((sum, b) => sum + b.lines, 0);
  if (total <= linesPerPage) return { portrait: blocks, carried: [] };
  const limit = Math.floor(total / linesPerPage) * linesPerPage;
  let used = 0;
  let cut = 0;
  while (cut < blocks.length && used + blocks[cut].lines <= limit) used += blocks[cut++].lines;
  while (cut > 1 && blocks[cut - 1].keepWithNext) cut -= 1;
  return { portrait: blocks.slice(0, Math.max(cut, 1)), carried: blocks.slice(Math.max(cut, 1)) };
}
