import type { SheetCell } from '../../../../../shared/excel/sheetCell';
import { attributes, decodeXml, parseCellRef, serialDateText } from './xml';

/**
 * An incremental SpreadsheetML tokenizer: text arrives in chunks, every complete element of one
 * kind (<row>, <si>) is handed on as soon as its end tag is in, the rest waits for the next
 * chunk. Element names may carry a namespace prefix (<x:row>, as some .NET writers do).
 */
const P = '(?:[\\w.-]+:)?';

export class ElementStream {
  private buffer = '';
  private readonly element: RegExp;
  private readonly end: RegExp;

  constructor(
    tag: string,
    private readonly onElement: (attrs: string, body: string) => void,
    /** Text outside the elements (before, between, after), for what follows them (mergeCells). */
    private readonly onOther?: (text: string) => void,
  ) {
    this.element = new RegExp(`<${P}${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}${tag}>)`, 'g');
    this.end = new RegExp(`</${P}${tag}>|<${P}${tag}\\b[^>]*/>`, 'g');
  }

  push(text: string): void {
    this.buffer += text;
    let cut = -1;
    this.end.lastIndex = 0;
    for (let m = this.end.exec(this.buffer); m; m = this.end.exec(this.buffer)) cut = m.index + m[0].length;
    if (cut < 0) return;
    this.scan(this.buffer.slice(0, cut));
    this.buffer = this.buffer.slice(cut);
  }

  finish(): void {
    this.scan(this.buffer);
    this.buffer = '';
  }

  private scan(text: string): void {
    let at = 0;
    this.element.lastIndex = 0;
    for (let m = this.element.exec(text); m; m = this.element.exec(text)) {
      if (this.onOther && m.index > at) this.onOther(text.slice(at, m.index));
      this.onElement(m[1], m[2] ?? '');
      at = m.index + m[0].length;
    }
    if (this.onOther && at < text.length) this.onOther(text.slice(at));
  }
}

const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const TEXT_RUN = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');

/** The plain text of an <si> or <is>: every run's <t> joined, phonetic guides (<rPh>) left out. */
export function runText(body: string): string {
  let out = '';
  for (const m of (body.includes('rPh') ? body.replace(PHONETIC, '') : body).matchAll(TEXT_RUN)) out += m[1] ? decodeXml(m[1]) : '';
  return out;
}

/** Number formats that show a date: built-in ids (including the Chinese ones, 27–36 and 50–58) and custom codes with y/m/d/h/s. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
  // Quoted text, escaped characters and [colour]/[$-804] sections say nothing about the value.
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index (s="…"), whether it formats the number as a date. */
export function dateStyles(stylesXml: string): boolean[] {
  const codes = new Map<number, string>();
  for (const m of stylesXml.matchAll(new RegExp(`<${P}numFmt\\b([^>]*)>`, 'g'))) {
    const a = attributes(m[1]);
    if (a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(stylesXml)?.[1] ?? '';
  return [...xfs.matchAll(new RegExp(`<${P}xf\\b([^>]*)`, 'g'))].map((m) => {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    return isDateFormat(id, codes.get(id));
  });
}

/** One attribute of a cell's start tag; three targeted searches are ~4× faster than reading them all (900,000 cells a sheet). */
const cellAttr = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
const ATTR_R = cellAttr('r');
const ATTR_S = cellAttr('s');
const ATTR_T = cellAttr('t');
const attrOf = (re: RegExp, inside: string) => {
  const m = re.exec(inside);
  return m ? (m[1] ?? m[2]) : undefined;
};

const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
const FORMULA = new RegExp(`<${P}f\\b`);
const INLINE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

function isoDateCell(text: string): SheetCell {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(text);
  if (!m) return text;
  return m[2] && (m[2] !== '00' || m[3] !== '00') ? `${m[1]}T${m[2]}:${m[3]}` : m[1];
}

/**
 * The cells of one <row> body, placed by their references: formulas give their cached value
 * (never evaluated), or null and a count when there is none; cells with neither value nor
 * formula stay absent, as they are empty.
 */
export function rowCells(body: string, context: SheetContext, onMissingFormula: () => void): SheetCell[] {
  const cells: SheetCell[] = [];
  let nextColumn = 0;
  for (const m of body.matchAll(CELL)) {
    const ref = attrOf(ATTR_R, m[1]);
    const style = attrOf(ATTR_S, m[1]);
    const type = attrOf(ATTR_T, m[1]);
    const column = ref ? (parseCellRef(ref)?.column ?? nextColumn) : nextColumn;
    nextColumn = column + 1;
    const inner = m[2] ?? '';
    const raw = VALUE.exec(inner)?.[1];
    let value: SheetCell | undefined;
    switch (type) {
      case 's':
        value = raw === undefined ? undefined : (context.sharedStrings[Number(raw)] ?? null);
        break;
      case 'inlineStr': {
        const is = INLINE.exec(inner);
        value = is ? runText(is[1]) : undefined;
        break;
      }
      case 'str':
      case 'e':
        value = raw === undefined ? undefined : decodeXml(raw);
        break;
      case 'b':
        value = raw === undefined ? undefined : raw.trim() === '1' || raw.trim() === 'true';
        break;
      case 'd':
        value = raw === undefined ? undefined : isoDateCell(decodeXml(raw).trim());
        break;
      default: {
        if (raw === undefined || raw.trim() === '') break;
        const n = Number(raw);
        if (!Number.isFinite(n)) value = decodeXml(raw);
        else if (context.dateStyles[Number(style ?? 0)]) value = serialDateText(n, context.date1904) ?? n;
        else value = n;
      }
    }
    if (value === undefined) {
      if (!FORMULA.test(inner)) continue;
      onMissingFormula();
      value = null;
    }
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  }
  return cells;
}
