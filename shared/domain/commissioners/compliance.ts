import { addDays, addYears, daysBetween, minDate } from './dates';
import { effectiveEndDate, type CommissionerRules, type RuleResult } from './rules';
import type { CooperationAgreement, ServiceLog } from './schema';

/** One service year of an agreement: anniversaries of the start, clipped to the period's end. */
export interface ServiceYear {
  index: number;
  start: string;
  end: string;
}

/** seed 001 §五(三) counts 每年 from the dispatch: year 1 runs from startDate to the day before its anniversary. */
export function serviceYears(a: Pick<CooperationAgreement, 'startDate' | 'endDate' | 'terminatedDate'>): ServiceYear[] {
  const end = effectiveEndDate(a);
  if (!a.startDate || !end) return [];
  const years: ServiceYear[] = [];
  for (let i = 0; ; i++) {
    const start = addYears(a.startDate, i);
    if (start > end) break;
    years.push({ index: i + 1, start, end: minDate(addDays(addYears(a.startDate, i + 1), -1), end) });
  }
  return years;
}

/** What compliance counts of a log (a stored log, or its fact: renderer serviceLogFacts). */
export type ComplianceLog = Pick<ServiceLog, 'date' | 'mode' | 'days'> & { deletedAt?: string | null };

export type ComplianceState = '达标' | '进行中' | '进度落后' | '未达标' | '未开始';

export interface Compliance {
  year: ServiceYear;
  /** 到派驻企业: distinct dates with on-site (线下) service. */
  visits: number;
  /** 累计服务天数, on-site and online. */
  days: number;
  minVisits: number;
  minDays: number;
  state: ComplianceState;
  /** Chinese explanation of a 进度落后/未达标 state. */
  messages: string[];
}

/**
 * seed 001 §五(三): 每年到派驻企业不少于5次 … 累计服务天数30天以上 (minimums from the profile).
 * On `today` inside the year, the pace warning fires when the visits or days still missing
 * cannot be reached by the year's end at the rate kept so far, or not at all in the days left.
 */
export function complianceForYear(year: ServiceYear, logs: readonly ComplianceLog[], today: string, rules: CommissionerRules): Compliance {
  const { visits, days } = summariseServiceYear(year, logs.filter((l) => l.date <= today));
  return complianceFromTotals(year, { visits, days }, today, rules);
}

/**
 * What a service year's logs add up to: visits (distinct 线下 dates), days, entries and the first
 * and last dates. Kept per (agreement, service year) by the renderer's write path (local
 * serviceYearSummaries), so 履职监测 reads one small row per agreement instead of its logs.
 */
export interface ServiceYearTotals {
  visits: number;
  days: number;
  entries: number;
  /** Dates of the first and last live log in the year; null without logs. */
  firstDate: string | null;
  lastDate: string | null;
}

export function summariseServiceYear(year: Pick<ServiceYear, 'start' | 'end'>, logs: readonly ComplianceLog[]): ServiceYearTotals {
  const visitDates = new Set<string>();
  let days = 0;
  let entries = 0;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const l of logs) {
    if (l.deletedAt || l.date < year.start || l.date > year.end) continue;
    if (l.mode === '线下') visitDates.add(l.date);
    days += l.days;
    entries++;
    if (firstDate === null || l.date < firstDate) firstDate = l.date;
    if (lastDate === null || l.date > lastDate) lastDate = l.date;
  }
  // Half days add up in binary fractions exactly; rounding guards against other inputs.
  return { visits: visitDates.size, days: Math.round(days * 1000) / 1000, entries, firstDate, lastDate };
}

/** Compliance of a year from its totals (visits and days counted up to `today`). */
export function complianceFromTotals(year: ServiceYear, { visits, days }: Pick<ServiceYearTotals, 'visits' | 'days'>, today: string, rules: CommissionerRules): Compliance {
  const minVisits = rules.minVisitsPerYear;
  const minDays = rules.minServiceDaysPerYear;
  const base = { year, visits, days, minVisits, minDays };
  const met = visits >= minVisits && days >= minDays;
  if (met) return { ...base, state: '达标', messages: [] };
  const shortfall = [
    visits < minVisits ? `到企业服务 ${visits} 次，少于 ${minVisits} 次` : undefined,
    days < minDays ? `累计服务 ${days} 天，少于 ${minDays} 天` : undefined,
  ].filter((m): m is string => !!m);
  if (today < year.start) return { ...base, state: '未开始', messages: [] };
  if (today > year.end) return { ...base, state: '未达标', messages: shortfall };

  const elapsed = daysBetween(year.start, today) + 1;
  const left = daysBetween(today, year.end); // days after today
  const total = elapsed + left;
  const pace: string[] = [];
  // Each date gives at most one visit and one day, so what is missing must fit in the days left.
  const check = (have: number, need: number, unit: string, label: string) => {
    if (have >= need) return;
    if (need - have > left) pace.push(`${label}还差 ${need - have} ${unit}，本服务年度只剩 ${left} 天，已无法达到`);
    else if ((have / elapsed) * total < need) pace.push(`${label}按目前进度（${have} ${unit}/${elapsed} 天）到 ${year.end} 约为 ${Math.floor((have / elapsed) * total * 10) / 10} ${unit}，达不到 ${need} ${unit}`);
  };
  check(visits, minVisits, '次', '到企业服务');
  check(days, minDays, '天', '累计服务');
  return pace.length ? { ...base, state: '进度落后', messages: pace } : { ...base, state: '进行中', messages: [] };
}

/** Compliance for the service year containing `today` (or the last one, once the period is over). */
export function currentCompliance(a: CooperationAgreement, logs: readonly ServiceLog[], today: string, rules: CommissionerRules): Compliance | undefined {
  const years = serviceYears(a);
  const year = years.find((y) => y.start <= today && today <= y.end) ?? (years.length && today > years[years.length - 1].end ? years[years.length - 1] : undefined);
  return year ? complianceForYear(year, logs.filter((l) => l.agreementId === a.id), today, rules) : undefined;
}

/**
 * A log entry is refused when its agreement is not in force on that date, when it is dated in
 * the future, or when the same person would log more than one day on that date.
 */
export function checkServiceLog(log: ServiceLog, agreement: CooperationAgreement, existing: readonly ServiceLog[], today: string): RuleResult {
  if (agreement.status === '草拟') return refuse('协议尚未生效，不能登记服务日志');
  if (log.enterpriseId !== agreement.enterpriseId) return refuse('服务企业与协议的派驻企业不一致');
  const end = effectiveEndDate(agreement);
  if (!agreement.startDate || !end) return refuse('协议未填写服务期');
  if (log.date < agreement.startDate || log.date > end) return refuse(`服务日期 ${log.date} 不在服务期 ${agreement.startDate} 至 ${end} 内`);
  if (log.date > today) return refuse('服务日期不能晚于今天');
  const sameDay = existing
    .filter((e) => !e.deletedAt && e.id !== log.id && e.commissionerId === log.commissionerId && e.date === log.date)
    .reduce((sum, e) => sum + e.days, 0);
  if (sameDay + log.days > 1) return refuse(`${log.date} 已登记 ${sameDay} 天，同一日期合计不能超过 1 天`);
  return { ok: true, warnings: [] };
}

const refuse = (reason: string): RuleResult => ({ ok: false, reason });
