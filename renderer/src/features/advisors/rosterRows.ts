import { advisorReminders, sortReminders, type AdvisorFile, type Reminder, type ReminderSeverity } from '../../../../shared/domain/advisors/reminders';
import { advisorStatuses, type Advisor, type AdvisorStatus } from '../../../../shared/domain/advisors/schema';
import type { PolicyProfile } from '../../../../shared/policy/profile';
import { yearSummary, type YearSummary } from './yearSummary';

export interface RosterRow {
  advisor: Advisor;
  /** 2025-01-01 至 2027-12-31, or empty before the appointment. */
  term: string;
  reminders: Reminder[];
  /** The most urgent reminder's severity, for the 提醒 column's colour. */
  topSeverity?: ReminderSeverity;
  thisYear: YearSummary;
}

export function termText(advisor: Pick<Advisor, 'termStart' | 'termEnd'>): string {
  if (!advisor.termStart && !advisor.termEnd) return '';
  return `${advisor.termStart ?? '？'} 至 ${advisor.termEnd ?? '？'}`;
}

/** The roster answers for every advisor at once: what is due (reminders) and this year's record. */
export function toRosterRows(files: AdvisorFile[], today: string, rules: PolicyProfile['advisors']): RosterRow[] {
  const year = Number(today.slice(0, 4));
  return files.map((file) => {
    const reminders = sortReminders(advisorReminders(file, today, rules));
    return { advisor: file.advisor, term: termText(file.advisor), reminders, topSeverity: reminders[0]?.severity, thisYear: yearSummary(file, year) };
  });
}

/** Counts per status in workflow order (statuses with nobody are left out). */
export function statusCounts(advisors: Pick<Advisor, 'status'>[]): { status: AdvisorStatus; count: number }[] {
  return advisorStatuses.map((status) => ({ status, count: advisors.filter((a) => a.status === status).length })).filter((c) => c.count > 0);
}
