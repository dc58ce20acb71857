import type { CooperationAgreementInput } from '../../../../shared/documents/commissioners/cooperation-agreement';
import type { SubsidyTableInput } from '../../../../shared/documents/commissioners/subsidy-table';
import type { AssessmentListInput } from '../../../../shared/documents/commissioners/assessment-list';
import { cityDutyKinds, provincialDutyKinds, type CommissionerAssessment, type CommissionerSubsidy, type CooperationAgreement } from '../../../../shared/domain/commissioners/schema';
import type { CommissionerRules } from '../../../../shared/domain/commissioners/rules';
import type { AgreementWording } from '../../../../shared/domain/commissioners/agreementWording';
import type { OrganisationSettings } from '../../../../shared/domain/settings/schema';
import { partyName, type CommissionerLookups } from './useCommissioners';

/** 工作专班办公室 (seed 001 §七) files provincial agreements; the city's 科学技术局 its own. */
export function filingOffice(variant: 'provincial' | 'city', organisation: OrganisationSettings): string {
  return variant === 'provincial' ? '自治区企业科技特派员工作专班办公室' : organisation.department;
}

/**
 * 合作协议书 of one dispatch: the three parties from their records, the numbers from the
 * profile (the agreement's own 补助 when set), the duties of the variant.
 */
export function agreementDocumentInput(
  agreement: CooperationAgreement,
  lookups: CommissionerLookups,
  rules: CommissionerRules,
  variant: 'provincial' | 'city',
  organisation: OrganisationSettings,
  wording: AgreementWording,
): CooperationAgreementInput {
  const enterprise = lookups.enterpriseById.get(agreement.enterpriseId);
  if (!enterprise) throw new Error('派驻企业记录不存在或已删除，无法生成协议书');
  if (!agreement.startDate || !agreement.endDate) throw new Error('请先填写服务期起止日期，再生成协议书');
  const team = agreement.teamId ? lookups.teamById.get(agreement.teamId) : undefined;
  const person = agreement.commissionerId ? lookups.personById.get(agreement.commissionerId) : undefined;
  if (!team && !person) throw new Error('乙方（科技特派员或特派团）记录不存在或已删除，无法生成协议书');
  const unitName = agreement.dispatchUnit || person?.dispatchUnit || team?.dispatchUnit;
  if (!unitName) throw new Error('请填写派出单位（丙方），再生成协议书');
  const unit = [...lookups.unitById.values()].find((u) => u.name === unitName);
  return {
    variant,
    agreementNumber: agreement.agreementNumber,
    enterprise: { name: enterprise.name, creditCode: enterprise.creditCode, legalRepresentative: enterprise.legalRepresentative, address: enterprise.address },
    commissioner: person && !team ? { name: person.name, idNumber: person.idNumber, academicTitle: person.academicTitle, mobile: person.mobile } : undefined,
    team: team
      ? {
          name: team.name,
          members: team.memberIds.map((id) => {
            const m = lookups.personById.get(id);
            return { name: m?.name ?? '（成员）', academicTitle: m?.academicTitle, unit: m?.dispatchUnit, isLeader: id === team.leaderId };
          }),
        }
      : undefined,
    dispatchUnit: { name: unitName, address: unit?.address },
    duties: variant === 'provincial' ? [...provincialDutyKinds] : [...provincialDutyKinds, ...cityDutyKinds],
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    servicePeriodYears: rules.servicePeriodYears,
    minVisitsPerYear: rules.minVisitsPerYear,
    minServiceDaysPerYear: rules.minServiceDaysPerYear,
    subsidyPerYear: agreement.subsidyPerYear ?? rules.subsidyPerYear,
    excellentReward: rules.excellentReward,
    qualifiedReward: rules.qualifiedReward,
    excellentShareMax: rules.excellentShareMax,
    reportingCadence: rules.reportingCadence,
    renewable: rules.agreementRenewable,
    filingOffice: filingOffice(variant, organisation),
    signedDate: agreement.signedDate,
    // The clause text of 设置 → 合作协议书 (the variant's default until a clerk edits it).
    clauses: wording[variant],
  };
}

/** 补助发放表 of a year: the payments recorded, with who and where (a team counts as one). */
export function subsidyTableInput(
  year: number,
  payments: readonly { subsidy: CommissionerSubsidy; agreement: CooperationAgreement }[],
  lookups: CommissionerLookups,
  organisation: OrganisationSettings,
  today: string,
): SubsidyTableInput {
  return {
    year,
    entries: payments.map(({ subsidy, agreement }) => ({
      payee: subsidy.payee || partyName(agreement, lookups),
      isTeam: !!agreement.teamId,
      dispatchUnit: agreement.dispatchUnit,
      enterprise: lookups.enterpriseById.get(agreement.enterpriseId)?.name ?? '（派驻企业）',
      kind: subsidy.kind,
      amount: subsidy.amount,
      paidDate: subsidy.paidDate,
      notes: subsidy.notes,
    })),
    organisation: organisation.department,
    generatedOn: today,
  };
}

/** 年度考核结果名单: every subject of the year with a recorded assessment. */
export function assessmentListInput(
  year: number,
  subjects: readonly { agreement: CooperationAgreement; assessment?: CommissionerAssessment }[],
  lookups: CommissionerLookups,
  rules: CommissionerRules,
  organisation: OrganisationSettings,
  today: string,
): AssessmentListInput {
  return {
    year,
    entries: subjects
      .filter((s) => s.assessment)
      .map(({ agreement, assessment }) => ({
        party: partyName(agreement, lookups),
        isTeam: !!agreement.teamId,
        dispatchUnit: agreement.dispatchUnit,
        enterprise: lookups.enterpriseById.get(agreement.enterpriseId)?.name ?? '（派驻企业）',
        result: assessment!.tookPart ? (assessment!.grade ?? '合格') : '未参加考核',
        notes: assessment!.notes,
      })),
    excellentShareMax: rules.excellentShareMax,
    organisation: organisation.department,
    generatedOn: today,
  };
}
