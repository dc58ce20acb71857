import { Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultOverlayFields } from '../../../../../shared/domain/advisors/certificateSettings';
import { buildAppointmentCertificate, packAppointmentCertificate, type AppointmentCertificateInput } from '../../../../../shared/documents/advisors/appointment-certificate';
import { escapeXmlText } from '../../../../../shared/documents/advisors/certificate-page';
import type { CertificateRecord } from '../../../../../shared/documents/advisors/certificate-input';
import { packDocumentBytes } from '../../../../../shared/documents/registry';

// The fast batch path must give exactly what docx gives for the same document: every part of
// the package equal, except the creation/modification times docx stamps into core.xml.

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files).map(([path, data]) => [path, path === 'docProps/core.xml' ? strFromU8(data).replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g, '') : strFromU8(data)]),
  );
}

async function expectSameAsDocx(input: AppointmentCertificateInput) {
  const slow = parts(new Uint8Array(await Packer.toArrayBuffer(buildAppointmentCertificate(input))));
  const fast = parts(await packAppointmentCertificate(input));
  expect(Object.keys(fast).sort()).toEqual(Object.keys(slow).sort());
  for (const path of Object.keys(slow)) expect(fast[path], path).toBe(slow[path]);
}

// Names of different lengths give different page shapes (where the wording wraps before a
// date, how the title block is spaced); marks that XML must escape exercise the substitution.
const names = ['陈思远', '林若溪', '欧阳思远明哲', '韦', 'O\'Brien & <Co> "甲"', '周明哲'];
const batch: CertificateRecord[] = names.map((name, i) => ({
  number: `桂科顾聘〔2025〕${i + 1}号`,
  name,
  bodyText: `兹聘请${name}院士为广西科技顾问，聘期自二〇二五年一月一日至二〇二七年十二月三十一日。${i === 2 ? '\n服务单位：某某研究院。' : ''}`,
  issuer: i === 3 ? '广西壮族自治区人民政府办公厅' : '广西壮族自治区人民政府',
  issuedOn: i % 2 ? '2025-01-08' : '2027-12-31',
}));

describe('聘书 batch packed page by page template', () => {
  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`整页 ${orientation}: the same package as docx`, async () => {
      await expectSameAsDocx({ mode: 'full', orientation, certificates: batch });
    });
    it(`套打 ${orientation}: the same package as docx`, async () => {
      await expectSameAsDocx({ mode: 'overlay', orientation, certificates: batch, overlay: { fields: defaultOverlayFields(orientation), offset: { dxMm: 1.5, dyMm: -0.5 } } });
    });
  }

  it('handles one certificate, and a text holding a private-use character by the ordinary path', async () => {
    await expectSameAsDocx({ mode: 'full', orientation: 'landscape', certificates: batch.slice(0, 1) });
    await expectSameAsDocx({ mode: 'full', orientation: 'landscape', certificates: [{ ...batch[0], name: '\uE000', bodyText: '兹聘请\uE0001\uE001院士' }, batch[1]] });
  });

  it('escapes text as docx does and is what the registry packs', async () => {
    expect(escapeXmlText('a&b<c>"d\'e\u0001f')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;ef');
    const input: AppointmentCertificateInput = { mode: 'full', orientation: 'landscape', certificates: batch };
    expect(parts(await packDocumentBytes('appointmentCertificate', input))['word/document.xml']).toBe(parts(await packAppointmentCertificate(input))['word/document.xml']);
  });
});
