import { afterEach, describe, expect, it, vi } from 'vitest';
import { toChineseDate } from '../../../../shared/format';

describe('toChineseDate — Arabic numerals (GB/T 9704 成文日期)', () => {
  it.each([
    ['2026-11-22', '2026年11月22日'],
    ['2026-01-05', '2026年1月5日'],
    ['2000-10-01', '2000年10月1日'],
    ['1999-12-31', '1999年12月31日'],
  ])('%s → %s', (input, expected) => {
    expect(toChineseDate(input)).toBe(expected);
    expect(toChineseDate(input, { numerals: 'arabic' })).toBe(expected);
  });

  it('uses the local calendar fields of a Date', () => {
    expect(toChineseDate(new Date(2026, 0, 5, 23, 59, 59))).toBe('2026年1月5日');
    expect(toChineseDate(new Date(2026, 10, 22, 0, 0, 0))).toBe('2026年11月22日');
  });

  it('tolerates surrounding whitespace in a string', () => {
    expect(toChineseDate(' 2026-11-22\n')).toBe('2026年11月22日');
  });
});

describe('toChineseDate — Chinese numerals (certificate style)', () => {
  it.each([
    ['2026-11-22', '二〇二六年十一月二十二日'],
    ['2000-01-01', '二〇〇〇年一月一日'],
    ['1999-10-10', '一九九九年十月十日'],
    ['2026-12-15', '二〇二六年十二月十五日'],
    ['2026-03-20', '二〇二六年三月二十日'],
    ['2026-03-30', '二〇二六年三月三十日'],
    ['2026-03-31', '二〇二六年三月三十一日'],
    ['2024-02-29', '二〇二四年二月二十九日'],
  ])('%s → %s', (input, expected) => {
    expect(toChineseDate(input, { numerals: 'chinese' })).toBe(expected);
  });

  it('writes zero as 〇 (U+3007), never 零 or the letter O', () => {
    const s = toChineseDate('2008-08-08', { numerals: 'chinese' });
    expect(s).toBe('二〇〇八年八月八日');
    expect([...s].filter((c) => c.codePointAt(0) === 0x3007)).toHaveLength(2);
    expect(s).not.toMatch(/[零O0]/);
  });

  it('spells every day of a month by the usual rules', () => {
    const days = Array.from({ length: 31 }, (_, i) =>
      toChineseDate(`2026-01-${String(i + 1).padStart(2, '0')}`, { numerals: 'chinese' }).replace('二〇二六年一月', ''),
    );
    expect(days).toEqual([
      '一日', '二日', '三日', '四日', '五日', '六日', '七日', '八日', '九日', '十日',
      '十一日', '十二日', '十三日', '十四日', '十五日', '十六日', '十七日', '十八日', '十九日', '二十日',
      '二十一日', '二十二日', '二十三日', '二十四日', '二十五日', '二十六日', '二十七日', '二十八日', '二十九日', '三十日',
      '三十一日',
    ]);
  });

  it('spells every month', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      toChineseDate(new Date(2026, i, 1), { numerals: 'chinese' }).replace('二〇二六年', '').replace('一日', ''),
    );
    expect(months).toEqual(['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']);
  });
});

describe('toChineseDate — time zones', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('does not shift a YYYY-MM-DD string west of Greenwich', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    // Precondition: the zone really took effect, otherwise this test proves nothing.
    expect(new Date('2026-11-22').getDate()).toBe(21);
    expect(toChineseDate('2026-11-22')).toBe('2026年11月22日');
    expect(toChineseDate('2026-01-01', { numerals: 'chinese' })).toBe('二〇二六年一月一日');
  });

  it('reads a Date in local time, not UTC', () => {
    vi.stubEnv('TZ', 'Asia/Shanghai');
    // 2026-11-21T16:30Z is 00:30 on the 22nd in Beijing.
    expect(toChineseDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026年11月22日');
  });
});

describe('toChineseDate — invalid input', () => {
  it.each(['', '   ', '2026/11/22', '2026-1-5', '20261122', '2026-11-22T00:00:00', '二〇二六年', 'abc'])(
    'rejects malformed string %j',
    (input) => {
      expect(() => toChineseDate(input)).toThrow(/日期格式应为 YYYY-MM-DD/);
    },
  );

  it.each(['2025-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01'])(
    'rejects non-existent date %s',
    (input) => {
      expect(() => toChineseDate(input)).toThrow(/不存在/);
    },
  );

  it('accepts Feb 29 only in leap years', () => {
    expect(toChineseDate('2000-02-29')).toBe('2000年2月29日');
    expect(toChineseDate('2024-02-29')).toBe('2024年2月29日');
    expect(() => toChineseDate('2100-02-29')).toThrow(Error);
  });

  it('rejects an invalid Date with a Chinese message', () => {
    expect(() => toChineseDate(new Date('not a date'))).toThrow('日期无效');
    expect(() => toChineseDate(new Date(NaN), { numerals: 'chinese' })).toThrow('日期无效');
  });
});
