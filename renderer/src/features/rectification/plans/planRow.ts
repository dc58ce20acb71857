import { isOverdue } from '../../../../../shared/domain/rectification/overdue';
import type { RectificationItem, RectificationPlan } from '../../../../../shared/domain/rectification/schema';

/** A plan with how far its items have come (the plans list and the plan's heading). */
export interface PlanRow {
  plan: RectificationPlan;
  total: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
}

export function toPlanRow(plan: RectificationPlan, items: readonly RectificationItem[], today: string): PlanRow {
  const count = (pick: (i: RectificationItem) => boolean) => items.filter(pick).length;
  return {
    plan,
    total: items.length,
    completed: count((i) => i.status === '已完成'),
    inProgress: count((i) => i.status === '推进中'),
    notStarted: count((i) => i.status === '未启动'),
    overdue: count((i) => isOverdue(i, today)),
  };
}
