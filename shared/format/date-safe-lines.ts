/**
 * Line breaking that never splits a date. Chinese text may break between any two characters,
 * so a certificate's "聘期自二〇二五年一月一日至二〇二七年十二月三十一日" would break as "一月/一日"
 * wherever the line happens to end. A date is therefore one unbreakable piece; when it does not
 * fit the rest of a line the line ends early and the date starts the next one.
 *
 * Widths are in characters of the font size: a full-width (CJK) character is 1, a half-width one
 * (digit, Latin letter, ASCII punctuation) ½ — as in GB2312 fonts, whose Latin half is monospaced.
 */

/** 二〇二七年十二月三十一日 or 2027年12月31日. */
const DATE = /[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,4}日|\d{4}年\d{1,2}月\d{1,2}日/gu;
/** Characters that may not start a line (they stay with what precedes them). */
const CLOSING = new Set([...'，。、；：？！）》〕」』”’…—,.;:?!)]%']);
/** Characters that may not end a line (they stay with what follows them). */
const OPENING = new Set([...'（《〔「『“‘([']);
const HALF_WIDTH_WORD = /[A-Za-z0-9]/;

export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x2e80 && !(code >= 0x2014 && code <= 0x201d) ? 0.5 : 1;
}

export function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** The longest date a certificate can carry, for width checks. */
export const LONGEST_CHINESE_DATE = '二〇二七年十二月三十一日';

interface Piece {
  text: string;
  isDate: boolean;
}

/** The text cut into the pieces a line may not split: dates, Latin words, characters with their punctuation. */
export function unbreakablePieces(text: string): Piece[] {
  const raw: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(DATE)) {
    for (const ch of text.slice(last, match.index)) raw.push({ text: ch, isDate: false });
    raw.push({ text: match[0], isDate: true });
    last = match.index + match[0].length;
  }
  for (const ch of text.slice(last)) raw.push({ text: ch, isDate: false });

  const pieces: Piece[] = [];
  let pendingOpen = '';
  for (const piece of raw) {
    const previous = pieces[pieces.length - 1];
    const glueToPrevious =
      previous &&
      !pendingOpen &&
      (CLOSING.has(piece.text) || (HALF_WIDTH_WORD.test(piece.text) && !piece.isDate && HALF_WIDTH_WORD.test(previous.text.slice(-1)) && !previous.isDate));
    if (glueToPrevious) {
      previous.text += piece.text;
    } else if (!piece.isDate && OPENING.has(piece.text)) {
      pendingOpen += piece.text;
    } else {
      pieces.push({ text: pendingOpen + piece.text, isDate: piece.isDate });
      pendingOpen = '';
    }
  }
  if (pendingOpen) pieces.push({ text: pendingOpen, isDate: false });
  return pieces;
}

export interface WrappedLine {
  text: string;
  /** The line ends before it is full because the date that follows would not fit whole. */
  endsBeforeDate: boolean;
}

/**
 * Lines of `text` in a box `lineChars` characters wide, the first line indented by `indentChars`.
 * A piece longer than a whole line (a date in a very narrow box) is split by character, since it
 * cannot be kept whole anywhere.
 */
export function wrapKeepingDates(text: string, lineChars: number, indentChars = 0): WrappedLine[] {
  const capacity = (index: number) => lineChars - (index === 0 ? indentChars : 0) + 1e-9;
  const lines: WrappedLine[] = [];
  let current = '';
  let used = 0;
  const endLine = (endsBeforeDate: boolean) => {
    lines.push({ text: current, endsBeforeDate });
    current = '';
    used = 0;
  };
  for (const piece of unbreakablePieces(text)) {
    const width = widthInChars(piece.text);
    if (used + width <= capacity(lines.length)) {
      current += piece.text;
      used += width;
      continue;
    }
    if (width <= capacity(lines.length + (current ? 1 : 0))) {
      if (current) endLine(piece.isDate && capacity(lines.length) - used >= 1);
      current = piece.text;
      used = width;
      continue;
    }
    for (const ch of piece.text) {
      if (used + charWidth(ch) > capacity(lines.length) && current) endLine(false);
      current += ch;
      used += charWidth(ch);
    }
  }
  if (current || lines.length === 0) lines.push({ text: current, endsBeforeDate: false });
  return lines;
}
