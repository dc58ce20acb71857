import { useCallback } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { guangxiPreset, type PolicyProfile } from '../../../../shared/policy/profile';
import { useDb } from '../../db/DbContext';
import type { LedgerPagedSource } from '../../components/LedgerTable';
import type { SciLedgerDb } from '../../db/database';
import { loadAdvisorFile, type AdvisorLedger } from '../../db/repositories/advisors';
import { ADVISOR_DIGESTS_TABLE, readDigests } from '../../db/advisorDigests';
import { usePagedLedgerSource } from '../../db/usePagedLedgerSource';
import { useSetting } from '../settings/settingsStore';
import type { Advisor } from '../../../../shared/domain/advisors/schema';
import { rosterRow, rosterRowFromKey, withAdvisorRecord, type RosterRow } from './rosterRows';

/** Today as YYYY-MM-DD in local time: the rules take the date as an argument (STYLE: dated by argument). */
export function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE');
}

/** The advisors' rules of the policy profile (设置 → 政策配置), preset values until it is read. */
export function useAdvisorRules() {
  return useSetting('policyProfile')?.advisors ?? guangxiPreset.advisors;
}

/** Roster order until the clerk sorts: the most recently changed advisors first. */
const RECENT_FIRST = { field: 'updatedAt', desc: true };

/**
 * The roster as a paged source (issue 9): advisors are found, filtered and sorted by their key
 * rows; only the advisors on screen are read, with the digests of their records (this year's
 * figures and reminders, kept by the write path), live.
 */
export function useAdvisorRosterSource(): LedgerPagedSource<RosterRow> {
  const db = useDb();
  const rules = useAdvisorRules();
  const loadRows = useCallback(
    async (database: SciLedgerDb, ids: readonly string[]) => {
      const rows = await loadRosterRows(database, ids, todayIso(), rules);
      return new Map(rows.map((r) => [r.advisor.id, r]));
    },
    [rules],
  );
  const applyRecord = useCallback((row: RosterRow, record: Readonly<Record<string, unknown>>) => withAdvisorRecord(row, record, todayIso(), rules), [rules]);
  return usePagedLedgerSource(db, 'advisors', loadRows, RECENT_FIRST, rosterRowFromKey, applyRecord);
}

/**
 * Roster rows of `ids` in that order (missing and deleted advisors left out): the advisors by
 * key and their digests by key — two reads, whatever the advisors have on file.
 */
export async function loadRosterRows(db: SciLedgerDb, ids: readonly string[], today: string, rules: PolicyProfile['advisors']): Promise<RosterRow[]> {
  return db.transaction('r', [db.advisors, db.table(ADVISOR_DIGESTS_TABLE)], async () => {
    const [advisors, digests] = await Promise.all([db.advisors.bulkGet([...ids]), readDigests(db, ids)]);
    return advisors.filter((a): a is Advisor => a !== undefined && !a.deletedAt).map((a) => rosterRow(a, digests.get(a.id)!, today, rules));
  });
}

/** One advisor's file, live: undefined while loading, null when missing or deleted. */
export function useAdvisorLedger(id: string): AdvisorLedger | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await loadAdvisorFile(db, id)) ?? null, [db, id]);
}
