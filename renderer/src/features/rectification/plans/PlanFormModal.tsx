import { rectificationPlanSchema, type RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { useDb } from '../../../db/DbContext';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import type { CreateInput } from '../../../db/ledgerRepository';
import { createPlan, updatePlan } from '../../../db/repositories/rectification';
import { todayIso } from '../useRectification';
import { newPlanDefaults, PlanFields } from './PlanFields';

export interface PlanFormModalProps {
  open: boolean;
  /** The plan being edited; absent for 新增整改方案. */
  plan?: RectificationPlan;
  onSaved?: (plan: RectificationPlan) => void;
  onClose: () => void;
}

/** 新增 / 修改整改方案: name, year and source of the feedback. */
export function PlanFormModal({ open, plan, onSaved, onClose }: PlanFormModalProps) {
  const db = useDb();
  return (
    <RecordFormModal
      open={open}
      title={plan ? '修改整改方案' : '新增整改方案'}
      schema={rectificationPlanSchema}
      record={plan}
      defaults={plan ? undefined : newPlanDefaults(Number(todayIso().slice(0, 4)))}
      save={async (fields) => {
        const saved = plan
          ? await updatePlan(db, plan.id, { name: fields.name as string, year: fields.year as number, feedbackSource: fields.feedbackSource as string })
          : await createPlan(db, fields as CreateInput<'rectificationPlans'>);
        onSaved?.(saved);
      }}
      successMessage="整改方案已保存"
      onClose={onClose}
    >
      <PlanFields autoFocus />
    </RecordFormModal>
  );
}
