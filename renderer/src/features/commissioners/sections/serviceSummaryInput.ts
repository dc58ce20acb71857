import type { ServiceSummaryInput } from '../../../../../shared/documents/commissioners/service-summary';
import type { CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import type { OrganisationSettings } from '../../../../../shared/domain/settings/schema';
import type { SciLedgerDb } from '../../../db/database';
import { agreementLogs } from '../../../db/repositories/commissionerFiles';
import { partyName, type CommissionerLookups } from '../useCommissioners';
import type { YearSubject } from './yearRoster';

/** 服务情况汇总表 of a year: each dispatch's service year with its counts and the outcomes logged in it. */
export async function serviceSummaryInput(db: SciLedgerDb, year: number, subjects: YearSubject[], lookups: CommissionerLookups, rules: CommissionerRules, organisation: OrganisationSettings, today: string): Promise<ServiceSummaryInput> {
  const rows = await Promise.all(
    subjects
      .filter((s) => s.compliance)
      .map(async ({ agreement, compliance }) => {
        const c = compliance!;
        const logs = (await agreementLogs(db, agreement.id)).filter((l) => l.date >= c.year.start && l.date <= c.year.end && l.outcomes);
        return {
          party: partyName(agreement, lookups),
          isTeam: !!agreement.teamId,
          enterprise: lookups.enterpriseById.get(agreement.enterpriseId)?.name ?? '（派驻企业）',
          yearStart: c.year.start,
          yearEnd: c.year.end,
          visits: c.visits,
          days: c.days,
          outcomes: [...new Set(logs.map((l) => l.outcomes!))].join('；'),
          state: c.state,
        };
      }),
  );
  return { year, minVisits: rules.minVisitsPerYear, minDays: rules.minServiceDaysPerYear, rows, organisation: organisation.department, generatedOn: today };
}
