import type { Document } from 'docx';
import { docxFileName } from '../file-name';
import { appointmentCertificateInputSchema, type AppointmentCertificateInput } from './certificate-input';
import { fullCertificateSection } from './certificate-full';
import { overlayCertificateSection } from './certificate-overlay';
import { createSheetDocument } from './certificate-style';

export { appointmentCertificateInputSchema, type AppointmentCertificateInput } from './certificate-input';

/**
 * 聘书 of 广西科技顾问, issued in the name of the 自治区人民政府 (seed 000 §三.(一)). A batch is
 * one file with one section — one page — per certificate, so the clerk prints the whole
 * ceremony's certificates at once: 'full' on plain A4, 'overlay' (套打) on pre-printed stock.
 */
export function buildAppointmentCertificate(raw: AppointmentCertificateInput): Document {
  const input = appointmentCertificateInputSchema.parse(raw);
  const sections = input.certificates.map((cert) =>
    input.mode === 'overlay' && input.overlay
      ? overlayCertificateSection(cert, input.orientation, input.overlay)
      : fullCertificateSection(cert, input.orientation),
  );
  const names = input.certificates.map((c) => c.name);
  return createSheetDocument(names.length === 1 ? `聘书（${names[0]}）` : `聘书（${names.length}份）`, sections);
}

export function appointmentCertificateFileName(input: AppointmentCertificateInput): string {
  const kind = input.mode === 'overlay' ? '聘书套打' : '聘书';
  const who = input.certificates.length === 1 ? input.certificates[0].name : `${input.certificates.length}份`;
  return docxFileName(`${kind}-${who}`);
}
