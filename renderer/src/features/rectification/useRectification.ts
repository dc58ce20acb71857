import { useLiveQuery } from 'dexie-react-hooks';
import type { RectificationItem, RectificationPlan, RectificationProgressNote } from '../../../../shared/domain/rectification/schema';
import { useDb } from '../../db/DbContext';
import { planItems, progressNotes } from '../../db/repositories/rectification';

/** Today as YYYY-MM-DD in local time: 逾期 and 本月到期 take the date as an argument. */
export const todayIso = (): string => new Date().toLocaleDateString('sv-SE');

/** Every active plan, newest year first (a handful a year: read whole). */
export function useRectificationPlans(): RectificationPlan[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const plans = (await db.rectificationPlans.toArray()).filter((p) => !p.deletedAt);
    return plans.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'zh-CN'));
  }, [db]);
}

/** Items of every plan, grouped by plan (for the plans list's counts). */
export function useItemsByPlan(): Map<string, RectificationItem[]> | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const byPlan = new Map<string, RectificationItem[]>();
    for (const item of await db.rectificationItems.toArray()) {
      if (item.deletedAt) continue;
      byPlan.set(item.planId, [...(byPlan.get(item.planId) ?? []), item]);
    }
    return byPlan;
  }, [db]);
}

export interface PlanLedger {
  plan: RectificationPlan;
  /** In 序号 order. */
  items: RectificationItem[];
}

/** One plan with its items, live: undefined while loading, null when missing or deleted. */
export function usePlanLedger(planId: string): PlanLedger | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const plan = await db.rectificationPlans.get(planId);
    if (!plan || plan.deletedAt) return null;
    return { plan, items: await planItems(db, planId) };
  }, [db, planId]);
}

/** An item's 推进情况 history, newest first. */
export function useProgressNotes(itemId: string): RectificationProgressNote[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await progressNotes(db, itemId)).reverse(), [db, itemId]);
}
