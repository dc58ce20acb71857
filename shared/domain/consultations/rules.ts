import type { PolicyProfile } from '../../policy/profile';
import { toRmbUppercase } from '../../format';
import type { ConsultationKind, ConsultationRound, ConsultationTopic } from './schema';

export type ConsultationRules = PolicyProfile['consultations'];

export type ConsultationRuleId = 'yearQuota' | 'interval' | 'fundingCap' | 'domainBlock';

/**
 * A rule the round or topic breaks, with its Chinese reason and seed clause. `overridable`
 * rules (quota, interval) give way to a 重大/特殊/紧急 flag with a reason (seed 002 第十条:
 * 科技厅视实际情况增加开展厅市会商); the funding cap and the domain block never do.
 */
export interface RuleViolation {
  rule: ConsultationRuleId;
  reason: string;
  overridable: boolean;
  /** Overridable and the round carries the exception with its reason: shown, not blocking. */
  overridden: boolean;
}

type Alive = { deletedAt?: string | null };
const alive = <T extends Alive>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);

/** Money compared in 分 so that 0.1 + 0.2 reaches a cap of 0.3 exactly. */
const cents = (yuan: number) => Math.round(yuan * 100);

export function hasException(round: Pick<ConsultationRound, 'exceptionKind' | 'exceptionReason'>): boolean {
  return !!round.exceptionKind && !!round.exceptionReason?.trim();
}

function violation(rule: ConsultationRuleId, reason: string, overridable: boolean, round?: Pick<ConsultationRound, 'exceptionKind' | 'exceptionReason'>): RuleViolation {
  const overridden = overridable && !!round && hasException(round);
  return { rule, reason: overridden ? `${reason}；已按${round!.exceptionKind}需求增加会商：${round!.exceptionReason!.trim()}` : reason, overridable, overridden };
}

type RoundKey = Pick<ConsultationRound, 'id' | 'city' | 'year' | 'kind' | 'exceptionKind' | 'exceptionReason'> & Alive;

/** seed 002 第十条: 每年遴选 1 个重点会商市、1—2 个一般会商市 (numbers from the profile). */
export function checkYearQuota(round: RoundKey, rounds: readonly RoundKey[], rules: ConsultationRules): RuleViolation | undefined {
  const others = alive(rounds).filter((r) => r.id !== round.id && r.year === round.year && r.kind === round.kind);
  const limit = round.kind === '重点会商' ? rules.keyCitiesPerYear : rules.generalCitiesPerYearMax;
  if (others.length + 1 <= limit) return undefined;
  const names = others.map((r) => r.city).join('、');
  return violation('yearQuota', `${round.year}年${round.kind}市最多 ${limit} 个，已有：${names || '无'}（第十条）`, true, round);
}

/**
 * seed 002 第十条: 原则上每隔三年才开展新一次厅市会商. The nearest other round of the city, either
 * side (a clerk may enter history out of order): a gap of exactly `intervalYears` is allowed.
 */
export function checkInterval(round: RoundKey, rounds: readonly RoundKey[], rules: ConsultationRules): RuleViolation | undefined {
  const sameCity = alive(rounds).filter((r) => r.id !== round.id && r.city === round.city);
  let nearest: RoundKey | undefined;
  for (const r of sameCity) if (!nearest || Math.abs(r.year - round.year) < Math.abs(nearest.year - round.year)) nearest = r;
  if (!nearest) return undefined;
  const gap = Math.abs(nearest.year - round.year);
  if (gap >= rules.intervalYears) return undefined;
  const when = gap === 0 ? `${round.year}年已有一轮会商` : `与${nearest.year}年的上一轮会商只相隔 ${gap} 年`;
  return violation('interval', `${round.city}${when}，原则上每隔 ${rules.intervalYears} 年才开展新一次会商（第十条）`, true, round);
}

export function fundingCapOf(kind: ConsultationKind, rules: ConsultationRules): number {
  return kind === '重点会商' ? rules.keyCityFundingCap : rules.generalCityFundingCap;
}

/** The round's project funds (alive topics), in yuan. */
export function fundingTotal(topics: readonly (Pick<ConsultationTopic, 'funding'> & Alive)[]): number {
  return alive(topics).reduce((sum, t) => sum + cents(t.funding), 0) / 100;
}

/** 12,000,000 → 1200万元 (for reasons and screens); fractions of 万 stay in yuan. */
export function formatWan(yuan: number): string {
  if (cents(yuan) % 1_000_000 === 0) return `${cents(yuan) / 1_000_000}万元`;
  const [int, frac] = (cents(yuan) / 100).toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}元`;
}

/** seed 002 第十八条: 重点会商市不超过2000万元、一般会商市不超过1000万元 — reaching the cap exactly is allowed. */
export function checkFundingCap(kind: ConsultationKind, topics: readonly (Pick<ConsultationTopic, 'funding'> & Alive)[], rules: ConsultationRules): RuleViolation | undefined {
  const cap = fundingCapOf(kind, rules);
  const total = fundingTotal(topics);
  if (cents(total) <= cents(cap)) return undefined;
  return violation('fundingCap', `议题项目资金合计 ${formatWan(total)}，超过${kind}市上限 ${formatWan(cap)}（${toRmbUppercase(cap)}）（第十八条）`, false);
}

export interface EarlierTopic {
  topic: Pick<ConsultationTopic, 'id' | 'domain' | 'title' | 'status'> & Alive;
  round: Pick<ConsultationRound, 'id' | 'city' | 'year'> & Alive;
}

/**
 * seed 002 第二十一条: 如果还有未完成的厅市会商项目，则在该项目所属领域不再安排新的会商议题.
 * Earlier rounds are the city's rounds of an earlier year; a finished (已完成) topic frees its domain.
 */
export function checkDomainBlock(
  topic: Pick<ConsultationTopic, 'domain'>,
  round: Pick<ConsultationRound, 'id' | 'city' | 'year'>,
  earlier: readonly EarlierTopic[],
): RuleViolation | undefined {
  const domain = topic.domain.trim();
  const open = earlier.filter(
    (e) => !e.topic.deletedAt && !e.round.deletedAt && e.round.id !== round.id && e.round.city === round.city && e.round.year < round.year && e.topic.domain.trim() === domain && e.topic.status !== '已完成',
  );
  if (open.length === 0) return undefined;
  const list = open.map((e) => `${e.round.year}年“${e.topic.title}”（${e.topic.status}）`).join('、');
  return violation('domainBlock', `${round.city}在“${domain}”领域还有未完成的会商议题：${list}，该领域不再安排新议题（第二十一条）`, false);
}

export interface RoundContext {
  /** Every round (any city, any year); the round itself may be among them. */
  rounds: readonly RoundKey[];
  /** The round's own topics. */
  topics: readonly (Pick<ConsultationTopic, 'id' | 'domain' | 'funding'> & Alive)[];
  /** Topics of the city's other rounds with their round. */
  earlierTopics: readonly EarlierTopic[];
}

/** Every rule the round breaks as it stands (the live list on screen), in a fixed order. */
export function roundViolations(round: RoundKey, context: RoundContext, rules: ConsultationRules): RuleViolation[] {
  const out: (RuleViolation | undefined)[] = [
    checkYearQuota(round, context.rounds, rules),
    checkInterval(round, context.rounds, rules),
    checkFundingCap(round.kind, context.topics, rules),
  ];
  const seen = new Set<string>();
  for (const t of alive(context.topics)) {
    const domain = t.domain.trim();
    if (seen.has(domain)) continue;
    seen.add(domain);
    out.push(checkDomainBlock(t, round, context.earlierTopics));
  }
  return out.filter((v): v is RuleViolation => v !== undefined);
}

/** The violations that refuse a write (overridden ones are shown but let it through). */
export function blocking(violations: readonly RuleViolation[]): RuleViolation[] {
  return violations.filter((v) => !v.overridden);
}

/** Same day `months` earlier or later; a day the target month lacks falls back to its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** seed 002 第十三条: 具体意见 于会商时间前两个月正式报科技厅 — the latest date, given the meeting date. */
export function opinionsDueDate(meetingDate: string, rules: ConsultationRules): string {
  return addMonths(meetingDate, -rules.opinionLeadMonths);
}

/**
 * Timing notes that do not refuse a save: the proposal outside Q1 (第十条) and the 具体意见
 * later than the lead before the meeting (第十三条).
 */
export function roundTimingWarnings(round: Pick<ConsultationRound, 'year' | 'stageDates'>, rules: ConsultationRules): string[] {
  const out: string[] = [];
  const proposal = round.stageDates.会商建议;
  if (proposal && proposal > `${round.year}-03-31`) out.push(`会商建议于 ${proposal} 提交，晚于第一季度（第十条）`);
  const meeting = round.stageDates.会议召开;
  const opinions = round.stageDates.具体意见报送;
  if (meeting && opinions) {
    const due = opinionsDueDate(meeting, rules);
    if (opinions > due) out.push(`具体意见于 ${opinions} 报送，应在会商会议前 ${rules.opinionLeadMonths} 个月即 ${due} 前报送（第十三条）`);
  }
  return out;
}
