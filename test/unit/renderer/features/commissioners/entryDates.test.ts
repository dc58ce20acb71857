import { describe, expect, it } from 'vitest';
import { parseEntryDate, parseEntryDates } from '../../../../../renderer/src/features/commissioners/servicelog/entryDates';

describe('quick-entry dates', () => {
  it('reads full dates and short dates within the year on screen', () => {
    expect(parseEntryDate('2026-03-05', 2025)).toBe('2026-03-05');
    expect(parseEntryDate('2026/3/5', 2025)).toBe('2026-03-05');
    expect(parseEntryDate('2026年3月5日', 2025)).toBe('2026-03-05');
    expect(parseEntryDate('3-5', 2026)).toBe('2026-03-05');
    expect(parseEntryDate('3.5', 2026)).toBe('2026-03-05');
    expect(parseEntryDate('0305', 2026)).toBe('2026-03-05');
  });

  it('refuses dates that do not exist', () => {
    expect(parseEntryDate('2-30', 2026)).toBeUndefined();
    expect(parseEntryDate('2-29', 2026)).toBeUndefined();
    expect(parseEntryDate('2-29', 2028)).toBe('2028-02-29');
    expect(parseEntryDate('13-01', 2026)).toBeUndefined();
    expect(parseEntryDate('明天', 2026)).toBeUndefined();
  });

  it('bulk entry: several dates sorted, a bad or repeated one named', () => {
    expect(parseEntryDates('3-7、3-5，3-6', 2026)).toEqual({ ok: true, dates: ['2026-03-05', '2026-03-06', '2026-03-07'] });
    expect(parseEntryDates('3-5 3-32', 2026)).toEqual({ ok: false, message: '“3-32”不是有效日期（格式如 2026-03-05 或 3-5）' });
    expect(parseEntryDates('3-5 2026-03-05', 2026)).toEqual({ ok: false, message: '日期 2026-03-05 重复' });
    expect(parseEntryDates('  ', 2026)).toEqual({ ok: false, message: '请填写服务日期' });
  });
});
