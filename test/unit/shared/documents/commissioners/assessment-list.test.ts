import { describe, expect, it } from 'vitest';
import { assessmentListFileName, buildAssessmentList } from '../../../../../shared/documents/commissioners/assessment-list';
import { assessmentListInput } from '../../../../fixtures/documents/commissioners/inputs';
import { allMatches, attrs, packDocx, paragraphTexts, tableRows } from '../docx-xml';

describe('年度考核结果名单', async () => {
  const { document } = await packDocx(buildAssessmentList(assessmentListInput));
  it('lists 优秀 first, then 合格 (by name), 不合格 and those who did not take part; a team marked as such', () => {
    const rows = tableRows(document);
    expect(rows[0]).toEqual(['序号', '科技特派员\n（特派团）', '派出单位', '派驻企业', '考核等次', '备注']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['1', '智能装备科技特派团\n（特派团）', '优秀'],
      ['2', '蓝海波', '合格'],
      ['3', '韦嘉怡', '合格'],
      ['4', '黄测评', '不合格'],
      ['5', '梁子豪', '未参加考核'],
    ]);
    expect(rows[5][5]).toBe('无故不参加考核');
  });
  it('is portrait on the 156 mm 版心, with the header row repeated, the counts and the 优秀 cap', () => {
    expect(attrs(allMatches(document, /<w:sectPr[\s\S]*?<\/w:sectPr>/g)[0], 'w:pgSz')['w:orient']).not.toBe('landscape');
    expect(document).toContain('<w:tblHeader/>');
    const widths = allMatches(document, /<w:gridCol w:w="(\d+)"\/>/g).map((m) => Number(/\d+/.exec(m)![0]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(Math.round((156 * 1440) / 25.4));
    const texts = paragraphTexts(document);
    expect(texts).toContain('经派驻企业评价、县（区）科技管理部门审核，2027年度共5名（个）科技特派员（特派团）纳入考核，其中参加考核4名（个）。考核结果如下：');
    expect(texts).toContain('优秀1名（个）、合格2名（个）、不合格1名（个），未参加考核1名（个）。优秀等次不超过参加考核人数的20%。考核不合格或无故不参加考核的，不得申报下一年度科技特派员。');
    expect(assessmentListFileName(assessmentListInput)).toBe('2027年度科技特派员考核结果名单.docx');
  });
});
