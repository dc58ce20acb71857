import type { CommissionerRules, RuleResult } from './rules';
import type { CommissionerAssessment, CooperationAgreement, CommissionerSubsidy, SubsidyKind } from './schema';

const alive = <T extends { deletedAt?: string | null }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);
const subjectKey = (a: Pick<CommissionerAssessment, 'commissionerId' | 'teamId'>) => (a.teamId ? `team:${a.teamId}` : `person:${a.commissionerId}`);

/**
 * seed 004 第十七条第二款 (and seed 001 管理考核): 优秀等次名额比例不超过年度考核总人数的20%. The quota rounds down; the
 * epsilon keeps 0.29 × 100 (28.999…96 in floating point) at 29.
 */
export function excellentQuota(assessedCount: number, rules: CommissionerRules): number {
  return Math.floor(rules.excellentShareMax * assessedCount + 1e-9);
}

export interface QuotaState {
  assessed: number;
  quota: number;
  excellent: number;
  remaining: number;
}

/**
 * The year's 优秀 quota as the form shows it, counting the record being edited as `candidate`.
 * Grades are entered one by one, so the count assessed is the year's roster (commissioners and
 * teams in service that year, `rosterSize`) less those recorded as not taking part — or the
 * records themselves when more have been entered than the roster knows.
 */
export function quotaState(year: number, assessments: readonly CommissionerAssessment[], rules: CommissionerRules, candidate?: CommissionerAssessment, rosterSize = 0): QuotaState {
  const rows = alive(assessments).filter((a) => a.year === year && a.id !== candidate?.id);
  if (candidate) rows.push(candidate);
  const tookPart = rows.filter((a) => a.tookPart).length;
  const absent = rows.length - tookPart;
  const assessed = Math.max(tookPart, rosterSize - absent);
  const excellent = rows.filter((a) => a.tookPart && a.grade === '优秀').length;
  const quota = excellentQuota(assessed, rules);
  return { assessed, quota, excellent, remaining: quota - excellent };
}

/** Refuses a second assessment of the same subject in a year and an 优秀 over the quota (see quotaState). */
export function checkAssessment(candidate: CommissionerAssessment, assessments: readonly CommissionerAssessment[], rules: CommissionerRules, rosterSize = 0): RuleResult {
  const twin = alive(assessments).find((a) => a.id !== candidate.id && a.year === candidate.year && subjectKey(a) === subjectKey(candidate));
  if (twin) return { ok: false, reason: `${candidate.year} 年度已有该考核对象的考核记录` };
  if (candidate.grade !== '优秀') return { ok: true, warnings: [] };
  const state = quotaState(candidate.year, assessments, rules, candidate, rosterSize);
  if (state.excellent > state.quota) {
    return { ok: false, reason: `优秀名额已满：${candidate.year} 年度考核 ${state.assessed} 人，优秀不超过 ${Math.round(rules.excellentShareMax * 100)}%，即 ${state.quota} 名` };
  }
  return { ok: true, warnings: [] };
}

/**
 * seed 004 第十七条第二款 / 第十六条(一): 不合格 or 无故不参加考核 in `year` blocks the application for
 * `year + 1`. Returns the reason, or undefined when nothing blocks.
 */
export function applicationBlock(subject: Pick<CommissionerAssessment, 'commissionerId' | 'teamId'>, applicationYear: number, assessments: readonly CommissionerAssessment[]): string | undefined {
  const last = alive(assessments).find((a) => a.year === applicationYear - 1 && subjectKey(a) === subjectKey(subject));
  if (!last) return undefined;
  if (!last.tookPart) return `${last.year} 年度无故未参加考核，不能申报 ${applicationYear} 年度科技特派员`;
  if (last.grade === '不合格') return `${last.year} 年度考核不合格，不能申报 ${applicationYear} 年度科技特派员`;
  return undefined;
}

export interface SubsidyLine {
  kind: SubsidyKind;
  amount: number;
  basis: string;
}

/**
 * What an agreement earns for `year`. seed 001 §五(一)1: 每年每人1万元, 派出科技特派团的按1人计 —
 * so one 工作补助 per agreement whether a person or a team. seed 004 第十九条: after the
 * assessment a reward graded 优秀/合格 (amounts from the profile; 0 means none).
 */
export function subsidiesDue(agreement: Pick<CooperationAgreement, 'teamId' | 'subsidyPerYear'>, assessment: CommissionerAssessment | undefined, rules: CommissionerRules): SubsidyLine[] {
  const lines: SubsidyLine[] = [];
  const base = agreement.subsidyPerYear ?? rules.subsidyPerYear;
  if (base > 0) lines.push({ kind: '工作补助', amount: base, basis: agreement.teamId ? '科技特派团按 1 人计' : '每人每年' });
  if (assessment?.tookPart && assessment.grade === '优秀' && rules.excellentReward > 0) lines.push({ kind: '考核奖励', amount: rules.excellentReward, basis: '年度考核优秀' });
  if (assessment?.tookPart && assessment.grade === '合格' && rules.qualifiedReward > 0) lines.push({ kind: '考核奖励', amount: rules.qualifiedReward, basis: '年度考核合格' });
  return lines;
}

/** Due lines not yet paid (a paid record of the same kind and year settles a line). */
export function unpaidSubsidies(agreementId: string, year: number, due: readonly SubsidyLine[], paid: readonly CommissionerSubsidy[]): SubsidyLine[] {
  const settled = new Set(alive(paid).filter((p) => p.agreementId === agreementId && p.year === year && p.paidDate).map((p) => p.kind));
  return due.filter((d) => !settled.has(d.kind));
}
