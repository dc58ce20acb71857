import type { PolicyProfile } from '../../policy/profile';
import type { Advisor, AdvisorActivity, AdvisorEvaluation, AdvisorStipend, AdvisorSuggestion } from './schema';
import { digestOf, digestYear, type AdvisorDigest } from './digest';

export type ReminderSeverity = 'info' | 'warning' | 'overdue';

export interface Reminder {
  /** Stable key, e.g. `stipend-unpaid:<advisorId>:2026`, so a list can be diffed and dismissed. */
  key: string;
  advisorId: string;
  kind: 'noVisit' | 'annualSummary' | 'termEndReports' | 'stipendUnpaid' | 'stipendUnfiled' | 'suggestionFeedback' | 'termEnding' | 'termExpired';
  severity: ReminderSeverity;
  /** Chinese sentence for the clerk. */
  message: string;
  dueDate?: string;
}

/** Everything the rules need about one advisor; records may include tombstones (ignored). */
export interface AdvisorFile {
  advisor: Advisor;
  activities: AdvisorActivity[];
  suggestions: AdvisorSuggestion[];
  stipends: AdvisorStipend[];
  evaluations: AdvisorEvaluation[];
}

type AdvisorRules = PolicyProfile['advisors'];

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What is due for one appointed advisor on `today` (YYYY-MM-DD). Pure: the same file, date and
 * profile always give the same reminders, so every boundary is a one-line test.
 */
export function advisorReminders(file: AdvisorFile, today: string, rules: AdvisorRules): Reminder[] {
  return remindersFromDigest(file.advisor, digestOf(file.advisor.id, file), today, rules);
}

/**
 * The same reminders from the advisor and the digest of its records (shared/domain/advisors/
 * digest.ts) — what the roster keeps per advisor, so a page of reminders reads no child table.
 * This is the one definition of the rules; advisorReminders digests the file first.
 */
export function remindersFromDigest(advisor: Advisor, digest: AdvisorDigest, today: string, rules: AdvisorRules): Reminder[] {
  if (advisor.deletedAt || advisor.status !== '已聘任') return [];
  const id = advisor.id;
  const year = Number(today.slice(0, 4));
  const reminders: Reminder[] = [];
  const inTerm = (y: number) => (!advisor.termStart || Number(advisor.termStart.slice(0, 4)) <= y) && (!advisor.termEnd || Number(advisor.termEnd.slice(0, 4)) >= y);
  const thisYear = digestYear(digest, year);

  // 1–2 visits or meetings a year: remind when none is on record yet this year.
  const meetings = thisYear.meetings;
  if (rules.minVisitsPerYear > 0 && meetings < rules.minVisitsPerYear && inTerm(year)) {
    reminders.push({
      key: `no-visit:${id}:${year}`,
      advisorId: id,
      kind: 'noVisit',
      severity: today >= `${year}-10-01` ? 'warning' : 'info',
      message: meetings === 0 ? `${year}年尚无来桂座谈或拜访记录（每年${rules.minVisitsPerYear}—${rules.maxVisitsPerYear}次）` : `${year}年座谈/拜访 ${meetings} 次，少于每年 ${rules.minVisitsPerYear} 次`,
    });
  }

  // seed 000 §八(一)1: the service unit's 年度总结 in early December (12月上旬).
  const summaryDue = `${year}-12-${pad(rules.annualSummaryDueDay)}`;
  if (inTerm(year) && today >= `${year}-11-01` && !thisYear.annualSummaryReceived) {
    reminders.push({
      key: `annual-summary:${id}:${year}`,
      advisorId: id,
      kind: 'annualSummary',
      severity: today > summaryDue ? 'overdue' : 'warning',
      message: `${year}年度总结应于12月${rules.annualSummaryDueDay}日前由服务单位报送`,
      dueDate: summaryDue,
    });
  }

  // seed 000 §八(一)1: 任期科技成果报告 and 成效自评报告 one month before the term ends.
  if (advisor.termEnd) {
    const reportsDue = addDays(advisor.termEnd, -rules.termEndReportLeadDays);
    const received = digest.termReportReceived && digest.selfAssessmentReceived;
    if (!received && today >= addDays(reportsDue, -30)) {
      reminders.push({
        key: `term-reports:${id}:${advisor.termEnd}`,
        advisorId: id,
        kind: 'termEndReports',
        severity: today > reportsDue ? 'overdue' : 'warning',
        message: `任期科技成果报告和成效自评报告应于 ${reportsDue} 前报送（聘期结束前 ${rules.termEndReportLeadDays} 天）`,
        dueDate: reportsDue,
      });
    }
    const daysLeft = daysBetween(today, advisor.termEnd);
    if (daysLeft < 0) {
      reminders.push({ key: `term-expired:${id}:${advisor.termEnd}`, advisorId: id, kind: 'termExpired', severity: 'overdue', message: `聘期已于 ${advisor.termEnd} 届满，请办理期满手续`, dueDate: advisor.termEnd });
    } else if (daysLeft <= rules.termEndingWarnDays) {
      reminders.push({ key: `term-ending:${id}:${advisor.termEnd}`, advisorId: id, kind: 'termEnding', severity: 'info', message: `聘期将于 ${advisor.termEnd} 届满（还有 ${daysLeft} 天）`, dueDate: advisor.termEnd });
    }
  }

  // seed 000 §六: 聘金 paid yearly; the payment voucher is filed with the 科技厅.
  const firstYear = advisor.termStart ? Number(advisor.termStart.slice(0, 4)) : year;
  for (let y = firstYear; y <= year; y++) {
    if (!inTerm(y)) continue;
    const { payments, unfiledPayments } = digestYear(digest, y);
    if (payments === 0) {
      reminders.push({ key: `stipend-unpaid:${id}:${y}`, advisorId: id, kind: 'stipendUnpaid', severity: y < year ? 'overdue' : 'warning', message: `${y}年度聘金尚未拨付` });
    } else if (unfiledPayments > 0) {
      reminders.push({ key: `stipend-unfiled:${id}:${y}`, advisorId: id, kind: 'stipendUnfiled', severity: 'warning', message: `${y}年度聘金拨付凭证尚未备案` });
    }
  }

  // seed 000 §七(四): departments report back 采纳和落实情况; chase those that stay silent.
  for (const suggestion of digest.awaitingFeedback) {
    const waited = daysBetween(suggestion.since, today);
    if (waited > rules.suggestionFeedbackDays) {
      reminders.push({
        key: `suggestion-feedback:${suggestion.id}`,
        advisorId: id,
        kind: 'suggestionFeedback',
        severity: 'warning',
        message: `建议“${suggestion.title}”报送 ${waited} 天仍待反馈采纳落实情况`,
        dueDate: addDays(suggestion.since, rules.suggestionFeedbackDays),
      });
    }
  }
  return reminders;
}

const severityOrder: Record<ReminderSeverity, number> = { overdue: 0, warning: 1, info: 2 };

export function sortReminders(reminders: Reminder[]): Reminder[] {
  return [...reminders].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}
