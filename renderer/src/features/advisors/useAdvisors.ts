import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { guangxiPreset } from '../../../../shared/policy/profile';
import { useDb } from '../../app/DbContext';
import { loadAdvisorFile, loadAdvisorFiles, type AdvisorLedger } from '../../db/repositories/advisors';
import { useSetting } from '../settings/settingsStore';
import { toRosterRows, type RosterRow } from './rosterRows';

/** Today as YYYY-MM-DD in local time: the rules take the date as an argument (STYLE: dated by argument). */
export function todayIso(): string {
  return new Date().toLocaleDateString('sv-SE');
}

/** The advisors' rules of the policy profile (设置 → 政策配置), preset values until it is read. */
export function useAdvisorRules() {
  return useSetting('policyProfile')?.advisors ?? guangxiPreset.advisors;
}

/** The roster, live: undefined while loading. */
export function useAdvisorRoster(): RosterRow[] | undefined {
  const db = useDb();
  const rules = useAdvisorRules();
  const files = useLiveQuery(() => loadAdvisorFiles(db), [db]);
  return useMemo(() => (files ? toRosterRows(files, todayIso(), rules) : undefined), [files, rules]);
}

/** One advisor's file, live: undefined while loading, null when missing or deleted. */
export function useAdvisorLedger(id: string): AdvisorLedger | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await loadAdvisorFile(db, id)) ?? null, [db, id]);
}
