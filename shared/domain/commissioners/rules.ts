import type { PolicyProfile } from '../../policy/profile';
import { addDays, addYears } from './dates';
import type { Commissioner, CommissionerTeam, CooperationAgreement, DispatchUnit } from './schema';

export type CommissionerRules = PolicyProfile['commissioners'];

/** A decision with its Chinese reason; warnings do not block. */
export type RuleResult = { ok: true; warnings: string[] } | { ok: false; reason: string };
const ok = (warnings: string[] = []): RuleResult => ({ ok: true, warnings });
const refuse = (reason: string): RuleResult => ({ ok: false, reason });

const alive = <T extends { deletedAt?: string | null }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);

const degreeRank = { 博士: 3, 硕士: 2, 学士: 1, 其他: 0 } as const;
const titleRank = { 正高级: 4, 副高级: 3, 中级: 2, 初级: 1, 无: 0 } as const;

export interface Eligibility {
  eligible: boolean;
  /** Why, in Chinese: the condition met, or every condition missed. */
  reasons: string[];
  /** Ineligible but dispatched anyway with a recorded justification. */
  overridden: boolean;
}

/**
 * 选派条件. Provincial (seed 001 §四(一)2): 区内高校、科研院所 在职, 博士学位 or 副高级以上职称.
 * City (seed 004 第十二条–第十三条(二)): 市内外 units incl. 企业 and 乡土人才, 硕士 or 中级（含）以上.
 * Degree and title are alternatives (“或”); the unit condition applies when the unit is known.
 */
export function checkEligibility(c: Pick<Commissioner, 'degree' | 'academicTitle' | 'eligibilityOverrideReason'>, unit: Pick<DispatchUnit, 'kind' | 'inRegion'> | undefined, rules: CommissionerRules): Eligibility {
  const problems: string[] = [];
  const met: string[] = [];
  const degreeOk = c.degree !== undefined && degreeRank[c.degree] >= degreeRank[rules.minDegree];
  const titleOk = c.academicTitle !== undefined && titleRank[c.academicTitle] >= titleRank[rules.minAcademicTitle];
  if (degreeOk) met.push(`具有${c.degree}学位（要求${rules.minDegree}及以上）`);
  else if (titleOk) met.push(`具有${c.academicTitle}职称（要求${rules.minAcademicTitle}及以上）`);
  else problems.push(`学位${c.degree ?? '未填写'}、职称${c.academicTitle ?? '未填写'}：须具有${rules.minDegree}及以上学位或${rules.minAcademicTitle}及以上职称`);
  if (unit) {
    if (!rules.eligibleUnitKinds.includes(unit.kind)) problems.push(`派出单位类型“${unit.kind}”不在选派范围（${rules.eligibleUnitKinds.join('、')}）`);
    else if (rules.eligibleUnitInRegionOnly && !unit.inRegion) problems.push('派出单位须为区内单位');
    else met.push(`派出单位类型“${unit.kind}”符合选派范围`);
  }
  const eligible = problems.length === 0;
  const overridden = !eligible && !!c.eligibilityOverrideReason?.trim();
  const reasons = eligible ? met : overridden ? [...problems, `已破格选派：${c.eligibilityOverrideReason!.trim()}`] : problems;
  return { eligible, reasons, overridden };
}

/** seed 001 §四(一)6: 科技特派团 人数3—5人 (sizes from the profile). */
export function checkTeamSize(team: Pick<CommissionerTeam, 'memberIds' | 'leaderId'>, rules: CommissionerRules): RuleResult {
  const n = new Set(team.memberIds).size;
  if (n < rules.teamSizeMin || n > rules.teamSizeMax) return refuse(`科技特派团应为 ${rules.teamSizeMin}—${rules.teamSizeMax} 人，当前 ${n} 人`);
  if (!team.leaderId) return refuse('请指定特派团团长');
  return ok();
}

/** A member may belong to one team only. */
export function checkTeamMembership(team: Pick<CommissionerTeam, 'id' | 'memberIds'>, teams: readonly CommissionerTeam[]): RuleResult {
  for (const other of alive(teams)) {
    if (other.id === team.id) continue;
    const shared = team.memberIds.find((m) => other.memberIds.includes(m));
    if (shared) return refuse(`成员已属于特派团“${other.name}”`);
  }
  return ok();
}

/** Service period end for a start date: N years less one day (seed 001 §六: 2 年; seed 004: 1 年). */
export function serviceEndDate(startDate: string, rules: CommissionerRules): string {
  return addDays(addYears(startDate, rules.servicePeriodYears), -1);
}

/** Last day the agreement is in force: its end, or the day before it was terminated. */
export function effectiveEndDate(a: Pick<CooperationAgreement, 'endDate' | 'terminatedDate'>): string | undefined {
  if (a.terminatedDate && (!a.endDate || a.terminatedDate <= a.endDate)) return addDays(a.terminatedDate, -1);
  return a.endDate;
}

/** In force on `today`: signed into 生效, started, not yet past its (effective) end. */
export function isActiveOn(a: CooperationAgreement, today: string): boolean {
  if (a.deletedAt || a.status !== '生效' || !a.startDate) return false;
  const end = effectiveEndDate(a);
  return a.startDate <= today && (!end || today <= end);
}

const overlaps = (a: CooperationAgreement, b: CooperationAgreement) => {
  const aEnd = effectiveEndDate(a) ?? '9999-12-31';
  const bEnd = effectiveEndDate(b) ?? '9999-12-31';
  return (a.startDate ?? '0000-01-01') <= bEnd && (b.startDate ?? '0000-01-01') <= aEnd;
};

/**
 * seed 001 §六: 一家企业派驻一位科技特派员或一个科技特派团. A new or edited 生效 agreement is
 * refused when another 生效 agreement for the same enterprise overlaps its service period.
 */
export function checkOneDispatchPerEnterprise(candidate: CooperationAgreement, agreements: readonly CooperationAgreement[]): RuleResult {
  if (candidate.status !== '生效') return ok();
  const clash = alive(agreements).find((a) => a.id !== candidate.id && a.enterpriseId === candidate.enterpriseId && a.status === '生效' && overlaps(a, candidate));
  if (clash) {
    return refuse(`该企业已有生效的派驻协议${clash.agreementNumber ? `（${clash.agreementNumber}）` : ''}，服务期 ${clash.startDate ?? '?'} 至 ${effectiveEndDate(clash) ?? '?'}；一家企业只能派驻一位科技特派员或一个特派团`);
  }
  return ok();
}

/** Service period of a new agreement must match the profile's term (seed 001 §六 / 004 第十四条(五)). */
export function checkServicePeriod(a: Pick<CooperationAgreement, 'startDate' | 'endDate'>, rules: CommissionerRules): RuleResult {
  if (!a.startDate || !a.endDate) return refuse('请填写服务期起止日期');
  const expected = serviceEndDate(a.startDate, rules);
  if (a.endDate > expected) return refuse(`服务期为 ${rules.servicePeriodYears} 年，结束日期不能晚于 ${expected}`);
  if (a.endDate < expected) return ok([`服务期短于 ${rules.servicePeriodYears} 年（应至 ${expected}）`]);
  return ok();
}

/**
 * seed 004 第十四条(五): 协议有效期一般为一年，到期后视情况续签. Renewal continues the day after
 * the old period ends; the provincial profile re-dispatches through the procedure instead.
 */
export function checkRenewal(previous: CooperationAgreement, today: string, rules: CommissionerRules): RuleResult & { startDate?: string; endDate?: string } {
  if (!rules.agreementRenewable) return refuse(`当前政策配置不设续签：服务期满后须重新选派（服务周期 ${rules.servicePeriodYears} 年）`);
  if (previous.status === '终止') return refuse('已终止的协议不能续签');
  if (previous.status === '草拟' || !previous.endDate) return refuse('协议尚未生效，不能续签');
  const startDate = addDays(previous.endDate, 1);
  if (today > startDate) return { ...ok([`原协议已于 ${previous.endDate} 期满，续签将从 ${startDate} 起算`]), startDate, endDate: serviceEndDate(startDate, rules) };
  return { ...ok(), startDate, endDate: serviceEndDate(startDate, rules) };
}
