import { Zip, ZipDeflate } from 'fflate';
import { EXPORT_BLOCK, columnWidthFor, displayWidth, exportCellWidth, safeSheetName, type ExportCell, type ExportSheetSpec } from '../../../../../shared/excel/exportSheet';
import { MAIN_NS, SHEET_PATH, XF, appPropsXml, contentTypesXml, corePropsXml, packageRelsXml, stylesXml, workbookRelsXml, workbookXml } from './packageParts';
import { columnName, dateSerial, xmlText } from './xml';

/**
 * A ledger sheet written as a stream (issue 15: 100,000 rows without a whole workbook in
 * memory): rows arrive from the paged ledger a block at a time, are turned into sheet XML and
 * deflated into the zip at once; what grows is the compressed output and the table of distinct
 * texts (written last as sharedStrings.xml, the form every spreadsheet program reads). Column widths cannot wait for
 * the last row (<cols> precedes <sheetData>), so they are taken from the header and a sample of
 * the first WIDTH_SAMPLE rows, which are held back until the sample is full.
 */
const WIDTH_SAMPLE = EXPORT_BLOCK;

export class LedgerWorkbookWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private readonly encoder = new TextEncoder();
  private readonly letters: string[];
  private readonly sheetName: string;
  private readonly headerRow: number;
  private nextRow: number;
  private opened = false;
  private pending: (readonly ExportCell[])[] = [];
  /** The shared-string table: each distinct text once, in order of first use (its index). */
  private readonly strings = new Map<string, number>();
  private stringRefs = 0;
  private failure: Error | null = null;

  constructor(private readonly spec: ExportSheetSpec) {
    this.sheetName = safeSheetName(spec.sheetName);
    this.headerRow = spec.subtitle ? 3 : 2;
    this.nextRow = this.headerRow + 1;
    this.letters = spec.columns.map((_, i) => columnName(i));
    this.zip = new Zip((error, data) => {
      if (error) this.failure = error;
      else this.chunks.push(data);
    });
    this.addPart('[Content_Types].xml', contentTypesXml);
    this.addPart('_rels/.rels', packageRelsXml);
    this.sheet = new ZipDeflate(SHEET_PATH, { level: 6 });
    this.zip.add(this.sheet);
  }

  private addPart(path: string, xml: string): void {
    const part = new ZipDeflate(path, { level: 6 });
    this.zip.add(part);
    part.push(this.encoder.encode(xml), true);
  }

  private write(xml: string, final = false): void {
    this.sheet.push(this.encoder.encode(xml), final);
    if (this.failure) throw this.failure;
  }

  /** Everything before the first data row: views, widths (from `sample`), title, scope line and header. */
  private open(sample: readonly (readonly ExportCell[])[]): void {
    this.opened = true;
    const { columns, title, subtitle } = this.spec;
    const widths = columns.map((c) => displayWidth(c.header));
    for (const cells of sample) cells.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, exportCellWidth(c, columns[i]?.kind))));
    const top = `A${this.headerRow + 1}`;
    const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${columnWidthFor(0, w)}" customWidth="1"/>`).join('');
    let xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      // The used range as announced (readers that size a sheet before reading it rely on it).
      (this.spec.rowCount !== undefined && columns.length > 0 ? `<dimension ref="A1:${this.letters[columns.length - 1]}${this.headerRow + this.spec.rowCount}"/>` : '') +
      // Frozen under the header row: the first thing a clerk scrolls a ledger with.
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${this.headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>';
    xml += `<row r="1" ht="30" customHeight="1">${this.textCell('A1', title, XF.title)}${this.blankCells(1, XF.title)}</row>`;
    if (subtitle) xml += `<row r="2">${this.textCell('A2', subtitle, XF.subtitle)}</row>`;
    const h = this.headerRow;
    xml += `<row r="${h}" ht="22" customHeight="1">${columns.map((c, i) => this.textCell(`${this.letters[i]}${h}`, c.header, XF.header)).join('')}</row>`;
    this.write(xml);
  }

  /** A text cell: its index in the shared-string table. */
  private textCell(ref: string, text: string, style?: number): string {
    let index = this.strings.get(text);
    if (index === undefined) {
      index = this.strings.size;
      this.strings.set(text, index);
    }
    this.stringRefs++;
    return `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''} t="s"><v>${index}</v></c>`;
  }

  /** The merged title's other cells carry its style (WPS draws the merge from them). */
  private blankCells(row: number, style: number): string {
    return this.letters
      .slice(1)
      .map((l) => `<c r="${l}${row}" s="${style}"/>`)
      .join('');
  }

  private cellXml(ref: string, cell: ExportCell, kind: string | undefined): string {
    if (cell === null) return '';
    if (typeof cell === 'number') return `<c r="${ref}"${kind === 'amount' ? ` s="${XF.amount}"` : ''}><v>${cell}</v></c>`;
    if (typeof cell === 'object') return `<c r="${ref}" s="${cell.date.length > 10 ? XF.dateTime : XF.date}"><v>${dateSerial(cell.date)}</v></c>`;
    if (cell === '') return '';
    return this.textCell(ref, cell, cell.includes('\n') ? XF.wrap : undefined);
  }

  addRows(rows: readonly (readonly ExportCell[])[]): void {
    if (!this.opened) {
      // Rows wait until the width sample is full (however the caller sizes its blocks).
      for (const r of rows) this.pending.push(r);
      if (this.pending.length < WIDTH_SAMPLE) return;
      rows = this.pending;
      this.pending = [];
      this.open(rows);
    }
    const columns = this.spec.columns;
    let xml = '';
    for (const cells of rows) {
      const r = this.nextRow++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < cells.length && i < columns.length; i++) xml += this.cellXml(`${this.letters[i]}${r}`, cells[i], columns[i].kind);
      xml += '</row>';
    }
    if (xml) this.write(xml);
  }

  async finish(): Promise<Uint8Array> {
    if (!this.opened) {
      // Fewer rows than the sample: all of them set the widths.
      const sample = this.pending;
      this.pending = [];
      this.open(sample);
      this.addRows(sample);
    }
    const n = this.spec.columns.length;
    const last = this.letters[n - 1] ?? 'A';
    const lastRow = Math.max(this.headerRow, this.nextRow - 1);
    const filter = n > 0 ? `$A$${this.headerRow}:$${last}$${lastRow}` : null;
    let tail = '</sheetData>';
    if (filter) tail += `<autoFilter ref="A${this.headerRow}:${last}${lastRow}"/>`;
    const merges = n > 1 ? [`A1:${last}1`, ...(this.spec.subtitle ? [`A2:${last}2`] : [])] : [];
    if (merges.length) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    tail += '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
    tail += '</worksheet>';
    this.write(tail, true);
    this.addPart('xl/workbook.xml', workbookXml(this.sheetName, filter, this.headerRow));
    this.addPart('xl/_rels/workbook.xml.rels', workbookRelsXml);
    this.addPart('xl/styles.xml', stylesXml);
    this.addSharedStrings();
    this.addPart('docProps/core.xml', corePropsXml(this.spec.title, new Date().toISOString().replace(/\.\d+Z$/, 'Z')));
    this.addPart('docProps/app.xml', appPropsXml);
    this.zip.end();
    if (this.failure) throw this.failure;
    let size = 0;
    for (const c of this.chunks) size += c.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return out;
  }

  /** xl/sharedStrings.xml, deflated a few thousand strings at a time. */
  private addSharedStrings(): void {
    const part = new ZipDeflate('xl/sharedStrings.xml', { level: 6 });
    this.zip.add(part);
    part.push(this.encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${this.stringRefs}" uniqueCount="${this.strings.size}">`));
    let xml = '';
    let n = 0;
    for (const text of this.strings.keys()) {
      xml += `<si><t xml:space="preserve">${xmlText(text)}</t></si>`;
      if (++n % 5_000 === 0) {
        part.push(this.encoder.encode(xml));
        xml = '';
      }
    }
    part.push(this.encoder.encode(`${xml}</sst>`), true);
    this.strings.clear();
  }

  /** The header's row number (2, or 3 under a subtitle). */
  get headerRowNumber(): number {
    return this.headerRow;
  }
}
