import type { Advisor, AdvisorStipend } from '../../../../shared/domain/advisors/schema';

export type StipendState = '未拨付' | '已拨付未备案' | '已备案';

export interface StipendYear {
  year: number;
  /** Policy amount for a year (seed 000 §六: 30万元/人/年，税后). */
  expected: number;
  paid: number;
  state: StipendState;
  records: AdvisorStipend[];
}

/**
 * One line per year of the term up to this year, plus any year that has payments on record:
 * seed 000 §六 pays 聘金 yearly and files the 拨付凭证 with the 科技厅, so a year is settled only
 * when it is both paid and filed.
 */
export function stipendOverview(advisor: Pick<Advisor, 'termStart' | 'termEnd'>, stipends: AdvisorStipend[], today: string, stipendPerYear: number): StipendYear[] {
  const alive = stipends.filter((s) => !s.deletedAt);
  const years = new Set(alive.map((s) => s.year));
  const thisYear = Number(today.slice(0, 4));
  if (advisor.termStart) {
    const last = Math.min(thisYear, advisor.termEnd ? Number(advisor.termEnd.slice(0, 4)) : thisYear);
    for (let y = Number(advisor.termStart.slice(0, 4)); y <= last; y++) years.add(y);
  }
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const records = alive.filter((s) => s.year === year);
      const paidRecords = records.filter((s) => s.paidDate);
      const state: StipendState = paidRecords.length === 0 ? '未拨付' : paidRecords.some((s) => !s.filedDate) ? '已拨付未备案' : '已备案';
      return { year, expected: stipendPerYear, paid: paidRecords.reduce((sum, s) => sum + s.amount, 0), state, records };
    });
}
