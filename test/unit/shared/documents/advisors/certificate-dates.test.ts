import { afterAll, describe, expect, it } from 'vitest';
import { defaultOverlayFields } from '../../../../../shared/domain/advisors/certificateSettings';
import { buildAppointmentCertificate } from '../../../../../shared/documents/advisors/appointment-certificate';
import type { CertificateOrientation, CertificateRecord } from '../../../../../shared/documents/advisors/certificate-input';
import { textLines, wordBoxes } from '../pdf-measure';
import { hasLibreOffice, renderDir, renderPdf } from '../render';

// Issue 7 item 8: a date never breaks across lines ("一月/一日"). Names of 1 to 14 characters
// move the longest dates (二〇二七年十二月三十一日) through every position of a line; on every
// rendered page each date must sit whole on one line.

const { dir, cleanup } = renderDir();
afterAll(cleanup);

const START = '二〇二七年十二月三十一日';
const END = '二〇三〇年十二月三十一日';
const NAME_CHARS = '欧阳思远明哲清和海波雨桐子豪';

const batch: CertificateRecord[] = Array.from({ length: NAME_CHARS.length }, (_, i) => {
  const name = NAME_CHARS.slice(0, i + 1);
  return { number: `桂科顾聘〔2027〕${i + 1}号`, name, bodyText: `兹聘请${name}院士为广西科技顾问，聘期自${START}至${END}。`, issuer: '广西壮族自治区人民政府', issuedOn: '2027-12-31' };
});

function expectDatesWhole(pdf: string) {
  const pages = wordBoxes(pdf);
  expect(pages).toHaveLength(batch.length);
  pages.forEach((words, i) => {
    const lines = textLines(words).map((l) => l.text);
    const all = lines.join('');
    expect(all, `page ${i + 1}`).toContain(batch[i].name);
    // Once as the term's start, once as the end and once as the issue date (START = issue date).
    for (const date of [START, END]) expect(lines.some((l) => l.includes(date)), `page ${i + 1}: ${date} split in ${JSON.stringify(lines)}`).toBe(true);
    expect(lines.filter((l) => l.includes(START)).length + lines.filter((l) => l.includes(END)).length, `page ${i + 1}`).toBe(3);
  });
}

describe.skipIf(!hasLibreOffice)('聘书 dates stay on one line (LibreOffice → PDF)', () => {
  for (const orientation of ['landscape', 'portrait'] as CertificateOrientation[]) {
    it(`整页, ${orientation}`, { timeout: 180_000 }, async () => {
      const r = await renderPdf(buildAppointmentCertificate({ mode: 'full', orientation, certificates: batch }), `dates-full-${orientation}`, dir);
      expectDatesWhole(r.pdf);
    });

    it(`套打, ${orientation}`, { timeout: 180_000 }, async () => {
      const overlay = { fields: defaultOverlayFields(orientation), offset: { dxMm: 0, dyMm: 0 } };
      const r = await renderPdf(buildAppointmentCertificate({ mode: 'overlay', orientation, certificates: batch, overlay }), `dates-overlay-${orientation}`, dir);
      expectDatesWhole(r.pdf);
    });
  }
});

it.skipIf(hasLibreOffice)('SKIPPED 聘书 date rendering check: soffice/pdftotext not installed', () => {
  console.warn('聘书日期渲染检查已跳过：未找到 soffice 或 pdftotext');
});
