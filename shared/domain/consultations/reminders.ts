import { addDays } from '../commissioners/dates';
import type { ConsultationRules } from './rules';
import { opinionsDueDate } from './rules';
import type { ConsultationAnnualReport, ConsultationProgress, ConsultationRound, ConsultationTopic } from './schema';

export type ReminderSeverity = 'info' | 'warning' | 'overdue';

export interface ConsultationReminder {
  /** Stable key, e.g. `quarter:<roundId>:2026Q4`, so a list can be diffed and tested. */
  key: string;
  roundId: string;
  kind: 'quarterlyProgress' | 'annualReport' | 'opinions';
  severity: ReminderSeverity;
  message: string;
  dueDate: string;
  /** For a quarter: the topics not yet reported. */
  topicIds?: string[];
}

export interface RoundFile {
  round: ConsultationRound;
  topics: readonly ConsultationTopic[];
  progress: readonly ConsultationProgress[];
  annualReports: readonly ConsultationAnnualReport[];
}

export interface Quarter {
  year: number;
  quarter: number;
}

export const quarterStart = ({ year, quarter }: Quarter) => `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
export const quarterEnd = ({ year, quarter }: Quarter) => addDays(quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, -1);
export const quarterOf = (date: string): Quarter => ({ year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 });
export const nextQuarter = ({ year, quarter }: Quarter): Quarter => (quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 });
export const quarterLabel = ({ year, quarter }: Quarter) => `${year}年第${'一二三四'[quarter - 1]}季度`;

/** Where the ledger starts: 实施 when recorded, else the signing date (seed 002 第十九条 follows the signing). */
export function implementationStart(round: Pick<ConsultationRound, 'stageDates'>): string | undefined {
  return round.stageDates.实施 ?? round.stageDates.签署;
}

/** Ended quarters from the implementation start up to `today` (the quarter running today is not due yet). */
export function endedQuarters(start: string, today: string): Quarter[] {
  const out: Quarter[] = [];
  for (let q = quarterOf(start); quarterEnd(q) < today; q = nextQuarter(q)) out.push(q);
  return out;
}

/** A topic is followed in a quarter unless it was finished before the quarter began. */
function isFollowedIn(topic: ConsultationTopic, q: Quarter): boolean {
  if (topic.deletedAt) return false;
  if (topic.status !== '已完成') return true;
  return !!topic.completedDate && topic.completedDate >= quarterStart(q);
}

/**
 * What is due for one round on `today` (pure: same file, date and profile → same list):
 * - seed 002 第十三条: before signing, the 具体意见 due `opinionLeadMonths` before the meeting;
 * - 第十九条: after signing, each ended quarter's 推进情况台账 for every topic still followed
 *   (due `quarterlyReportDueDays` after the quarter; Q4 falls due in the next January), and the
 *   year's 落实情况 by `annualReportDueMonthDay`, announced `annualReportWarnDays` ahead.
 * A round with its 绩效评估 done is closed and owes nothing.
 */
export function roundReminders(file: RoundFile, today: string, rules: ConsultationRules): ConsultationReminder[] {
  const { round } = file;
  if (round.deletedAt || round.stageDates.绩效评估) return [];
  const out: ConsultationReminder[] = [];
  const start = implementationStart(round);
  if (!start) {
    const meeting = round.stageDates.会议召开;
    if (meeting && !round.stageDates.具体意见报送) {
      const due = opinionsDueDate(meeting, rules);
      const severity: ReminderSeverity = today > due ? 'overdue' : 'warning';
      out.push({ key: `opinions:${round.id}`, roundId: round.id, kind: 'opinions', severity, dueDate: due, message: `${round.city}市会商具体意见应于 ${due} 前以市人民政府名义报送${severity === 'overdue' ? '，已逾期' : ''}` });
    }
    return out;
  }

  for (const q of endedQuarters(start, today)) {
    const missing = file.topics.filter((t) => isFollowedIn(t, q) && !file.progress.some((p) => !p.deletedAt && p.topicId === t.id && p.year === q.year && p.quarter === q.quarter));
    if (missing.length === 0) continue;
    const due = addDays(quarterEnd(q), rules.quarterlyReportDueDays);
    const overdue = today > due;
    out.push({
      key: `quarter:${round.id}:${q.year}Q${q.quarter}`,
      roundId: round.id,
      kind: 'quarterlyProgress',
      severity: overdue ? 'overdue' : 'warning',
      dueDate: due,
      topicIds: missing.map((t) => t.id),
      message: `${round.city}市${quarterLabel(q)}推进情况台账未报（${missing.map((t) => `议题${t.seq}`).join('、')}），${overdue ? `应于 ${due} 前报送，已逾期` : `请于 ${due} 前报送`}`,
    });
  }

  const [mm, dd] = rules.annualReportDueMonthDay.split('-');
  for (let year = Number(start.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
    const due = `${year}-${mm}-${dd}`;
    if (start > due) continue; // signed after the deadline: that year owes no report
    if (file.annualReports.some((r) => !r.deletedAt && r.year === year && r.receivedDate)) continue;
    const overdue = today > due;
    if (!overdue && today < addDays(due, -rules.annualReportWarnDays)) continue;
    out.push({
      key: `annual:${round.id}:${year}`,
      roundId: round.id,
      kind: 'annualReport',
      severity: overdue ? 'overdue' : 'warning',
      dueDate: due,
      message: `${round.city}市${year}年度会商任务落实情况${overdue ? `应于 ${due} 前报送，已逾期` : `请于 ${due} 前报送`}`,
    });
  }
  return out;
}
