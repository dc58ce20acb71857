import { describe, expect, it } from 'vitest';
import { unbreakablePieces, widthInChars, wrapKeepingDates } from '../../../../shared/format/date-safe-lines';

const DATE = '二〇二七年十二月三十一日';

describe('wrapKeepingDates', () => {
  it('moves a date that does not fit the rest of the line to the next line, whole', () => {
    // 10 characters a line: "聘期自" + 12-character date would break inside the date.
    const lines = wrapKeepingDates(`聘期自${DATE}止`, 13);
    expect(lines.map((l) => l.text)).toEqual(['聘期自', `${DATE}止`]);
    expect(lines[0].endsBeforeDate).toBe(true);
  });

  it('keeps every date whole at every position of the line', () => {
    for (let lead = 0; lead < 30; lead++) {
      const text = `${'字'.repeat(lead)}自${DATE}至二〇三〇年一月一日。`;
      const lines = wrapKeepingDates(text, 14, 2);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      expect(lines.some((l) => l.text.includes(DATE)), `lead ${lead}`).toBe(true);
      expect(lines.some((l) => l.text.includes('二〇三〇年一月一日')), `lead ${lead}`).toBe(true);
      lines.forEach((l, i) => expect(widthInChars(l.text)).toBeLessThanOrEqual(i === 0 ? 12 : 14));
    }
  });

  it('breaks other text anywhere, keeps punctuation off the line start and Latin words whole', () => {
    expect(wrapKeepingDates('甲乙丙丁戊', 2).map((l) => l.text)).toEqual(['甲乙', '丙丁', '戊']);
    expect(wrapKeepingDates('甲乙，丙丁', 2).map((l) => l.text)).toEqual(['甲', '乙，', '丙丁']);
    expect(unbreakablePieces('〔2025〕1号').map((p) => p.text)).toEqual(['〔2025〕', '1', '号']);
    expect(wrapKeepingDates('', 5)).toEqual([{ text: '', endsBeforeDate: false }]);
  });

  it('splits a date only when even a whole line cannot hold it', () => {
    const lines = wrapKeepingDates(DATE, 5);
    expect(lines.map((l) => l.text).join('')).toBe(DATE);
    expect(lines.every((l) => widthInChars(l.text) <= 5)).toBe(true);
  });

  it('knows Arabic-numeral dates too', () => {
    expect(unbreakablePieces('于2026年5月8日起').filter((p) => p.isDate).map((p) => p.text)).toEqual(['2026年5月8日']);
  });
});
