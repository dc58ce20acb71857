/**
 * The little XML the streaming .xlsx writer and reader need: text escaped for SpreadsheetML
 * (including Excel's _xHHHH_ escapes for characters XML 1.0 cannot carry), entities decoded,
 * attributes read, cell references (B12) converted. No DOM: this runs in the excel worker and in
 * Node tests.
 */

import { columnLetter } from '../../../../../shared/excel/sheetTable';

/** A, B, …, Z, AA — 0-based column index to letters (the same letters the import names). */
export const columnName = columnLetter;

/** Control characters XML 1.0 forbids (tab, LF and CR are allowed), lone surrogates and U+FFFE/FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HEX_ESCAPE = /_x[0-9A-Fa-f]{4}_/g;

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * Cell text as element content. A literal "_x000D_" in the text gets its underscore escaped
 * (_x005F_), as Excel does, so it is not read back as a carriage return.
 */
export function xmlText(text: string): string {
  return text
    .replace(HEX_ESCAPE, (m) => `_x005F${m}`)
    .replace(NOT_XML, (ch) => `_x${hex4(ch.charCodeAt(0))}_`)
    // A parser turns CR LF into LF; Excel keeps a carriage return as _x000D_.
    .replace(/\r/g, '_x000D_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text as an attribute value in double quotes. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Element content or an attribute value as text: entities, then Excel's _xHHHH_ escapes. */
export function decodeXml(raw: string): string {
  let text = raw.indexOf('&') < 0 ? raw : raw.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) => (name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16))));
  if (text.indexOf('_x') >= 0) text = text.replace(HEX_ESCAPE, (m) => String.fromCharCode(parseInt(m.slice(2, 6), 16)));
  return text;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's inside (`r="A1" t="s"`), names without their namespace prefix. */
export function attributes(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of inside.matchAll(ATTRIBUTE)) {
    const name = m[1].includes(':') && !m[1].startsWith('xmlns') ? m[1].slice(m[1].indexOf(':') + 1) : m[1];
    out[name] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** B12 → { column: 1, row: 11 } (0-based); null when it is not a cell reference. */
export function parseCellRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) - 1 };
}

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug for dates after February 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY = 86_400_000;

/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' (wall-clock) → the serial number a date cell stores. */
export function dateSerial(text: string): number {
  const [d, t = '00:00'] = text.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  return (Date.UTC(y, m - 1, day, hh, mm) - EPOCH_1900) / DAY;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A serial number of a date cell → 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:mm' when it carries a time; null when out of range. */
export function serialDateText(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  // Rounded to the minute: a stored 10:30 is 0.4375 days, often written as 0.43749999.
  const ms = Math.round(((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * DAY) / 60_000) * 60_000;
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 ? `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}
