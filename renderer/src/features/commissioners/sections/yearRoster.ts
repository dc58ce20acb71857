import { complianceForYear, serviceYears, type Compliance } from '../../../../../shared/domain/commissioners/compliance';
import type { CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import type { CommissionerAssessment, CommissionerSubsidy, CooperationAgreement } from '../../../../../shared/domain/commissioners/schema';
import type { SciLedgerDb } from '../../../db/database';
import { agreementLogs } from '../../../db/repositories/commissionerFiles';

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

export interface YearSubject {
  agreement: CooperationAgreement;
  /** The service year that ends in (or, failing that, starts in) the calendar year. */
  compliance?: Compliance;
  assessment?: CommissionerAssessment;
  subsidies: CommissionerSubsidy[];
}

const sameSubject = (a: CooperationAgreement, x: CommissionerAssessment) => (a.teamId ? x.teamId === a.teamId : x.commissionerId === a.commissionerId);

/**
 * The year's assessment and subsidy roster: every signed agreement whose service period touches
 * the calendar year (as assessmentRoster counts them), with the service record beside it — the
 * service year overlapping the calendar year most recently — its assessment and payments.
 */
export async function loadYearRoster(db: SciLedgerDb, year: number, today: string, rules: CommissionerRules): Promise<YearSubject[]> {
  const [agreements, assessments, subsidies] = await Promise.all([
    db.cooperationAgreements.where('status').anyOf('生效', '期满', '终止').toArray(),
    db.commissionerAssessments.where('year').equals(year).toArray(),
    db.commissionerSubsidies.where('year').equals(year).toArray(),
  ]);
  const inYear = alive(agreements).filter((a) => a.startDate && a.startDate <= `${year}-12-31` && (!a.endDate || a.endDate >= `${year}-01-01`));
  return Promise.all(
    inYear.map(async (agreement) => {
      const years = serviceYears(agreement).filter((y) => y.start <= `${year}-12-31` && y.end >= `${year}-01-01`);
      const serviceYear = years[years.length - 1];
      const compliance = serviceYear ? complianceForYear(serviceYear, await agreementLogs(db, agreement.id), today, rules) : undefined;
      return {
        agreement,
        compliance,
        assessment: alive(assessments).find((x) => sameSubject(agreement, x)),
        subsidies: alive(subsidies).filter((s) => s.agreementId === agreement.id),
      };
    }),
  );
}
