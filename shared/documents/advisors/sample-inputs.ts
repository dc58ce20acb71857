import { defaultOrganisation } from '../../domain/settings/schema';
import type { AdvisorLedgerReportInput } from './ledger-report';
import type { AppointmentCertificateInput } from './appointment-certificate';
import type { CalibrationSheetInput } from './calibration-sheet';
import type { CertificateRegisterInput } from './certificate-register';
import type { InvitationInput } from './invitation';
import type { SuggestionsCompilationInput } from './suggestions-compilation';
import type { AdvisorActivityRecord, AdvisorEvaluationRecord, AdvisorPlanRecord, AdvisorProfile, AdvisorStipendRecord, AdvisorSuggestionRecord } from './advisor-records';
import type { CertificateRecord } from './certificate-input';
import { defaultCertificateSettings, defaultOverlayFields, fillCertificateWording } from '../../domain/advisors/certificateSettings';

/**
 * Sample inputs of the advisor documents, built from the sample dataset (resources/sample-data).
 * Tolerant: a table may be missing or a field empty (the test fixture has one bare advisor);
 * then a fictional stand-in keeps every document buildable.
 */

type Row = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const date = (v: unknown): string | undefined => (isDate(v) ? v : undefined);

function rows(dataset: Record<string, unknown>, table: string): Row[] {
  const value = dataset[table];
  return Array.isArray(value) ? value.filter((r): r is Row => !!r && typeof r === 'object') : [];
}

const FICTIONAL_ADVISOR: Row = { id: 'sample', name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '已聘任', termStart: '2025-01-01', termEnd: '2027-12-31' };

function profile(r: Row): AdvisorProfile & { id: string } {
  const termStart = date(r.termStart);
  const termEnd = date(r.termEnd) ?? (termStart ? `${Number(termStart.slice(0, 4)) + 2}-12-31` : undefined);
  return {
    id: str(r.id) ?? '',
    name: str(r.name) ?? '（姓名）',
    honorific: str(r.honorific) ?? '院士',
    homeInstitution: str(r.homeInstitution) ?? '（所在单位）',
    field: str(r.field),
    serviceUnit: str(r.serviceUnit),
    serviceUnitLiaison: str(r.serviceUnitLiaison),
    serviceUnitLiaisonPhone: str(r.serviceUnitLiaisonPhone),
    competentDepartment: str(r.competentDepartment),
    termStart,
    termEnd,
    certificateNumber: str(r.certificateNumber),
  };
}

/** The appointed advisors (已聘任), or the first one, or a fictional one. */
function appointed(dataset: Record<string, unknown>): (AdvisorProfile & { id: string })[] {
  const all = rows(dataset, 'advisors');
  const chosen = all.filter((r) => r.status === '已聘任');
  return (chosen.length ? chosen : all.length ? all.slice(0, 1) : [FICTIONAL_ADVISOR]).map(profile);
}

/** The default wording of 设置 → 聘书, filled for the advisor (a missing term stays blank to write in). */
export function certificateWording(a: Pick<AdvisorProfile, 'name' | 'honorific' | 'homeInstitution' | 'serviceUnit' | 'termStart' | 'termEnd'>): string {
  const blank = '　　年　月　日';
  const wording = defaultCertificateSettings.wording.replace('{聘期开始}', a.termStart ? '{聘期开始}' : blank).replace('{聘期结束}', a.termEnd ? '{聘期结束}' : blank);
  return fillCertificateWording(wording, {
    name: a.name,
    honorific: a.honorific,
    homeInstitution: a.homeInstitution,
    serviceUnit: a.serviceUnit,
    // Only read for the placeholders replaced above when a term is missing.
    termStart: a.termStart ?? '2025-01-01',
    termEnd: a.termEnd ?? '2027-12-31',
  });
}

function certificates(dataset: Record<string, unknown>): (CertificateRecord & { advisor: AdvisorProfile })[] {
  const issued = rows(dataset, 'appointmentCertificates');
  return appointed(dataset).map((a, i) => {
    const record = issued.find((c) => c.advisorId === a.id);
    return {
      advisor: a,
      number: str(record?.number) ?? a.certificateNumber ?? `桂科顾聘〔${(a.termStart ?? '2025').slice(0, 4)}〕${i + 1}号`,
      name: a.name,
      bodyText: certificateWording(a),
      issuer: defaultOrganisation.government,
      issuedOn: date(record?.issuedOn) ?? a.termStart ?? '2025-01-08',
      isReprint: record?.isReprint === true,
    };
  });
}

function forAdvisor(dataset: Record<string, unknown>, table: string, id: string): Row[] {
  return rows(dataset, table).filter((r) => r.advisorId === id);
}

const yearOf = (d: string) => Number(d.slice(0, 4));

function suggestion(r: Row): AdvisorSuggestionRecord | undefined {
  const d = date(r.date);
  const title = str(r.title);
  const status = r.feedbackStatus;
  if (!d || !title || (status !== '待反馈' && status !== '已采纳' && status !== '部分采纳' && status !== '未采纳')) return undefined;
  const implementation = r.implementationStatus;
  return {
    date: d,
    title,
    content: str(r.content),
    sentTo: str(r.sentTo),
    sentDate: date(r.sentDate),
    feedbackStatus: status,
    feedbackDate: date(r.feedbackDate),
    feedbackNote: str(r.feedbackNote),
    implementationStatus: implementation === '待落实' || implementation === '落实中' || implementation === '已落实' ? implementation : undefined,
    implementationDate: date(r.implementationDate),
    implementationNote: str(r.implementationNote),
  };
}

/** The latest year with any activity or suggestion, else the current term's first year. */
function reportYear(dataset: Record<string, unknown>): number {
  const dates = [...rows(dataset, 'advisorActivities'), ...rows(dataset, 'advisorSuggestions')].map((r) => date(r.date)).filter(isDate);
  return dates.length ? Math.max(...dates.map(yearOf)) : 2026;
}

function ledgerReport(dataset: Record<string, unknown>, year: number): AdvisorLedgerReportInput {
  const a = appointed(dataset)[0];
  const inYear = (r: Row) => isDate(r.date) && yearOf(r.date) === year;
  const { id, ...advisor } = a;
  return {
    year,
    advisor,
    plans: forAdvisor(dataset, 'advisorPlans', id).filter((r) => (num(r.startYear) ?? 0) <= year && (num(r.endYear) ?? 0) >= year) as AdvisorPlanRecord[],
    activities: forAdvisor(dataset, 'advisorActivities', id).filter(inYear) as unknown as AdvisorActivityRecord[],
    suggestions: forAdvisor(dataset, 'advisorSuggestions', id).filter(inYear).map(suggestion).filter((s) => s !== undefined),
    stipends: forAdvisor(dataset, 'advisorStipends', id).filter((r) => (num(r.year) ?? 0) <= year) as unknown as AdvisorStipendRecord[],
    evaluations: forAdvisor(dataset, 'advisorEvaluations', id).filter((r) => (num(r.year) ?? 0) <= year) as unknown as AdvisorEvaluationRecord[],
    organisation: defaultOrganisation.committeeOffice,
    generatedOn: `${year}-12-28`,
  };
}

export function advisorSampleInputs(dataset: Record<string, unknown>) {
  const certs = certificates(dataset);
  const year = reportYear(dataset);
  const first = certs[0];
  const appointmentCertificate: AppointmentCertificateInput = {
    mode: 'full',
    orientation: 'landscape',
    certificates: certs.map(({ advisor: _advisor, ...c }) => c),
  };
  const calibrationSheet: CalibrationSheetInput = {
    orientation: 'landscape',
    overlay: { fields: defaultOverlayFields('landscape'), offset: { dxMm: 0, dyMm: 0 } },
    sample: { number: first.number, name: first.name, bodyText: first.bodyText, issuer: first.issuer, issuedOn: first.issuedOn },
  };
  const invitation: InvitationInput = {
    recipientName: first.advisor.name,
    honorific: first.advisor.honorific,
    purpose: '聘书颁发仪式',
    eventDate: first.issuedOn,
    location: '南宁市荔园山庄',
    agenda: ['上午9:00在会场签到', '上午9:30举行聘书颁发仪式，自治区领导为广西科技顾问颁发聘书', '下午与服务单位座谈，商定年度工作计划'],
    // The office sends the invitation (seed 000 §七.(一).2), so its own clerk is the contact.
    contactPerson: '李文静',
    contactPhone: '0771-5550100',
    issuingOrganisation: defaultOrganisation.committeeOffice,
    issuedOn: addDays(first.issuedOn, -20),
  };
  const suggestionsCompilation: SuggestionsCompilationInput = {
    year,
    advisors: rows(dataset, 'advisors').map((r) => {
      const p = profile(r);
      return {
        name: p.name,
        honorific: p.honorific,
        homeInstitution: p.homeInstitution,
        suggestions: forAdvisor(dataset, 'advisorSuggestions', p.id).filter((s) => isDate(s.date) && yearOf(s.date) === year).map(suggestion).filter((s) => s !== undefined),
        activities: forAdvisor(dataset, 'advisorActivities', p.id).filter((w) => isDate(w.date) && yearOf(w.date) === year) as unknown as AdvisorActivityRecord[],
      };
    }),
    organisation: defaultOrganisation.committeeOffice,
    compiledOn: `${year}-12-25`,
  };
  const certificateRegister: CertificateRegisterInput = {
    entries: certs.map((c) => ({
      number: c.number,
      name: c.name,
      honorific: c.advisor.honorific,
      homeInstitution: c.advisor.homeInstitution,
      termStart: c.advisor.termStart ?? c.issuedOn,
      termEnd: c.advisor.termEnd ?? c.issuedOn,
      issuedOn: c.issuedOn,
      isReprint: c.isReprint,
    })),
    organisation: defaultOrganisation.committeeOffice,
    generatedOn: `${year}-12-28`,
  };
  return {
    appointmentCertificate,
    calibrationSheet,
    invitation,
    advisorLedgerReport: ledgerReport(dataset, year),
    suggestionsCompilation,
    certificateRegister,
  };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
