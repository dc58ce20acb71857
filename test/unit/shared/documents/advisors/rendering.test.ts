import { afterAll, describe, expect, it } from 'vitest';
import { buildAppointmentCertificate } from '../../../../../shared/documents/advisors/appointment-certificate';
import { buildCalibrationSheet } from '../../../../../shared/documents/advisors/calibration-sheet';
import { buildCertificateRegister } from '../../../../../shared/documents/advisors/certificate-register';
import { buildInvitation } from '../../../../../shared/documents/advisors/invitation';
import { buildAdvisorLedgerReport } from '../../../../../shared/documents/advisors/ledger-report';
import { buildSuggestionsCompilation } from '../../../../../shared/documents/advisors/suggestions-compilation';
import { certificateBatch, compilationInput, invitationInput, ledgerInput, overlayInput, registerInput } from '../../../../fixtures/documents/advisors/inputs';
import { hasLibreOffice, renderDir, renderPdf } from '../render';
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
    expect(all).toContain('人民币叁拾万元整');
    expect(r.pages[0]).toContain('—1—');
  });

  it('prints the invitation, the compilation and the register on one page each', slow, async () => {
    const inv = await renderPdf(buildInvitation(invitationInput), 'invitation', dir);
    expect(inv.pageCount).toBe(1);
    expect(inv.pages[0]).toContain('尊敬的陈思远院士：');
    const comp = await renderPdf(buildSuggestionsCompilation(compilationInput), 'compilation', dir);
    expect(comp.pages.join('')).toContain('共5条，已采纳2条、部分采纳1条、未采纳1条、待反馈1条');
    const reg = await renderPdf(buildCertificateRegister(registerInput), 'register', dir);
    expect(reg.pageCount).toBe(1);
    expect(reg.pages[0]).toContain('补打（原号）');
  });
});

it.skipIf(hasLibreOffice)('SKIPPED advisor rendering check: soffice/pdftotext/pdfinfo not installed', () => {
  console.warn('科技顾问文档渲染检查已跳过：未找到 soffice、pdftotext 或 pdfinfo');
});
