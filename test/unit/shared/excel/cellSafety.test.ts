import { describe, expect, it } from 'vitest';
import { isFormulaLike, neutraliseFormula, restoreNeutralised } from '../../../../shared/excel/cellSafety';
import { toCsv } from '../../../../shared/excel/csv';
import { toExportCell } from '../../../../shared/excel/exportSheet';

const attacks = ['=HYPERLINK("http://evil","点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1', '\n=1+1', '=cmd|\'/C notepad\'!A1'];

describe('formula injection', () => {
  it.each(attacks)('neutralises %j in xlsx text cells and CSV', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(toExportCell(text)).toBe(`'${text}`);
    const csv = toCsv([[text]]);
    const field = csv.slice(1, -2);
    // The first character a spreadsheet reads (inside the quotes, if any) is the apostrophe.
    expect(field.replace(/^"/, '')[0]).toBe("'");
    expect(restoreNeutralised(neutraliseFormula(text))).toBe(text);
  });

  it('leaves ordinary text, numbers and negative amounts alone', () => {
    expect(toExportCell('张三')).toBe('张三');
    expect(toExportCell('0771-5551234')).toBe('0771-5551234');
    expect(toExportCell(-12.5, 'amount')).toBe(-12.5);
    expect(toCsv([[-12.5, '普通文字']])).toBe('\uFEFF-12.5,普通文字\r\n');
    expect(restoreNeutralised("'普通")).toBe("'普通");
  });

  it('writes a CSV Excel and WPS open as UTF-8: BOM, CRLF, quoted commas, quotes and line breaks', () => {
    expect(toCsv([['姓名', '备注'], ['张三', '甲,乙'], ['李"四"', '第一行\n第二行']])).toBe('\uFEFF姓名,备注\r\n张三,"甲,乙"\r\n"李""四""","第一行\n第二行"\r\n');
  });
});
