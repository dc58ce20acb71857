import { remindersFromDigest, sortReminders, type AdvisorFile, type Reminder, type ReminderSeverity } from '../../../../shared/domain/advisors/reminders';
import { digestOf, type AdvisorDigest } from '../../../../shared/domain/advisors/digest';
import { advisorStatuses, type Advisor, type AdvisorStatus } from '../../../../shared/domain/advisors/schema';
import type { PolicyProfile } from '../../../../shared/policy/profile';
import type { LedgerKeyRow } from '../../../../shared/search/ledgerKeys';
import { yearSummaryFromDigest, type YearSummary } from './yearSummary';

export interface RosterRow {
  advisor: Advisor;
  /** 2025-01-01 至 2027-12-31, or empty before the appointment. */
  term: string;
  reminders: Reminder[];
  /** The most urgent reminder's severity, for the 提醒 column's colour. */
  topSeverity?: ReminderSeverity;
  thisYear: YearSummary;
  /**
   * Drawn from the advisor's key row only (paged roster, rosterRowFromKey): the year's figures
   * and reminders are not known yet and show as "…" until the records are read.
   */
  pending?: boolean;
  /** The digest of the advisor's records the row was computed from (a write to the advisor recomputes the row from it). */
  digest?: AdvisorDigest;
}

/** A roster row from a key row alone, shown for the moment until the advisor's records arrive. */
export function rosterRowFromKey(key: LedgerKeyRow): RosterRow {
  const text = (f: string) => (key.fields[f] == null ? undefined : String(key.fields[f]));
  const advisor = {
    id: key.id,
    name: key.name,
    status: text('status') as AdvisorStatus,
    honorific: text('honorific') ?? '',
    homeInstitution: text('homeInstitution') ?? '',
    serviceUnit: text('serviceUnit'),
    field: text('field'),
    competentDepartment: text('competentDepartment'),
    termStart: text('termStart'),
    termEnd: text('termEnd'),
    phone: text('phone'),
    serviceUnitLiaison: text('serviceUnitLiaison'),
    certificateNumber: text('certificateNumber'),
    createdAt: key.updatedAt,
    updatedAt: key.updatedAt,
  } as Advisor;
  const year = Number(key.updatedAt.slice(0, 4)) || new Date().getFullYear();
  return {
    advisor,
    term: termText(advisor),
    reminders: [],
    thisYear: { year, activities: 0, meetings: 0, suggestions: 0, adopted: 0, awaitingFeedback: 0, paid: 0, isPaymentUnfiled: false },
    pending: true,
  };
}

export function termText(advisor: Pick<Advisor, 'termStart' | 'termEnd'>): string {
  if (!advisor.termStart && !advisor.termEnd) return '';
  return `${advisor.termStart ?? '？'} 至 ${advisor.termEnd ?? '？'}`;
}

/** The roster answers for every advisor at once: what is due (reminders) and this year's record. */
export function toRosterRows(files: AdvisorFile[], today: string, rules: PolicyProfile['advisors']): RosterRow[] {
  return files.map((file) => rosterRow(file.advisor, digestOf(file.advisor.id, file), today, rules));
}

/**
 * One roster row from the advisor and the digest of its records (the paged roster reads the
 * digests the write path keeps, advisorDigests.ts — never the child tables).
 */
export function rosterRow(advisor: Advisor, digest: AdvisorDigest, today: string, rules: PolicyProfile['advisors']): RosterRow {
  const reminders = sortReminders(remindersFromDigest(advisor, digest, today, rules));
  return { advisor, term: termText(advisor), reminders, topSeverity: reminders[0]?.severity, thisYear: yearSummaryFromDigest(digest, Number(today.slice(0, 4))), digest };
}

/**
 * The row after its advisor record was written (paged roster, live): the same computation as a
 * fresh read, over the row's digest with the new advisor. Undefined when the row has no
 * digest yet or the advisor was deleted (the index drops it from the roster).
 */
export function withAdvisorRecord(row: RosterRow, record: Readonly<Record<string, unknown>>, today: string, rules: PolicyProfile['advisors']): RosterRow | undefined {
  if (!row.digest || record.deletedAt) return undefined;
  return rosterRow(record as unknown as Advisor, row.digest, today, rules);
}

/** Counts per status in workflow order (statuses with nobody are left out). */
export function statusCounts(advisors: Pick<Advisor, 'status'>[]): { status: AdvisorStatus; count: number }[] {
  return advisorStatuses.map((status) => ({ status, count: advisors.filter((a) => a.status === status).length })).filter((c) => c.count > 0);
}
