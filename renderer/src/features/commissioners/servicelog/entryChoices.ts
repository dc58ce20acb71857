import type { CooperationAgreement } from '../../../../../shared/domain/commissioners/schema';
import type { CommissionerLookups } from '../useCommissioners';
import type { EntryChoice } from './QuickEntryRow';

/**
 * What a log can be entered under: each signed agreement (草拟 ones cannot take logs), with the
 * people who serve under it — the commissioner, or every member of the team (leader first).
 */
export function entryChoices(agreements: readonly CooperationAgreement[], lookups: CommissionerLookups | undefined, preferPersonId?: string): EntryChoice[] {
  return agreements
    .filter((a) => !a.deletedAt && a.status !== '草拟')
    .map((agreement) => {
      const team = agreement.teamId ? lookups?.teamById.get(agreement.teamId) : undefined;
      const ids = team ? [...new Set([team.leaderId, ...team.memberIds].filter((id): id is string => !!id))] : agreement.commissionerId ? [agreement.commissionerId] : [];
      if (preferPersonId && ids.includes(preferPersonId)) ids.sort((a, b) => (a === preferPersonId ? -1 : b === preferPersonId ? 1 : 0));
      return {
        agreement,
        people: ids.map((id) => ({ id, name: lookups?.personById.get(id)?.name ?? '（已删除）' })),
        enterpriseName: lookups?.enterpriseById.get(agreement.enterpriseId)?.name ?? '（派驻企业已删除）',
      };
    });
}

/** Years a log screen offers: from the first service period's start to this year, newest first. */
export function logYears(agreements: readonly CooperationAgreement[], today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  const first = Math.min(thisYear, ...agreements.map((a) => (a.startDate ? Number(a.startDate.slice(0, 4)) : thisYear)));
  return Array.from({ length: thisYear - first + 1 }, (_, i) => thisYear - i);
}
