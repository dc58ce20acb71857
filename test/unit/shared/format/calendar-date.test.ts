import { describe, expect, it } from 'vitest';
import { isLeapYear, isRealCalendarDate } from '../../../../shared/format';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2000, true],
    [1600, true],
    [2023, false],
    [1900, false],
    [2100, false],
  ])('%i → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('isRealCalendarDate', () => {
  it('knows month lengths', () => {
    const lengths = Array.from({ length: 12 }, (_, m) => {
      let d = 28;
      while (isRealCalendarDate(2023, m + 1, d + 1)) d++;
      return d;
    });
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(isRealCalendarDate(2024, 2, 29)).toBe(true);
  });

  it.each([
    [2026, 0, 1],
    [2026, 13, 1],
    [2026, 1, 0],
    [2026, 1, 32],
    [2026, 1.5, 1],
    [2026, NaN, 1],
  ])('rejects %i-%s-%s', (y, m, d) => {
    expect(isRealCalendarDate(y, m, d)).toBe(false);
  });
});
