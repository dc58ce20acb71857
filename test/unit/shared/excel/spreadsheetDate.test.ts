import { describe, expect, it } from 'vitest';
import { parseCellDate } from '../../../../shared/excel/spreadsheetDate';
import { parseCellValue } from '../../../../shared/excel/cellValue';

describe('dates as offices spell them', () => {
  it.each([
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['2024-03-05T00:00', '2024-03-05'],
    ['二〇二四年三月五日', '2024-03-05'],
    ['２０２４．３．５', '2024-03-05'],
    ['45356', '2024-03-05'],
  ])('text %j → %s', (text, iso) => {
    expect(parseCellDate(text)).toEqual({ ok: true, date: iso });
  });

  it('reads Excel serial numbers (a date cell whose format was lost), 1900 leap-year bug included', () => {
    expect(parseCellDate(45356)).toEqual({ ok: true, date: '2024-03-05' });
    expect(parseCellDate(43890)).toEqual({ ok: true, date: '2020-02-29' });
  });

  it('refuses impossible and non-dates with a message naming the text', () => {
    expect(parseCellDate('2024.2.30')).toEqual({ ok: false, message: '日期“2024.2.30”不存在' });
    expect(parseCellDate('下个月')).toMatchObject({ ok: false, message: expect.stringContaining('下个月') });
    expect(parseCellDate(12)).toMatchObject({ ok: false });
    expect(parseCellDate(true)).toMatchObject({ ok: false });
  });

  it('reads a date cell as the reader hands it over, and a text field gets its formula guard taken off', () => {
    expect(parseCellValue('2024-03-05', { id: 'd', label: '日期', kind: 'date' })).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseCellValue("'=1+1", { id: 'n', label: '备注', kind: 'text' })).toEqual({ ok: true, value: '=1+1' });
    expect(parseCellValue(13800138000, { id: 'p', label: '电话', kind: 'text' })).toEqual({ ok: true, value: '13800138000' });
  });

  it('reads a term written as one cell', () => {
    const field = { id: 'term', label: '聘期', kind: 'dateRange' as const, rangeTo: ['termStart', 'termEnd'] as const };
    expect(parseCellValue('2025-01-01 至 2027-12-31', field)).toEqual({ ok: true, value: ['2025-01-01', '2027-12-31'] });
    expect(parseCellValue('2025.1.1—2027.12.31', field)).toEqual({ ok: true, value: ['2025-01-01', '2027-12-31'] });
    expect(parseCellValue('2025年1月1日~2027年12月31日', field)).toEqual({ ok: true, value: ['2025-01-01', '2027-12-31'] });
    expect(parseCellValue('三年', field)).toMatchObject({ ok: false });
  });
});
