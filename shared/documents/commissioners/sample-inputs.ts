import { provincialDutyKinds } from '../../domain/commissioners/schema';
import { guangxiPreset } from '../../policy/profile';
import type { CooperationAgreementInput } from './cooperation-agreement';

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
function sampleAgreement(dataset: Record<string, unknown>): CooperationAgreementInput {
  const agreements = rows(dataset, 'cooperationAgreements');
  const a = agreements.find((r) => r.teamId) ?? agreements[0] ?? {};
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

export function commissionerSampleInputs(dataset: Record<string, unknown>) {
  return { cooperationAgreement: sampleAgreement(dataset) };
}
