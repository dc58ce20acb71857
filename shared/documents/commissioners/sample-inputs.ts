import { complianceForYear, serviceYears } from '../../domain/commissioners/compliance';
import { subsidiesDue } from '../../domain/commissioners/assessment';
import { provincialDutyKinds, type CommissionerAssessment, type ServiceLog } from '../../domain/commissioners/schema';
import { defaultOrganisation } from '../../domain/settings/schema';
import { guangxiPreset } from '../../policy/profile';
import type { CooperationAgreementInput } from './cooperation-agreement';
import type { ServiceSummaryInput } from './service-summary';
import type { SubsidyTableInput } from './subsidy-table';
import type { AssessmentListInput } from './assessment-list';

/**
 * Sample inputs of the commissioner documents from the sample dataset (resources/sample-data).
 * Tolerant like the advisor samples: missing tables or fields fall back to fictional stand-ins,
 * so every document stays buildable from the bare test fixture too.
 */
type Row = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const date = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

function rows(dataset: Record<string, unknown>, table: string): Row[] {
  const value = dataset[table];
  return Array.isArray(value) ? value.filter((r): r is Row => !!r && typeof r === 'object') : [];
}
const byId = (list: Row[], id: unknown) => list.find((r) => r.id === id);

/** Provincial agreement of the sample dataset, preferring a team's (it shows the members). */
function sampleAgreement(dataset: Record<string, unknown>, pick: (agreements: Row[]) => Row | undefined = (list) => list.find((r) => r.teamId)): CooperationAgreementInput {
  const agreements = rows(dataset, 'cooperationAgreements');
  const a = pick(agreements) ?? agreements[0] ?? {};
  const enterprise = byId(rows(dataset, 'hostEnterprises'), a.enterpriseId) ?? {};
  const people = rows(dataset, 'commissioners');
  const teamRow = a.teamId ? byId(rows(dataset, 'commissionerTeams'), a.teamId) : undefined;
  const person = !teamRow ? (byId(people, a.commissionerId) ?? people[0] ?? {}) : undefined;
  const rules = guangxiPreset.commissioners;
  const startDate = date(a.startDate) ?? '2025-03-01';
  const team = teamRow
    ? {
        name: str(teamRow.name) ?? '（特派团）',
        members: (Array.isArray(teamRow.memberIds) ? teamRow.memberIds : []).map((id) => {
          const m = byId(people, id) ?? {};
          return { name: str(m.name) ?? '（成员）', academicTitle: str(m.academicTitle), unit: str(m.dispatchUnit), isLeader: id === teamRow.leaderId };
        }),
      }
    : undefined;
  return {
    variant: 'provincial',
    agreementNumber: str(a.agreementNumber),
    enterprise: {
      name: str(enterprise.name) ?? '南宁示范食品科技有限公司',
      creditCode: str(enterprise.creditCode),
      legalRepresentative: str(enterprise.legalRepresentative) ?? str(enterprise.contactPerson),
      address: str(enterprise.address),
    },
    commissioner: person ? { name: str(person.name) ?? '蓝海波', academicTitle: str(person.academicTitle), idNumber: str(person.idNumber), mobile: str(person.mobile) } : undefined,
    team: team && team.members.length ? team : undefined,
    dispatchUnit: { name: str(a.dispatchUnit) ?? str(person?.dispatchUnit) ?? '广西示范大学' },
    duties: [...provincialDutyKinds],
    startDate,
    endDate: date(a.endDate) ?? `${Number(startDate.slice(0, 4)) + rules.servicePeriodYears}-02-28`,
    servicePeriodYears: rules.servicePeriodYears,
    minVisitsPerYear: rules.minVisitsPerYear,
    minServiceDaysPerYear: rules.minServiceDaysPerYear,
    subsidyPerYear: typeof a.subsidyPerYear === 'number' ? a.subsidyPerYear : rules.subsidyPerYear,
    excellentShareMax: rules.excellentShareMax,
    reportingCadence: rules.reportingCadence,
    renewable: rules.agreementRenewable,
    filingOffice: '自治区企业科技特派员工作专班办公室',
    signedDate: date(a.signedDate),
  };
}

/** Who the agreement's 乙方 is, by name, and the enterprise's name. */
function parties(dataset: Record<string, unknown>, a: Row) {
  const team = a.teamId ? byId(rows(dataset, 'commissionerTeams'), a.teamId) : undefined;
  const person = byId(rows(dataset, 'commissioners'), a.commissionerId);
  const enterprise = byId(rows(dataset, 'hostEnterprises'), a.enterpriseId);
  return {
    party: str(team?.name) ?? str(person?.name) ?? '（科技特派员）',
    isTeam: !!team,
    dispatchUnit: str(a.dispatchUnit) ?? str(person?.dispatchUnit),
    enterprise: str(enterprise?.name) ?? '（派驻企业）',
  };
}

/** The calendar year of the latest service log (or 2026). */
function reportYear(dataset: Record<string, unknown>): number {
  const dates = rows(dataset, 'serviceLogs').map((l) => date(l.date)).filter((d): d is string => !!d).sort();
  return dates.length ? Number(dates[dates.length - 1].slice(0, 4)) : 2026;
}

/** 服务情况汇总表: each agreement's service year ending in the report year, counted by compliance.ts. */
function sampleServiceSummary(dataset: Record<string, unknown>): ServiceSummaryInput {
  const rules = guangxiPreset.commissioners;
  const year = reportYear(dataset);
  const logs = rows(dataset, 'serviceLogs') as unknown as ServiceLog[];
  const summary = rows(dataset, 'cooperationAgreements').flatMap((a) => {
    const serviceYear = serviceYears({ startDate: date(a.startDate), endDate: date(a.endDate) }).find((y) => Number(y.end.slice(0, 4)) === year + 1 || Number(y.start.slice(0, 4)) === year);
    if (!serviceYear) return [];
    const c = complianceForYear(serviceYear, logs.filter((l) => l.agreementId === a.id), `${year}-12-31`, rules);
    const outcomes = logs.filter((l) => l.agreementId === a.id && l.outcomes && l.date >= serviceYear.start && l.date <= serviceYear.end).map((l) => l.outcomes);
    const p = parties(dataset, a);
    return [{ party: p.party, isTeam: p.isTeam, enterprise: p.enterprise, yearStart: serviceYear.start, yearEnd: serviceYear.end, visits: c.visits, days: c.days, outcomes: [...new Set(outcomes)].join('；'), state: c.state }];
  });
  return { year, minVisits: rules.minVisitsPerYear, minDays: rules.minServiceDaysPerYear, rows: summary, organisation: defaultOrganisation.department, generatedOn: `${year}-12-31` };
}

/** 补助发放表 of the latest assessed year: what subsidiesDue gives each agreement. */
function sampleSubsidyTable(dataset: Record<string, unknown>): SubsidyTableInput {
  const rules = guangxiPreset.commissioners;
  const assessments = rows(dataset, 'commissionerAssessments') as unknown as CommissionerAssessment[];
  const year = assessments.reduce((y, a) => Math.max(y, a.year), 0) || reportYear(dataset);
  const entries = rows(dataset, 'cooperationAgreements').flatMap((a) => {
    const assessment = assessments.find((x) => x.year === year && (a.teamId ? x.teamId === a.teamId : x.commissionerId === a.commissionerId));
    const p = parties(dataset, a);
    return subsidiesDue({ teamId: str(a.teamId), subsidyPerYear: typeof a.subsidyPerYear === 'number' ? a.subsidyPerYear : undefined }, assessment, rules).map((line) => ({
      payee: p.party,
      isTeam: p.isTeam,
      dispatchUnit: p.dispatchUnit,
      enterprise: p.enterprise,
      kind: line.kind,
      amount: line.amount,
      paidDate: `${year + 1}-01-15`,
    }));
  });
  return { year, entries, organisation: defaultOrganisation.department, generatedOn: `${year + 1}-01-15` };
}

/** 年度考核结果名单 of the latest assessed year: each agreement's subject with its grade. */
function sampleAssessmentList(dataset: Record<string, unknown>): AssessmentListInput {
  const assessments = rows(dataset, 'commissionerAssessments') as unknown as CommissionerAssessment[];
  const year = assessments.reduce((y, a) => Math.max(y, a.year), 0) || reportYear(dataset);
  const entries = rows(dataset, 'cooperationAgreements').flatMap((a) => {
    const assessment = assessments.find((x) => x.year === year && (a.teamId ? x.teamId === a.teamId : x.commissionerId === a.commissionerId));
    if (!assessment) return [];
    const p = parties(dataset, a);
    const result = assessment.tookPart === false ? ('未参加考核' as const) : (assessment.grade ?? '合格');
    return [{ party: p.party, isTeam: p.isTeam, dispatchUnit: p.dispatchUnit, enterprise: p.enterprise, result }];
  });
  return { year, entries, excellentShareMax: guangxiPreset.commissioners.excellentShareMax, organisation: defaultOrganisation.department, generatedOn: `${year + 1}-01-15` };
}

export function commissionerSampleInputs(dataset: Record<string, unknown>) {
  return {
    cooperationAgreement: sampleAgreement(dataset),
    // Three in one file: the team's, a single commissioner's, and the city variant of the latter.
    cooperationAgreementBatch: {
      scope: '示例',
      agreements: [
        sampleAgreement(dataset),
        sampleAgreement(dataset, (list) => list.find((r) => !r.teamId)),
        { ...sampleAgreement(dataset, (list) => list.filter((r) => !r.teamId)[1]), variant: 'city' as const, filingOffice: '南宁市科学技术局' },
      ],
    },
    serviceSummary: sampleServiceSummary(dataset),
    subsidyTable: sampleSubsidyTable(dataset),
    assessmentList: sampleAssessmentList(dataset),
  };
}
