import { describe, expect, it } from 'vitest';
import { buildServiceSummary, serviceSummaryFileName } from '../../../../../shared/documents/commissioners/service-summary';
import { buildSubsidyTable, subsidyTableFileName, subsidyTotal } from '../../../../../shared/documents/commissioners/subsidy-table';
import { serviceSummaryInput, subsidyTableInput } from '../../../../fixtures/documents/commissioners/inputs';
import { allMatches, attrs, packDocx, paragraphTexts, tableRows } from '../docx-xml';

const landscape = (xml: string) => attrs(allMatches(xml, /<w:sectPr[\s\S]*?<\/w:sectPr>/g)[0], 'w:pgSz');

describe('服务情况汇总表', async () => {
  const { document } = await packDocx(buildServiceSummary(serviceSummaryInput));
  it('is landscape with the header row repeated on every page', () => {
    expect(landscape(document)).toMatchObject({ 'w:orient': 'landscape' });
    expect(document).toContain('<w:tblHeader/>');
  });
  it('lists each party with visits, days (half days kept), outcomes and compliance', () => {
    const rows = tableRows(document);
    expect(rows[1]).toEqual(['1', '蓝海波', '南宁示范食品科技有限公司', '2027年3月1日至\n2028年2月29日', '6', '31.5', '试验样品保质期延长20%', '达标']);
    expect(rows[2].slice(4)).toEqual(['2', '4', '', '未达标']);
    expect(paragraphTexts(document)).toContain('共2名（个）科技特派员（特派团），服务要求为每年到企业服务不少于5次、累计服务不少于30天，已达标1名（个）。');
    expect(serviceSummaryFileName(serviceSummaryInput)).toBe('2027年度科技特派员服务情况汇总表.docx');
  });
});

describe('补助发放表', async () => {
  const { document } = await packDocx(buildSubsidyTable(subsidyTableInput));
  it('lists payments in figures, a team counted as one, and a 合计 row', () => {
    const rows = tableRows(document);
    expect(rows[0]).toEqual(['序号', '科技特派员\n（特派团）', '派出单位', '派驻企业', '补助类别', '金额（元）', '发放日期', '领取人\n签字', '备注']);
    expect(rows[2].slice(0, 2)).toEqual(['2', '智能装备科技特派团\n（按1人计）']);
    expect(rows[3].slice(4, 7)).toEqual(['考核奖励', '1,234.56', '']);
    expect(rows.at(-1)).toEqual(['合计', '', '', '', '', '21,234.56', '', '', '']);
  });
  it('states the total in 大写', () => {
    expect(paragraphTexts(document)).toContain('共3笔，合计人民币21,234.56元（大写：贰万壹仟贰佰叁拾肆元伍角陆分）。');
    expect(subsidyTotal([{ amount: 0.1 }, { amount: 0.2 }])).toBe(0.3);
    expect(subsidyTableFileName(subsidyTableInput)).toBe('2027年度科技特派员补助发放表.docx');
  });
});
