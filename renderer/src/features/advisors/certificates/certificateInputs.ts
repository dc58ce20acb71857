import type { Advisor, AppointmentCertificate } from '../../../../../shared/domain/advisors/schema';
import { formatCertificateNumber } from '../../../../../shared/domain/advisors/certificateNumber';
import { activeOffset, fillCertificateWording, type CertificateSettings } from '../../../../../shared/domain/advisors/certificateSettings';
import type { OrganisationSettings } from '../../../../../shared/domain/settings/schema';
import type { AppointmentCertificateInput, CertificateRecord, OverlayField } from '../../../../../shared/documents/advisors/certificate-input';
import type { CalibrationSheetInput } from '../../../../../shared/documents/advisors/calibration-sheet';
import type { CertificateRegisterInput } from '../../../../../shared/documents/advisors/certificate-register';

/**
 * Pure mapping from the ledger (advisor + register row) and the settings to the 聘书 builder's
 * input. No I/O and no clock, so what a certificate says is checked by unit tests.
 */

/** The register row's part a certificate prints. */
export type PrintedRow = Pick<AppointmentCertificate, 'number' | 'issuedOn' | 'isReprint' | 'termStart' | 'termEnd'>;

export const documentMode = { 整页: 'full', 套打: 'overlay' } as const;

/** The body text for `advisor`, e.g. 兹聘请林若溪院士为广西科技顾问，聘期自二〇二六年七月一日至…。 */
export function certificateBodyText(advisor: Advisor, term: { termStart: string; termEnd: string }, settings: CertificateSettings): string {
  return fillCertificateWording(settings.wording, {
    name: advisor.name,
    honorific: advisor.honorific,
    homeInstitution: advisor.homeInstitution,
    serviceUnit: advisor.serviceUnit,
    termStart: term.termStart,
    termEnd: term.termEnd,
  });
}

/**
 * One certificate. A reprint (补打) reproduces the original: same number, the original issue
 * date and issuer; only the register knows it was printed again.
 */
export function certificateRecord(advisor: Advisor, row: PrintedRow, settings: CertificateSettings, organisation: OrganisationSettings): CertificateRecord {
  const original = row.isReprint && advisor.certificateIssuedOn ? advisor.certificateIssuedOn : row.issuedOn;
  return {
    number: row.number,
    name: advisor.name,
    bodyText: certificateBodyText(advisor, row, settings),
    // seed 000 §三(一): issued in the name of the 自治区人民政府; the advisor keeps the name it was issued under.
    issuer: advisor.issuer || organisation.government,
    issuedOn: original,
    isReprint: row.isReprint || undefined,
  };
}

/**
 * The 套打 layout: the field positions of the chosen orientation plus the chosen printer's
 * offset. The settings refuse a field that leaves the sheet, so nothing is moved here.
 */
export function overlayLayout(settings: CertificateSettings): { fields: OverlayField[]; offset: { dxMm: number; dyMm: number } } {
  return { fields: settings.overlayFields[settings.orientation], offset: activeOffset(settings) };
}

/** One file, one page per certificate (a ceremony's batch prints in one go). */
export function appointmentCertificateInput(
  items: { advisor: Advisor; row: PrintedRow }[],
  mode: AppointmentCertificate['mode'],
  settings: CertificateSettings,
  organisation: OrganisationSettings,
): AppointmentCertificateInput {
  const input: AppointmentCertificateInput = {
    mode: documentMode[mode],
    orientation: settings.orientation,
    certificates: items.map(({ advisor, row }) => certificateRecord(advisor, row, settings, organisation)),
  };
  if (mode === '套打') input.overlay = overlayLayout(settings);
  return input;
}

/**
 * 套打校准页 with the current layout and offset; the sample texts come from a made-up advisor
 * so the clerk sees how long the real lines run.
 */
export function calibrationSheetInput(settings: CertificateSettings, organisation: OrganisationSettings, issuedOn: string): CalibrationSheetInput {
  const row = { number: formatSampleNumber(settings, issuedOn), issuedOn, isReprint: false, termStart: sampleAdvisor.termStart!, termEnd: sampleAdvisor.termEnd! };
  return { orientation: settings.orientation, overlay: overlayLayout(settings), sample: certificateRecord(sampleAdvisor, row, settings, organisation) };
}

function formatSampleNumber(settings: CertificateSettings, issuedOn: string): string {
  return formatCertificateNumber(settings.numberPattern, Number(issuedOn.slice(0, 4)), 1);
}

/** A made-up advisor for the wording preview in 设置 and for the calibration sheet. */
export const sampleAdvisor: Advisor = {
  id: '00000000-0000-4000-8000-000000000000',
  name: '张三',
  honorific: '中国科学院院士',
  homeInstitution: '某某大学',
  serviceUnit: '某某研究院',
  status: '已审定',
  termStart: '2026-07-01',
  termEnd: '2029-06-30',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** 聘书发放登记簿: the rows on screen, in their order, with the office that keeps it. */
export function registerReportInput(
  entries: (Pick<AppointmentCertificate, 'number' | 'issuedOn' | 'termStart' | 'termEnd' | 'isReprint' | 'notes'> & {
    advisorName: string;
    honorific: string;
    homeInstitution?: string;
    isDuplicate?: boolean;
  })[],
  organisation: OrganisationSettings,
  generatedOn: string,
): CertificateRegisterInput {
  return {
    entries: entries.map((e) => ({
      number: e.number,
      name: e.advisorName,
      honorific: e.honorific,
      homeInstitution: e.homeInstitution || undefined,
      termStart: e.termStart,
      termEnd: e.termEnd,
      issuedOn: e.issuedOn,
      isReprint: e.isReprint,
      // A duplicate must be visible on paper too, or the printed register hides the problem.
      notes: [e.isDuplicate ? '编号重复，待核对' : '', e.notes ?? ''].filter(Boolean).join('；') || undefined,
    })),
    organisation: organisation.committeeOffice,
    generatedOn,
  };
}
