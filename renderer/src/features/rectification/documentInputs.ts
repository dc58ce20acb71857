import type { CompletionReportInput } from '../../../../shared/documents/rectification/completion-report';
import type { RectificationPlanInput } from '../../../../shared/documents/rectification/rectification-plan';
import type { RectificationItem, RectificationPlan } from '../../../../shared/domain/rectification/schema';

const planHeading = (plan: RectificationPlan) => ({ name: plan.name, year: plan.year });

/** The plan's columns of an item (both documents print these). */
function planFields(item: RectificationItem) {
  return {
    seq: item.seq,
    theme: item.theme,
    content: item.content,
    measures: item.measures,
    verificationForm: item.verificationForm,
    plannedDate: item.plannedDate,
    responsibleDivisions: item.responsibleDivisions,
    divisionWording: item.divisionWording,
    responsiblePersons: item.responsiblePersons,
  };
}

/** 整改方案 as printed: every item of the plan, under the 附件 mark when it goes with a 通知. */
export function rectificationPlanInput(plan: RectificationPlan, items: readonly RectificationItem[], attachmentMark: string): RectificationPlanInput {
  if (items.length === 0) throw new Error('本方案还没有整改事项，请先新增或粘贴导入');
  return { plan: planHeading(plan), items: items.map(planFields), attachmentMark };
}

/**
 * 整改完成情况报告 as of `asOf`: each item's progress next to its plan fields, and its 佐证材料 —
 * the note and the names of its live 附件 (`evidenceFiles` by item id).
 */
export function completionReportInput(
  plan: RectificationPlan,
  items: readonly RectificationItem[],
  asOf: string,
  organisation: string,
  evidenceFiles: ReadonlyMap<string, readonly string[]> = new Map(),
): CompletionReportInput {
  if (items.length === 0) throw new Error('本方案还没有整改事项，无法生成完成情况报告');
  return {
    plan: planHeading(plan),
    items: items.map((item) => ({
      ...planFields(item),
      status: item.status,
      startedDate: item.startedDate,
      completedDate: item.completedDate,
      evidenceNotes: item.evidenceNotes,
      evidenceFiles: [...(evidenceFiles.get(item.id) ?? [])],
    })),
    asOf,
    organisation,
  };
}
