/**
 * Rows and cells of a table copied to the clipboard as text (what Excel and Word put there).
 *
 * Excel: cells separated by tabs, rows by CRLF; a cell holding a line break or a quote is
 * wrapped in double quotes with inner quotes doubled. Word copies line breaks inside a cell
 * as they are, without quotes — those rows are put back together by the caller, which knows how
 * many columns a row should have (see joinBrokenRows).
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  // A quote opens a quoted cell only at the very start of a cell, as Excel writes it; a quote
  // in the middle of text (“引号” typed as ASCII) is plain text.
  let atCellStart = true;
  const s = text.replace(/^\uFEFF/, '');
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      const end = closingQuote(s, i + 1);
      if (end !== -1) {
        cell = s.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
}

/**
 * Index of the quote closing a quoted cell opened before `from`, or -1 when the text is not a
 * well-formed quoted cell (then the opening quote is read as ordinary text). The closing quote
 * must be followed by a tab, a line break or the end.
 */
function closingQuote(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    if (s[i] === '"') {
      if (s[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = s[i + 1];
      return next === undefined || next === '\t' || next === '\r' || next === '\n' ? i : -1;
    }
    i += 1;
  }
  return -1;
}

/** Whether a row has any text at all (blank lines between pasted rows are skipped). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/**
 * Puts back rows that Word split at line breaks inside a cell: while a row has fewer than
 * `columns` cells and the next physical row does not start a new record, the next row's first
 * cell continues this row's last cell. `startsRecord` says what a new record's first cell
 * looks like (for a plan: a 序号).
 */
export function joinBrokenRows(
  rows: readonly { cells: string[]; line: number }[],
  columns: number,
  startsRecord: (firstCell: string) => boolean,
): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  let current: { cells: string[]; line: number } | undefined;
  for (const row of rows) {
    if (current && current.cells.length < columns && !startsRecord(row.cells[0] ?? '')) {
      const last = current.cells.length - 1;
      current.cells[last] = `${current.cells[last]}\n${row.cells[0] ?? ''}`;
      current.cells.push(...row.cells.slice(1));
      continue;
    }
    current = { cells: [...row.cells], line: row.line };
    out.push(current);
  }
  return out;
}
