import type { SheetCell, SheetData } from '../../../../../shared/excel/sheetCell';
import { MAX_IMPORT_ROWS } from '../../../../../shared/excel/sheetTable';
import { spreadsheetFileProblem } from '../../../../../shared/excel/workbookFile';
import { ElementStream, dateStyles, rowCells, runText, type SheetContext } from './sheetXml';
import { attributes, parseCellRef } from './xml';
import { ZipFormatError, entryText, streamEntryText, zipEntries, type ZipEntry } from './zipEntries';

/** A workbook the clerk cannot import, with the Chinese reason. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/**
 * Rows kept of one sheet: the import limit plus room for titles and blank rows. A sheet with
 * more is counted on, not kept, so a million-row sheet is refused by its count (locateTable)
 * without holding it.
 */
const KEPT_ROWS = MAX_IMPORT_ROWS + 1_000;

interface SheetRef {
  name: string;
  state: SheetData['state'];
  path: string;
}

/** `target` of a relationship of the part at `from`, as a path inside the zip. */
function resolvePath(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
}

function relationships(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The merged ranges of a sheet's <mergeCell ref="A1:C1"/>, 0-based. */
function mergesIn(text: string, into: SheetData['merges']): void {
  for (const m of text.matchAll(/<(?:[\w.-]+:)?mergeCell\b([^>]*)>/g)) {
    const [from, to = from] = (attributes(m[1]).ref ?? '').split(':');
    const a = parseCellRef(from);
    const b = parseCellRef(to);
    if (a && b) into.push({ top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) });
  }
}

function readSheet(bytes: Uint8Array, entry: ZipEntry, ref: SheetRef, context: SheetContext, onProgress: (share: number) => void): SheetData {
  const rows: SheetCell[][] = [];
  const merges: SheetData['merges'] = [];
  let formulasWithoutValue = 0;
  let omittedRows = 0;
  let nextRow = 0;
  const stream = new ElementStream(
    'row',
    (attrs, body) => {
      const r = /\br="(\d+)"/.exec(attrs);
      const index = r ? Number(r[1]) - 1 : nextRow;
      nextRow = index + 1;
      if (index >= KEPT_ROWS) {
        omittedRows++;
        return;
      }
      const cells = rowCells(body, context, () => formulasWithoutValue++);
      if (cells.length === 0) return;
      while (rows.length < index) rows.push([]);
      rows[index] = cells;
    },
    (other) => mergesIn(other, merges),
  );
  streamEntryText(bytes, entry, (text) => stream.push(text), onProgress);
  stream.finish();
  // A merged range's value sits in its top-left cell only; the others read as empty.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      for (let c = m.left; c <= m.right && c < rows[r].length; c++) if (r !== m.top || c !== m.left) rows[r][c] = null;
    }
  }
  return { name: ref.name, state: ref.state, rows, merges, formulasWithoutValue, ...(omittedRows > 0 ? { omittedRows } : {}) };
}

/**
 * Every sheet of an .xlsx as plain cells, read as a stream (issue 15: a 100,000-row sheet
 * without a whole workbook in memory). The file's first bytes are checked first (old .xls,
 * password-protected, not a spreadsheet, empty); then the workbook's sheet list (names, hidden
 * state), the shared strings and the cell styles (which numbers are dates), and each sheet's
 * rows as its XML is inflated. `onProgress` gets the share of sheet data read.
 */
export async function readWorkbook(bytes: Uint8Array, fileName: string, onProgress?: (done: number) => void): Promise<SheetData[]> {
  const problem = spreadsheetFileProblem(bytes, fileName);
  if (problem) throw new WorkbookReadError(problem);
  const broken = () => new WorkbookReadError(`无法读取“${fileName}”：文件已损坏，或不是 Excel 工作簿（.xlsx）`);
  try {
    const entries = zipEntries(bytes);
    const text = (path: string) => {
      const e = entries.get(path);
      return e ? entryText(bytes, e) : null;
    };
    const rootRels = relationships(text('_rels/.rels') ?? '');
    const workbookPath = resolvePath('', rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml');
    const workbookXml = text(workbookPath);
    if (workbookXml === null) throw broken();
    const rels = relationships(text(relsPathOf(workbookPath)) ?? '');
    const relTarget = (type: string) => rels.find((r) => r.type.endsWith(`/${type}`));
    const sharedStrings: string[] = [];
    const sst = relTarget('sharedStrings');
    const sstEntry = sst ? entries.get(resolvePath(workbookPath, sst.target)) : undefined;
    if (sstEntry) {
      const stream = new ElementStream('si', (_, body) => sharedStrings.push(runText(body)));
      streamEntryText(bytes, sstEntry, (t) => stream.push(t));
      stream.finish();
    }
    const styles = relTarget('styles');
    const stylesXml = styles ? text(resolvePath(workbookPath, styles.target)) : null;
    const context: SheetContext = {
      sharedStrings,
      dateStyles: stylesXml ? dateStyles(stylesXml) : [],
      date1904: /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml),
    };
    const sheetRefs: SheetRef[] = [];
    for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
      const a = attributes(m[1]);
      const rel = rels.find((r) => r.id === a.id);
      // Chart sheets have no cells.
      if (!rel || !rel.type.endsWith('/worksheet')) continue;
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      sheetRefs.push({ name: a.name ?? '', state, path: resolvePath(workbookPath, rel.target) });
    }
    if (sheetRefs.length === 0) throw new WorkbookReadError(`“${fileName}”中没有工作表`);
    const sized = sheetRefs.map((ref) => ({ ref, entry: entries.get(ref.path) }));
    const total = sized.reduce((sum, s) => sum + (s.entry?.compressedSize ?? 0), 0) || 1;
    let before = 0;
    const sheets: SheetData[] = [];
    for (const { ref, entry } of sized) {
      if (!entry) {
        sheets.push({ name: ref.name, state: ref.state, rows: [], merges: [], formulasWithoutValue: 0 });
        continue;
      }
      sheets.push(readSheet(bytes, entry, ref, context, (share) => onProgress?.((before + share * entry.compressedSize) / total)));
      before += entry.compressedSize;
      // Let the worker post its progress and a cancel arrive between sheets.
      await Promise.resolve();
    }
    onProgress?.(1);
    return sheets;
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    if (error instanceof ZipFormatError || error instanceof Error) throw broken();
    throw error;
  }
}
