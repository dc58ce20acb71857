import { afterAll, describe, expect, it } from 'vitest';
import { buildCooperationAgreement } from '../../../../../shared/documents/commissioners/cooperation-agreement';
import { buildCooperationAgreementBatch } from '../../../../../shared/documents/commissioners/cooperation-agreement-batch';
import { buildServiceSummary } from '../../../../../shared/documents/commissioners/service-summary';
import { buildSubsidyTable } from '../../../../../shared/documents/commissioners/subsidy-table';
import { buildAssessmentList } from '../../../../../shared/documents/commissioners/assessment-list';
import { assessmentListInput, cityAgreement, provincialAgreement, serviceSummaryInput, subsidyTableInput, teamAgreement } from '../../../../fixtures/documents/commissioners/inputs';
import { hasLibreOffice, printedLines, renderDir, renderPdf, type PrintedLine } from '../render';

// DESIGN §Documents: rendering check with LibreOffice where it is installed (CI installs it).
const { dir, cleanup } = renderDir();
afterAll(cleanup);
const slow = { timeout: 180_000 };

/** The value is printed whole on one line (a wrapped value is split over two lines). */
function expectOnOneLine(lines: PrintedLine[], value: string) {
  const wanted = value.replace(/\s+/g, '');
  expect(lines.some((l) => l.text.includes(wanted)), `“${value}” wraps: ${lines.filter((l) => l.text.includes(wanted.slice(0, 2))).map((l) => l.text).join(' | ')}`).toBe(true);
}

describe.skipIf(!hasLibreOffice)('合作协议书 rendered by LibreOffice', () => {
  it('provincial: dates, ID number, credit code and amounts whole on their lines; the three parties sign on one page', slow, async () => {
    const r = await renderPdf(buildCooperationAgreement(provincialAgreement), 'agreement-provincial', dir);
    const lines = printedLines(r.pdf);
    for (const value of ['91450100MA5K123456', '450103198503120026', '自2027年12月31日起至2029年12月30日止', '10,000.00元（大写：壹万元整）', '桂科特协〔2027〕128号']) expectOnOneLine(lines, value);
    const last = r.pages[r.pageCount - 1];
    for (const party of ['甲方（盖章）', '乙方（签字）', '丙方（盖章）']) expect(last).toContain(party);
    expect(r.pages.slice(0, -1).join('')).not.toContain('丙方（盖章）');
    expect(r.pageCount).toBeLessThanOrEqual(5);
  });

  it('team and city variants: members and rewards printed, signature blocks together', slow, async () => {
    const team = await renderPdf(buildCooperationAgreement(teamAgreement), 'agreement-team', dir);
    expect(team.pages.join('')).toContain('团长：覃雨桐（广西示范科学院，正高级）');
    expect(team.pages[team.pageCount - 1]).toContain('团长及成员（签字）');
    const city = await renderPdf(buildCooperationAgreement(cityAgreement), 'agreement-city', dir);
    const lines = printedLines(city.pdf);
    expectOnOneLine(lines, '自2027年1月1日起至2027年12月31日止');
    expect(city.pages.join('')).toContain('贰仟元零伍角');
    const last = city.pages[city.pageCount - 1];
    for (const party of ['甲方（盖章）', '乙方（签字）', '丙方（盖章）']) expect(last).toContain(party);
  });
});

describe.skipIf(!hasLibreOffice)('合作协议书 batch rendered by LibreOffice', () => {
  it('three agreements: each starts on a new page at — 1 —, and its three parties sign on its last page', slow, async () => {
    const r = await renderPdf(buildCooperationAgreementBatch({ scope: '2027年度', agreements: [provincialAgreement, teamAgreement, cityAgreement] }), 'agreement-batch', dir);
    const starts = r.pages.map((p, n) => (/^\s*(企业科技特派员合作协议书|科技特派员服务合作协议书)/.test(p) ? n : -1)).filter((n) => n >= 0);
    expect(starts).toHaveLength(3);
    expect(starts[0]).toBe(0);
    const pageNumber = (page: string) => Number(/—\s*(\d+)\s*—\s*$/.exec(page.trim())?.[1]);
    for (const start of starts) expect(pageNumber(r.pages[start])).toBe(1);
    // The page before each later start is the previous agreement's signature page.
    for (const start of starts.slice(1)) {
      for (const party of ['甲方（盖章）', '丙方（盖章）']) expect(r.pages[start - 1]).toContain(party);
      expect(pageNumber(r.pages[start - 1])).toBeGreaterThan(1);
    }
    expect(r.pages[r.pageCount - 1]).toContain('丙方（盖章）');
  });
});

describe.skipIf(!hasLibreOffice)('commissioner ledger tables rendered by LibreOffice', () => {
  it('服务情况汇总表 and 补助发放表: one landscape page each, dates and amounts whole', slow, async () => {
    const summary = await renderPdf(buildServiceSummary(serviceSummaryInput), 'service-summary', dir);
    expect(summary.pageCount).toBe(1);
    const summaryLines = printedLines(summary.pdf);
    for (const value of ['2027年3月1日至', '2028年2月29日', '2026年12月31日至', '2027年12月30日']) expectOnOneLine(summaryLines, value);
    const subsidy = await renderPdf(buildSubsidyTable(subsidyTableInput), 'subsidy-table', dir);
    expect(subsidy.pageCount).toBe(1);
    const lines = printedLines(subsidy.pdf);
    for (const value of ['10,000.00', '1,234.56', '21,234.56', '2027年12月31日', '贰万壹仟贰佰叁拾肆元伍角陆分']) expectOnOneLine(lines, value);
  });
});

describe.skipIf(!hasLibreOffice)('年度考核结果名单 rendered by LibreOffice', () => {
  it('one portrait page: names and grades whole on their lines, the closing counts and the signature', slow, async () => {
    const r = await renderPdf(buildAssessmentList(assessmentListInput), 'assessment-list', dir);
    expect(r.pageCount).toBe(1);
    const lines = printedLines(r.pdf);
    for (const value of ['智能装备科技特派团', '未参加考核', '无故不参加考核', '2028年1月15日']) expectOnOneLine(lines, value);
    expect(r.pages[0]).toContain('优秀1名（个）');
  });
});
