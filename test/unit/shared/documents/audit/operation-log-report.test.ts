import { describe, expect, it } from 'vitest';
import { buildOperationLogReport, operationLogReportFileName } from '../../../../../shared/documents/audit/operation-log-report';
import { formatTimestamp } from '../../../../../shared/documents/audit/format-timestamp';
import { operationLogInput } from '../../../../fixtures/documents/operation-log-input';
import { allMatches, attrs, packDocx, paragraphTexts, tableRows } from '../docx-xml';

describe('操作记录 report', async () => {
  const { document } = await packDocx(buildOperationLogReport(operationLogInput));

  it('is a landscape A4 document titled 操作记录', () => {
    expect(attrs(document, 'w:pgSz')).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    expect(document).toMatch(/<w:pStyle w:val="GbTitle"\/>[\s\S]{0,120}操作记录/);
  });

  it('describes the filter and the count', () => {
    expect(paragraphTexts(document)).toContain('筛选条件：2026年5月1日至2026年5月31日，全部台账。共3条记录。');
  });

  it('lists the entries in time order, in Beijing time', () => {
    expect(tableRows(document)).toEqual([
      ['序号', '时间', '操作员', '台账', '操作', '内容摘要'],
      ['1', '2026年5月7日 09:05', '李文静', '科技顾问', '新增', '陈思远（已聘任）\n记录编号：5809077d'],
      ['2', '2026年5月8日 14:32', '黄志强', '整改事项', '修改', '状态改为“已完成”\n记录编号：c7a619cc'],
      ['3', '2026年5月10日 00:10', '李文静', '服务日志', '删除', '重复录入的服务日志\n记录编号：c159152b'],
    ]);
  });

  it('fills the 225 mm landscape 版心 with fixed column widths', () => {
    const widths = allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g).map(Number);
    expect(widths).toHaveLength(6);
    expect(Math.abs(widths.reduce((a, b) => a + b, 0) - Math.round((225 * 1440) / 25.4))).toBeLessThanOrEqual(3);
    expect(attrs(document, 'w:tblLayout')['w:type']).toBe('fixed');
  });

  it('signs with the organisation and the generation date (GB/T 9704 §7.3.5.3 numerals)', () => {
    const texts = paragraphTexts(document);
    expect(texts.slice(-2)).toEqual(['广西壮族自治区科学技术厅', '2026年6月1日']);
  });

  it('prints an empty report with a zero count', async () => {
    const { document: empty } = await packDocx(buildOperationLogReport({ ...operationLogInput, entries: [], filterDescription: '' }));
    expect(paragraphTexts(empty)).toContain('筛选条件：全部记录。共0条记录。');
    expect(tableRows(empty)).toHaveLength(1);
  });

  it('rejects invalid input with a Chinese message', () => {
    expect(() => buildOperationLogReport({ ...operationLogInput, generatedOn: '2026-02-30' })).toThrow('日期不存在');
    expect(() => buildOperationLogReport({ ...operationLogInput, organisation: '' })).toThrow('请填写单位名称');
  });

  it('names the file after the report date', () => {
    expect(operationLogReportFileName(operationLogInput)).toBe('操作记录-2026-06-01.docx');
  });
});

describe('formatTimestamp', () => {
  it('prints Beijing time by default, whatever the offset of the input', () => {
    expect(formatTimestamp('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30');
    expect(formatTimestamp('2026-05-08T14:32:00+08:00')).toBe('2026年5月8日 14:32');
    expect(formatTimestamp('2026-05-08T14:32:00+08:00', 0)).toBe('2026年5月8日 06:32');
  });

  it('refuses a timestamp it cannot read', () => {
    expect(() => formatTimestamp('昨天')).toThrow('时间“昨天”无效');
  });
});
