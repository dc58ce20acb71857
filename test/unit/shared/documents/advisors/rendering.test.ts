import { afterAll, describe, expect, it } from 'vitest';
import { buildAppointmentCertificate } from '../../../../../shared/documents/advisors/appointment-certificate';
import { buildCalibrationSheet } from '../../../../../shared/documents/advisors/calibration-sheet';
import { buildCertificateRegister } from '../../../../../shared/documents/advisors/certificate-register';
import { buildInvitation } from '../../../../../shared/documents/advisors/invitation';
import { buildAdvisorLedgerReport } from '../../../../../shared/documents/advisors/ledger-report';
import { buildSuggestionsCompilation } from '../../../../../shared/documents/advisors/suggestions-compilation';
import { certificateBatch, compilationInput, invitationInput, ledgerInput, overlayInput, registerInput } from '../../../../fixtures/documents/advisors/inputs';
import { buildOperationLogReport } from '../../../../../shared/documents/audit/operation-log-report';
import { hasLibreOffice, printedLines, printedPageSizes, renderDir, renderPdf, type PrintedLine } from '../render';
import { defaultOverlayFields } from '../../../../../shared/domain/advisors/certificateSettings';

// DESIGN §Documents: rendering check with LibreOffice where it is installed (CI installs it).
const { dir, cleanup } = renderDir();
afterAll(cleanup);
const slow = { timeout: 180_000 };

describe.skipIf(!hasLibreOffice)('advisor documents rendered by LibreOffice', () => {
  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`prints a batch of 3 full ${orientation} certificates on 3 pages, one name each`, slow, async () => {
      const r = await renderPdf(buildAppointmentCertificate({ mode: 'full', orientation, certificates: certificateBatch }), `full-${orientation}`, dir);
      expect(r.pageCount).toBe(3);
      certificateBatch.forEach((c, i) => {
        expect(r.pages[i]).toContain(c.name);
        expect(r.pages[i]).toContain('聘书');
        expect(r.pages[i]).toContain('广西壮族自治区人民政府');
        expect(r.pages[i]).toContain(c.number);
      });
      expect(r.pages[0]).toContain('二〇二五年一月八日');
    });
  }

  it('prints a batch of 3 overlays on 3 pages with only the variable text', slow, async () => {
    const r = await renderPdf(buildAppointmentCertificate(overlayInput), 'overlay', dir);
    expect(r.pageCount).toBe(3);
    certificateBatch.forEach((c, i) => expect(r.pages[i]).toContain(c.name));
    expect(r.pages.join('')).not.toContain('聘书');
  });

  it('prints the calibration sheet with labels and ruler figures, and the instructions on a second page', slow, async () => {
    const portraitFields = [...defaultOverlayFields('portrait'), { key: 'name' as const, xMm: 80, yMm: 60, widthMm: 50, fontSizePt: 26 }];
    const r = await renderPdf(buildCalibrationSheet({ orientation: 'portrait', overlay: { fields: portraitFields, offset: { dxMm: -1, dyMm: 2 } } }), 'calibration', dir);
    expect(r.pageCount).toBe(2);
    expect(r.pages[0]).toContain('姓名样字');
    expect(r.pages[0]).toContain('250');
    expect(r.pages[0]).not.toContain('聘书套打校准页');
    expect(r.pages[1]).toContain('聘书套打校准页');
    expect(r.pages[1]).toContain('水平−1mm');
  });

  it('prints the ledger report with its six headings and a suggestion title', slow, async () => {
    const r = await renderPdf(buildAdvisorLedgerReport(ledgerInput), 'ledger', dir);
    const all = r.pages.join('');
    for (const h of ['一、基本情况', '二、工作方案和年度工作计划', '三、工作开展情况', '四、意见建议及采纳落实情况', '五、聘金拨付情况', '六、成效评估']) expect(all).toContain(h);
    // The title wraps in its cell and pdftotext interleaves the row's cells line by line.
    expect(all).toMatch(/关于加快铝基新材料中试平台建设.{0,40}的建议/);
    expect(all).toContain('叁拾万元整');
    expect(r.pages[0]).toContain('—1—');
  });

  it('prints the invitation and the register on one page each, the compilation with its 科研成果', slow, async () => {
    const inv = await renderPdf(buildInvitation(invitationInput), 'invitation', dir);
    expect(inv.pageCount).toBe(1);
    expect(inv.pages[0]).toContain('尊敬的陈思远院士：');
    const comp = await renderPdf(buildSuggestionsCompilation(compilationInput), 'compilation', dir);
    expect(comp.pages.join('')).toContain('二、科研成果');
    const reg = await renderPdf(buildCertificateRegister(registerInput), 'register', dir);
    expect(reg.pageCount).toBe(1);
    expect(reg.pages[0]).toContain('补打（原号）');
  });
});

/** The value is printed whole on one line (a wrapped value is split over two lines). */
function expectOnOneLine(lines: PrintedLine[], value: string) {
  const wanted = value.replace(/\s+/g, '');
  const start = wanted.slice(0, 2);
  expect(lines.some((l) => l.text.includes(wanted)), `“${value}” wraps: ${lines.filter((l) => l.text.includes(start)).map((l) => l.text).join(' | ')}`).toBe(true);
}

describe.skipIf(!hasLibreOffice)('table columns measured on the LibreOffice PDF: numbers, dates, document numbers and unit names never break', () => {
  const longestDate = '2027年12月31日';

  it('工作台账: 报送单位, 凭证号, dates and amounts each on one line', slow, async () => {
    const input = {
      ...ledgerInput,
      activities: [{ date: '2027-12-31', form: '咨询论证' as const, duties: [], content: '参加论证会。', location: '百色' }, ...ledgerInput.activities!],
      year: 2027,
    };
    const r = await renderPdf(buildAdvisorLedgerReport(input), 'ledger-widths', dir);
    const lines = printedLines(r.pdf);
    for (const v of ['自治区工业和信息化厅', 'PZ-2025-0101', '广西示范新材料研究院', '300,000.00', '600,000.50', '叁拾万元零伍角', longestDate, '2026年11月15日', '2026年5月20日报送']) expectOnOneLine(lines, v);
  });

  it('聘书发放登记簿: 聘书编号 and both ends of the 聘期', slow, async () => {
    const r = await renderPdf(buildCertificateRegister(registerInput), 'register-widths', dir);
    const lines = printedLines(r.pdf);
    for (const v of ['桂科顾聘〔2025〕1号', '桂科顾聘〔2025〕2号', longestDate, '2026年11月22日', '陈思远', '中国工程院院士', '补打（原号）']) expectOnOneLine(lines, v);
  });

  it('操作记录: the 台账 name 工作方案与计划 and the time', slow, async () => {
    const entry = { at: '2027-12-31T15:59:00+08:00', operator: '李文静', tableLabel: '工作方案与计划', recordId: '0b1f6c2e-3d4a', action: '修改' as const, fields: '2027年度工作计划' };
    const r = await renderPdf(buildOperationLogReport({ entries: [entry], filterDescription: '全部', organisation: '广西壮族自治区科学技术厅', generatedOn: '2027-12-31' }), 'oplog-widths', dir);
    const lines = printedLines(r.pdf);
    for (const v of ['工作方案与计划', '2027年12月31日15:59', '李文静']) expectOnOneLine(lines, v);
  });
});

describe.skipIf(!hasLibreOffice)('工作台账 page fill', () => {
  it('leaves no page before the landscape tables nearly empty (the portrait remainder moves on with them)', slow, async () => {
    const r = await renderPdf(buildAdvisorLedgerReport(ledgerInput), 'ledger-fill', dir);
    const sizes = printedPageSizes(r.pdf);
    const lines = printedLines(r.pdf).filter((l) => !/^(—|\d+)+$/.test(l.text));
    const portraitPages = sizes.map((s, i) => ({ ...s, page: i + 1 })).filter((s) => s.h > s.w);
    expect(portraitPages.length).toBeGreaterThan(0);
    for (const p of portraitPages) {
      const bottom = Math.max(...lines.filter((l) => l.page === p.page).map((l) => l.yMax));
      // the 版心 runs from 37 mm to 262 mm; a page cut short before the section break is > ⅓ empty
      const filled = (bottom / (72 / 25.4) - 37) / 225;
      expect(filled, `portrait page ${p.page} is ${Math.round(filled * 100)} % filled`).toBeGreaterThan(0.66);
    }
  });
});

it.skipIf(hasLibreOffice)('SKIPPED advisor rendering check: soffice/pdftotext/pdfinfo not installed', () => {
  console.warn('科技顾问文档渲染检查已跳过：未找到 soffice、pdftotext 或 pdfinfo');
});
