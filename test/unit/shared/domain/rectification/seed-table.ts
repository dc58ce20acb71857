import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The table of seed 003 (a real 整改方案 of 31 items) as rows of cells. The seed is the text of
 * the Word table: rows separated by blank lines, each cell on a line starting with a tab, line
 * breaks inside a cell on lines without one.
 */
export function seedPlanTable(): { title: string; rows: string[][] } {
  const text = readFileSync(resolve(import.meta.dirname, '../../../../fixtures/rectification/seed-003-plan.txt'), 'utf8');
  const blocks = text.split(/\n\n+/);
  const title = blocks[1].trim();
  const rows = blocks
    .slice(2)
    .filter((b) => b.includes('\t'))
    .map((block) => {
      const cells: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('\t')) cells.push(line.slice(1));
        else if (cells.length > 0) cells[cells.length - 1] += `\n${line}`;
      }
      return cells.map((c) => c.trim());
    });
  return { title, rows };
}

/** The rows as Excel puts them on the clipboard: tabs, CRLF, quoted multi-line cells. */
export function asExcelClipboard(rows: string[][]): string {
  const quote = (cell: string) => (/["\n\t]/.test(cell) ? `"${cell.replace(/"/g, '""').replace(/\n/g, '\n')}"` : cell);
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
}

/** The rows as Word copies a table as text: tabs, line breaks inside cells left bare. */
export function asWordClipboard(rows: string[][]): string {
  return rows.map((r) => r.join('\t')).join('\r\n').replace(/\n/g, '\r\n');
}
