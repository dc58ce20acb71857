import { useLiveQuery } from 'dexie-react-hooks';
import { guangxiPreset } from '../../../../shared/policy/profile';
import type { Commissioner, CommissionerTeam, DispatchUnit, HostEnterprise } from '../../../../shared/domain/commissioners/schema';
import { useDb } from '../../db/DbContext';
import { loadCommissionerFile, type CommissionerFile } from '../../db/repositories/commissionerFiles';
import { useSetting } from '../settings/settingsStore';

/** Today as YYYY-MM-DD in local time (the rules take the date as an argument). */
export const todayIso = () => new Date().toLocaleDateString('sv-SE');

/** The commissioners' rules of the active policy profile (设置 → 政策配置). */
export function useCommissionerRules() {
  return useSetting('policyProfile')?.commissioners ?? guangxiPreset.commissioners;
}

/** 省级 (seed 001) or 设区市 (seed 004): which 合作协议书 wording and which duty list apply. */
export function useProfileVariant(): 'provincial' | 'city' {
  return useSetting('policyProfile')?.presetId === 'city' ? 'city' : 'provincial';
}

export interface CommissionerLookups {
  units: DispatchUnit[];
  enterprises: HostEnterprise[];
  teams: CommissionerTeam[];
  people: Commissioner[];
  unitById: Map<string, DispatchUnit>;
  enterpriseById: Map<string, HostEnterprise>;
  teamById: Map<string, CommissionerTeam>;
  personById: Map<string, Commissioner>;
}

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
const collator = new Intl.Collator('zh-CN');
const byName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name);

/**
 * The small lists the forms choose from (派出单位, 派驻企业, 特派团, and people for team members
 * and the service log), live. Undefined while loading.
 */
export function useCommissionerLookups(): CommissionerLookups | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const [units, enterprises, teams, people] = await Promise.all([db.dispatchUnits.toArray(), db.hostEnterprises.toArray(), db.commissionerTeams.toArray(), db.commissioners.toArray()]);
    const lists = { units: alive(units).sort(byName), enterprises: alive(enterprises).sort(byName), teams: alive(teams).sort(byName), people: alive(people).sort(byName) };
    return {
      ...lists,
      unitById: new Map(lists.units.map((u) => [u.id, u])),
      enterpriseById: new Map(lists.enterprises.map((e) => [e.id, e])),
      teamById: new Map(lists.teams.map((t) => [t.id, t])),
      personById: new Map(lists.people.map((p) => [p.id, p])),
    };
  }, [db]);
}

/** One commissioner's file, live: undefined while loading, null when missing or deleted. */
export function useCommissionerFile(id: string): CommissionerFile | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await loadCommissionerFile(db, id)) ?? null, [db, id]);
}

/** 乙方 of an agreement in words: the commissioner, or the team (按1人计). */
export function partyName(a: { commissionerId?: string | null; teamId?: string | null }, lookups: CommissionerLookups | undefined): string {
  if (a.teamId) return lookups?.teamById.get(a.teamId)?.name ?? '（特派团）';
  return (a.commissionerId && lookups?.personById.get(a.commissionerId)?.name) || '（科技特派员）';
}
