import { describe, expect, it } from 'vitest';
import { fitColumnWidths, longestUnbreakableEm, minimumColumnTwips, mmToTwip, printedWidthEm } from '../../../../../shared/documents/style-kit';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('printed widths', () => {
  it('counts CJK as 1 em, digits as 0.55 and the gap at each change of script', () => {
    expect(printedWidthEm('自治区')).toBe(3);
    expect(printedWidthEm('0101')).toBeCloseTo(2.2);
    expect(printedWidthEm('2027年12月31日')).toBeCloseTo(4 * 0.55 + 3 + 4 * 0.55 + 5 * 0.25);
  });

  it('keeps Latin runs and dates whole, lets CJK text break anywhere', () => {
    expect(longestUnbreakableEm('凭证PZ-2025-0101号')).toBeCloseTo(printedWidthEm('PZ-2025-0101'));
    expect(longestUnbreakableEm('2026年7月2日反馈')).toBeCloseTo(printedWidthEm('2026年7月2日'));
    expect(longestUnbreakableEm('关于加快中试平台建设的建议')).toBe(1);
  });
});

describe('fitColumnWidths', () => {
  const total = mmToTwip(225);

  it('gives a whole column its longest line and the wrap columns the rest, by preference, to the exact total', () => {
    const columns = [
      { header: '日期', widthMm: 20, fit: 'whole' as const },
      { header: '内容', widthMm: 100 },
      { header: '说明', widthMm: 50 },
    ];
    const widths = fitColumnWidths(columns, [['2027年12月31日', '很长的内容', '说明']], 12, total);
    expect(sum(widths)).toBe(total);
    expect(widths[0]).toBe(minimumColumnTwips(columns[0], ['2027年12月31日'], 12));
    expect(widths[0]).toBeGreaterThan(mmToTwip(20)); // wider than preferred: the date must not break
    expect(widths[1] / widths[2]).toBeCloseTo(2, 1);
  });

  it('keeps a wrap column at its own minimum when its share would be smaller', () => {
    const columns = [
      { header: '内容', widthMm: 200 },
      { header: '凭证', widthMm: 1 },
    ];
    const widths = fitColumnWidths(columns, [['内容', 'PZ-2025-0101']], 12, total);
    expect(widths[1]).toBe(minimumColumnTwips(columns[1], ['PZ-2025-0101'], 12));
    expect(sum(widths)).toBe(total);
  });

  it('honours a floor for blank columns (a signature) and keeps the total when minimums overflow', () => {
    const sign = { header: '签字', widthMm: 5, fit: 'whole' as const, minWidthMm: 20 };
    expect(minimumColumnTwips(sign, [''], 10.5)).toBe(mmToTwip(20));
    const tooWide = Array.from({ length: 12 }, () => ({ header: '日期', widthMm: 10, fit: 'whole' as const }));
    const widths = fitColumnWidths(tooWide, [tooWide.map(() => '2027年12月31日')], 12, total);
    expect(sum(widths)).toBe(total);
  });
});
