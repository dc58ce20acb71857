import { completedLate, displayStatus, type RectificationDisplayStatus } from '../../domain/rectification/overdue';
import type { RectificationStatus } from '../../domain/rectification/schema';

interface Tracked {
  seq: number;
  status: RectificationStatus;
  plannedDate: string;
  completedDate?: string;
  responsibleDivisions: string[];
}

export interface StatusCount {
  status: RectificationDisplayStatus;
  count: number;
  seqs: number[];
}

export interface DivisionCount {
  division: string;
  total: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  /** Open items past their planned date (a subset of inProgress + notStarted). */
  overdue: number;
}

/** The order the report lists statuses in: done first, then the open ones, 逾期 last. */
export const reportStatusOrder: RectificationDisplayStatus[] = ['已完成', '推进中', '未启动', '逾期'];

/**
 * Counts as of `asOf`: by the status shown (an open item past its date counts as 逾期, not under
 * its stored status), and per division — an item shared by two divisions counts for each.
 */
export function countByStatus(items: readonly Tracked[], asOf: string): StatusCount[] {
  return reportStatusOrder.map((status) => {
    const matching = items.filter((i) => displayStatus(i, asOf) === status).map((i) => i.seq).sort((a, b) => a - b);
    return { status, count: matching.length, seqs: matching };
  });
}

export function countByDivision(items: readonly Tracked[], asOf: string): DivisionCount[] {
  const counts = new Map<string, DivisionCount>();
  for (const item of items) {
    const shown = displayStatus(item, asOf);
    for (const division of item.responsibleDivisions) {
      let c = counts.get(division);
      if (!c) counts.set(division, (c = { division, total: 0, completed: 0, inProgress: 0, notStarted: 0, overdue: 0 }));
      c.total += 1;
      if (item.status === '已完成') c.completed += 1;
      else if (item.status === '推进中') c.inProgress += 1;
      else c.notStarted += 1;
      if (shown === '逾期') c.overdue += 1;
    }
  }
  // First appearance order is the plan's order of divisions, which offices keep.
  return [...counts.values()];
}

export function lateCompletions(items: readonly Tracked[]): number {
  return items.filter((i) => completedLate(i)).length;
}
