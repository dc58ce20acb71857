import type { AdvisorLedgerReportInput } from '../../../../shared/documents/advisors/ledger-report';
import type { SuggestionsCompilationInput } from '../../../../shared/documents/advisors/suggestions-compilation';
import type { AdvisorLedger } from '../../db/repositories/advisors';

/** Ledger records as the document builders take them: the same fields, without ids and timestamps. */
function plain<T extends object>(record: T): Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'advisorId'> {
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, advisorId: _a, ...own } = record as T & Record<string, unknown>;
  return own as Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'advisorId'>;
}

const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);

/**
 * 工作台账 of one advisor for one year (seed 000 §七.(一).5): that year's plans, work and
 * suggestions; 聘金 of the term up to that year (the table has a 年度 column).
 */
export function ledgerReportInput(file: AdvisorLedger, year: number, organisation: string, today: string): AdvisorLedgerReportInput {
  const inYear = (date: string) => date.startsWith(`${year}-`);
  return {
    year,
    advisor: plain(file.advisor),
    plans: file.plans.filter((p) => p.startYear <= year && p.endYear >= year).map(plain),
    activities: file.activities.filter((a) => inYear(a.date)).sort(byDate).map(plain),
    suggestions: file.suggestions.filter((s) => inYear(s.date)).sort(byDate).map(plain),
    stipends: file.stipends.filter((s) => s.year <= year).sort((a, b) => a.year - b.year).map(plain),
    evaluations: file.evaluations.filter((e) => e.year === year).map(plain),
    organisation,
    generatedOn: today,
  };
}

/** 年度咨询建议及科研成果汇编 (seed 000 §八.(二)1): every advisor's suggestions and 取得成果 of the year, by name. */
export function suggestionsCompilationInput(files: AdvisorLedger[], year: number, organisation: string, today: string): SuggestionsCompilationInput {
  const collator = new Intl.Collator('zh-CN');
  return {
    year,
    advisors: [...files]
      .sort((a, b) => collator.compare(a.advisor.name, b.advisor.name))
      .map((f) => ({
        name: f.advisor.name,
        honorific: f.advisor.honorific,
        homeInstitution: f.advisor.homeInstitution,
        suggestions: f.suggestions.filter((s) => s.date.startsWith(`${year}-`)).sort(byDate).map(plain),
        activities: f.activities.filter((a) => a.date.startsWith(`${year}-`) && !!a.outcome).sort(byDate).map(plain),
      })),
    organisation,
    compiledOn: today,
  };
}

/** Years a clerk may pick for a yearly document: from the first record on file to this year. */
export function reportYears(firstDates: (string | undefined)[], today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  const first = Math.min(thisYear, ...firstDates.filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4))));
  return Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i);
}
