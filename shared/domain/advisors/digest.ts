import type { AdvisorActivity, AdvisorEvaluation, AdvisorStipend, AdvisorSuggestion } from './schema';

/**
 * What the roster needs to know of an advisor's records — the year's figures and everything the
 * reminders test — in a few numbers per year (issue 9: counts and reminders come from small
 * per-record summaries kept up to date by the write path, not from reading every child table).
 * Pure and derived: the same records always give the same digest, so the digest stored by the
 * write path (renderer/src/db/advisorDigests.ts) can be checked against a recomputation.
 */
export interface AdvisorDigest {
  advisorId: string;
  /** By year ('2026'): activities and suggestions by their date, payments and evaluations by their year. */
  years: Record<string, AdvisorYearDigest>;
  /** Some evaluation has the 任期科技成果报告 received. */
  termReportReceived: boolean;
  /** Some evaluation has the 成效自评报告 received. */
  selfAssessmentReceived: boolean;
  /** Suggestions still 待反馈, oldest first: what the feedback reminder names. */
  awaitingFeedback: AwaitingFeedback[];
}

export interface AdvisorYearDigest {
  activities: number;
  /** 来桂座谈 / 拜访 (seed 000 §四(一): 1–2 a year). */
  meetings: number;
  suggestions: number;
  /** 已采纳 + 部分采纳. */
  adopted: number;
  awaitingFeedback: number;
  /** 聘金 with a 拨付日期: how many, their sum in 分 (an integer: the same in any order), how many lack their 备案 date. */
  payments: number;
  paidCents: number;
  unfiledPayments: number;
  /** An evaluation of the year has the service unit's 年度总结 received. */
  annualSummaryReceived: boolean;
}

export interface AwaitingFeedback {
  id: string;
  title: string;
  /** 报送日期, else 提出日期: the feedback clock starts here. */
  since: string;
}

/** The records a digest is computed from (tombstones may be included; they are ignored). */
export interface AdvisorRecords {
  activities: readonly AdvisorActivity[];
  suggestions: readonly AdvisorSuggestion[];
  stipends: readonly AdvisorStipend[];
  evaluations: readonly AdvisorEvaluation[];
}

/** seed 000 §四(一): leaders visit or invite the advisor 1–2 times a year. */
export const meetingForms: ReadonlySet<string> = new Set(['来桂座谈', '拜访']);

export function emptyDigest(advisorId: string): AdvisorDigest {
  return { advisorId, years: {}, termReportReceived: false, selfAssessmentReceived: false, awaitingFeedback: [] };
}

export function emptyYear(): AdvisorYearDigest {
  return { activities: 0, meetings: 0, suggestions: 0, adopted: 0, awaitingFeedback: 0, payments: 0, paidCents: 0, unfiledPayments: 0, annualSummaryReceived: false };
}

/** The digest's figures of `year` (all zero when nothing happened that year). */
export function digestYear(digest: AdvisorDigest, year: number): AdvisorYearDigest {
  return digest.years[String(year)] ?? emptyYear();
}

const alive = <T extends { deletedAt?: string | null }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);

export function digestOf(advisorId: string, records: AdvisorRecords): AdvisorDigest {
  const digest = emptyDigest(advisorId);
  const year = (y: string | number) => (digest.years[String(y)] ??= emptyYear());
  for (const a of alive(records.activities)) {
    const y = year(a.date.slice(0, 4));
    y.activities++;
    if (meetingForms.has(a.form)) y.meetings++;
  }
  for (const s of alive(records.suggestions)) {
    const y = year(s.date.slice(0, 4));
    y.suggestions++;
    if (s.feedbackStatus === '已采纳' || s.feedbackStatus === '部分采纳') y.adopted++;
    if (s.feedbackStatus === '待反馈') {
      y.awaitingFeedback++;
      digest.awaitingFeedback.push({ id: s.id, title: s.title, since: s.sentDate ?? s.date });
    }
  }
  for (const s of alive(records.stipends)) {
    if (!s.paidDate) continue;
    const y = year(s.year);
    y.payments++;
    y.paidCents += Math.round(s.amount * 100);
    if (!s.filedDate) y.unfiledPayments++;
  }
  for (const e of alive(records.evaluations)) {
    if (e.annualSummaryReceivedDate) year(e.year).annualSummaryReceived = true;
    if (e.termReportReceivedDate) digest.termReportReceived = true;
    if (e.selfAssessmentReceivedDate) digest.selfAssessmentReceived = true;
  }
  digest.awaitingFeedback.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return digest;
}
