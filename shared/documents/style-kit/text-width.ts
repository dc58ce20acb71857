/**
 * Width of a line of text in Chinese characters (全角 = 1, 半角 = ½). GB/T 9704-2012 positions
 * the signature and date by character counts, and the date "2026年5月8日" mixes both kinds.
 */
export function textWidthInChars(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code < 0x2e80 && !(code >= 0x2014 && code <= 0x201d) ? 0.5 : 1;
  }
  return width;
}

/** Is this character set full width (CJK ideographs, kana, full-width forms and punctuation)? */
export function isFullWidth(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0x2014 && code <= 0x201d);
}

function isIdeograph(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

/**
 * Printed width of a line in em, for sizing table columns: full-width 1; ASCII by class as
 * measured on the rendered PDF (Noto CJK, the widest of the fonts in use — 仿宋_GB2312 digits are
 * exactly ½ em): digits 0.55, capitals 0.7, small letters 0.55, spaces and punctuation 0.35; and
 * ¼ em at each switch between Chinese and Latin/digits, the 中西文间距 LibreOffice inserts even
 * where the paragraph turns autoSpace off (measured: 2026年4月16日 needs 8.1 em, not 6.85).
 * Rounded up on purpose: a column sized from it must hold the text on one line.
 */
export function printedWidthEm(text: string): number {
  let em = 0;
  let previous: 'ideograph' | 'latin' | 'other' = 'other';
  for (const ch of text) {
    const kind = isIdeograph(ch) ? 'ideograph' : /[0-9A-Za-z]/.test(ch) ? 'latin' : 'other';
    // The gap falls between an ideograph and a letter or digit, not at full-width punctuation (〔2025〕).
    if ((kind === 'ideograph' && previous === 'latin') || (kind === 'latin' && previous === 'ideograph')) em += 0.25;
    if (isFullWidth(ch)) em += 1;
    else if (/[0-9a-z]/.test(ch)) em += 0.55;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else em += 0.35;
    previous = kind;
  }
  return em;
}

/** A date as printed (2026年5月8日, 二〇二六年十二月三十一日): it must never break (issue 7). */
const DATE = /(?:\d{4}|[〇一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?/g;

/**
 * The longest piece of `text` that must stay on one line: CJK text may break between any two
 * characters, so a full-width character is its own piece, while a run of digits, Latin letters
 * and their punctuation (PZ-2025-0101, 300,000.00, 09:38) stays whole, and so does a date. A
 * column at least this wide keeps each such piece whole where it starts a line — builders put
 * dates at the start of a cell line.
 */
export function longestUnbreakableEm(text: string): number {
  let longest = 0;
  for (const date of text.match(DATE) ?? []) longest = Math.max(longest, printedWidthEm(date));
  let run = '';
  const flush = () => {
    longest = Math.max(longest, printedWidthEm(run));
    run = '';
  };
  for (const ch of text) {
    if (isFullWidth(ch) || ch === ' ') {
      flush();
      if (ch !== ' ') longest = Math.max(longest, 1);
    } else run += ch;
  }
  flush();
  return longest;
}
