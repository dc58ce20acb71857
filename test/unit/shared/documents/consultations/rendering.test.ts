import { afterAll, describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../../../../../shared/documents/consultations/annual-report';
import { buildProgressLedger } from '../../../../../shared/documents/consultations/progress-ledger';
import { buildProtocol } from '../../../../../shared/documents/consultations/protocol';
import { annualReportInput, progressLedgerInput, protocolInput } from '../../../../fixtures/documents/consultations/inputs';
import { hasLibreOffice, printedLines, printedPageSizes, renderDir, renderPdf, type PrintedLine } from '../render';

// DESIGN §Documents: rendering check with LibreOffice where it is installed (CI installs it).
const { dir, cleanup } = renderDir();
afterAll(cleanup);
const slow = { timeout: 180_000 };

function lineWith(lines: PrintedLine[], value: string): PrintedLine {
  const found = lines.find((l) => l.text.includes(value));
  expect(found, `“${value}” is not printed whole on one line`).toBeDefined();
  return found!;
}

describe.skipIf(!hasLibreOffice)('厅市会商 documents rendered by LibreOffice', () => {
  it('议定书: the total and its 大写 on one line; both signature blocks face each other on the last page, with body text', slow, async () => {
    const r = await renderPdf(buildProtocol(protocolInput), 'protocol', dir);
    const lines = printedLines(r.pdf);
    lineWith(lines, '10,000,000.00元（大写：壹仟万元整）');
    const last = r.pages[r.pageCount - 1];
    expect(last).toContain('（以下无正文）');
    expect(last).toContain('一式两份'); // the signature page is never without body text
    const dept = lineWith(lines, '广西壮族自治区科学技术厅');
    const lastPageLines = lines.filter((l) => l.page === r.pageCount);
    const party = lastPageLines.find((l) => l.text === '防城港市人民政府')!;
    const deptOnLast = lastPageLines.find((l) => l.text === '广西壮族自治区科学技术厅')!;
    expect(dept).toBeDefined();
    expect(party.page).toBe(r.pageCount);
    // Side by side: the same baseline, the city's block in the right half of the 版心.
    expect(Math.abs(party.yMin - deptOnLast.yMin)).toBeLessThan(1);
    expect(party.xMin).toBeGreaterThan(deptOnLast.xMax);
    const dates = lastPageLines.filter((l) => l.text === '2027年5月18日');
    expect(dates).toHaveLength(2);
    expect(Math.abs(dates[0].yMin - dates[1].yMin)).toBeLessThan(1);
  });

  it('推进情况台账: one landscape page, dates and names whole', slow, async () => {
    const r = await renderPdf(buildProgressLedger(progressLedgerInput), 'progress-ledger', dir);
    expect(r.pageCount).toBe(1);
    const [size] = printedPageSizes(r.pdf);
    expect(size.w).toBeGreaterThan(size.h);
    const lines = printedLines(r.pdf);
    for (const value of ['2028年1月12日', '莫晓燕', '未报送']) lineWith(lines, value);
  });

  it('年度落实情况报告: the 大写 whole, the seal block with body text on its page', slow, async () => {
    const r = await renderPdf(buildAnnualReport(annualReportInput), 'annual-report', dir);
    lineWith(printedLines(r.pdf), '（大写：壹仟万元整）');
    const last = r.pages[r.pageCount - 1];
    expect(last).toContain('特此报告。');
    expect(last).toContain('2027年12月20日');
  });
});
