import { useLiveQuery } from 'dexie-react-hooks';
import { quotaState, type QuotaState } from '../../../../shared/domain/commissioners/assessment';
import type { CommissionerRules } from '../../../../shared/domain/commissioners/rules';
import { useDb } from '../../db/DbContext';
import { assessmentRoster } from '../../db/repositories/commissioners';

/** The year's 优秀 quota as saveAssessment will count it (roster of the year, 20% rounded down). */
export function useAssessmentQuota(year: number, rules: CommissionerRules, editingId?: string): QuotaState | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [rows, roster] = await Promise.all([db.commissionerAssessments.where('year').equals(year).toArray(), assessmentRoster(db, year)]);
    return quotaState(year, rows.filter((r) => r.id !== editingId), rules, undefined, roster);
  }, [db, year, rules, editingId]);
}
