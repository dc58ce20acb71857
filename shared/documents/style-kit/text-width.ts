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
