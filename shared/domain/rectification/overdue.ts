import type { RectificationItem, RectificationStatus } from './schema';

/** What the ledger shows: the stored status, or 逾期 when the planned date has passed. */
export type RectificationDisplayStatus = RectificationStatus | '逾期';

type Dated = Pick<RectificationItem, 'status' | 'plannedDate'>;

/**
 * 逾期: not completed and today is after the planned date. The planned day itself still counts
 * as on time (the plan says 完成时间 2021-08-31: work done that day is not late). `today` is the
 * clerk's calendar date as YYYY-MM-DD, so no time zone can move the boundary.
 */
export function isOverdue(item: Dated, today: string): boolean {
  return item.status !== '已完成' && today > item.plannedDate;
}

export function displayStatus(item: Dated, today: string): RectificationDisplayStatus {
  return isOverdue(item, today) ? '逾期' : item.status;
}

/** Completed, but after the planned date (shown in the completion report). */
export function completedLate(item: Pick<RectificationItem, 'status' | 'plannedDate' | 'completedDate'>): boolean {
  return item.status === '已完成' && item.completedDate !== undefined && item.completedDate > item.plannedDate;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Days an open item is past its planned date (0 when not overdue). */
export function daysOverdue(item: Dated, today: string): number {
  return isOverdue(item, today) ? daysBetween(item.plannedDate, today) : 0;
}
