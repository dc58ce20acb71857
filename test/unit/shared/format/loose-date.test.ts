import { describe, expect, it } from 'vitest';
import { parseLooseDate } from '../../../../shared/format/loose-date';
import { parseClipboardTable } from '../../../../shared/format/clipboard-table';

const date = (text: string, defaultYear?: number) => {
  const r = parseLooseDate(text, { defaultYear });
  return r.ok ? r.date : r.message;
};

describe('parseLooseDate', () => {
  it('reads the usual Chinese spellings of one day', () => {
    for (const s of ['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '2024年3月5号', '２０２４年３月５日', ' 2024 年 3 月 5 日 ', '2024年3月5日前', '二〇二四年三月五日']) {
      expect(date(s), s).toBe('2024-03-05');
    }
    expect(date('二〇二一年十二月三十一日')).toBe('2021-12-31');
    expect(date('2021年十月十日')).toBe('2021-10-10');
  });

  it('reads month and year ends as their last day', () => {
    expect(date('2024年2月底')).toBe('2024-02-29');
    expect(date('2023年2月末')).toBe('2023-02-28');
    expect(date('2021年11月')).toBe('2021-11-30');
    expect(date('2021-11')).toBe('2021-11-30');
    expect(date('2021年底')).toBe('2021-12-31');
    expect(date('2021年上半年')).toBe('2021-06-30');
    expect(date('3月底', 2021)).toBe('2021-03-31');
    expect(date('5月20日', 2021)).toBe('2021-05-20');
    expect(date('3月底')).toBe('“3月底”缺少年份');
  });

  it('reads Excel date serials', () => {
    expect(date('44439')).toBe('2021-08-31');
    expect(date('45356')).toBe('2024-03-05');
    expect(date('12345')).toBe('“12345”不是可识别的日期');
  });

  it('names what it cannot read', () => {
    expect(date('')).toBe('日期为空');
    expect(date('2021.8')).toBe('“2021.8”不是可识别的日期');
    expect(date('2021-02-29')).toBe('日期“2021-02-29”不存在');
    expect(date('2021年13月')).toBe('日期“2021年13月”不存在');
    expect(date('尽快')).toBe('“尽快”不是可识别的日期');
    expect(date('1899-01-01')).toBe('日期“1899-01-01”的年份超出 1990–2100');
  });
});

describe('parseClipboardTable', () => {
  it('reads Excel\'s quoting: multi-line cells, doubled quotes, CRLF', () => {
    expect(parseClipboardTable('1\t"甲\r\n乙"\t"说""好"""\r\n2\t丙\t丁\r\n')).toEqual([
      ['1', '甲\n乙', '说"好"'],
      ['2', '丙', '丁'],
    ]);
  });

  it('keeps a quote inside text as text', () => {
    expect(parseClipboardTable('1\t发布"十四五"指南\t"未闭合')).toEqual([['1', '发布"十四五"指南', '"未闭合']]);
  });
});
