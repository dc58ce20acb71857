import type { Document } from 'docx';
import { docxFileName } from '../file-name';
import { appointmentCertificateInputSchema, type AppointmentCertificateInput } from './certificate-input';
import { fullCertificatePage } from './certificate-full';
import { overlayCertificatePage } from './certificate-overlay';
import { packCertificatePages, type CertificatePage } from './certificate-page';
import { createSheetDocument } from './certificate-style';

export { appointmentCertificateInputSchema, type AppointmentCertificateInput } from './certificate-input';

function certificatePages(raw: AppointmentCertificateInput): { title: string; pages: CertificatePage[] } {
  const input = appointmentCertificateInputSchema.parse(raw);
  const pages = input.certificates.map((cert) =>
    input.mode === 'overlay' && input.overlay ? overlayCertificatePage(cert, input.orientation, input.overlay) : fullCertificatePage(cert, input.orientation),
  );
  const names = input.certificates.map((c) => c.name);
  return { title: names.length === 1 ? `聘书（${names[0]}）` : `聘书（${names.length}份）`, pages };
}

/**
 * 聘书 of 广西科技顾问, issued in the name of the 自治区人民政府 (seed 000 §三.(一)). A batch is
 * one file with one section — one page — per certificate, so the clerk prints the whole
 * ceremony's certificates at once: 'full' on plain A4, 'overlay' (套打) on pre-printed stock.
 */
export function buildAppointmentCertificate(raw: AppointmentCertificateInput): Document {
  const { title, pages } = certificatePages(raw);
  return createSheetDocument(title, pages.map((p) => p.section(p.texts)));
}

/** The same document as packing buildAppointmentCertificate, each page layout formatted once. */
export function packAppointmentCertificate(raw: AppointmentCertificateInput): Promise<Uint8Array> {
  const { title, pages } = certificatePages(raw);
  return packCertificatePages(title, pages);
}

export function appointmentCertificateFileName(input: AppointmentCertificateInput): string {
  const kind = input.mode === 'overlay' ? '聘书套打' : '聘书';
  const who = input.certificates.length === 1 ? input.certificates[0].name : `${input.certificates.length}份`;
  return docxFileName(`${kind}-${who}`);
}
