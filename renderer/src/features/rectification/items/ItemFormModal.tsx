import { rectificationItemSchema, type RectificationItem, type RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { useDb } from '../../../db/DbContext';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import type { CreateInput } from '../../../db/ledgerRepository';
import { saveItemWithNames } from '../../../db/repositories/rectification';
import { ItemFields } from './ItemFields';

export interface ItemFormModalProps {
  open: boolean;
  plan: RectificationPlan;
  /** The item being edited; absent for 新增整改事项. */
  item?: RectificationItem;
  /** 序号 of a new item (the next free one). */
  nextSeq: number;
  onClose: () => void;
}

/** The 主题 and 处室 of the saved fields that the plan's lists do not have yet (picked as 添加…). */
export function namesToAdd(plan: Pick<RectificationPlan, 'themes' | 'divisions'>, fields: { theme?: unknown; responsibleDivisions?: unknown }) {
  const theme = typeof fields.theme === 'string' ? fields.theme : '';
  const divisions = Array.isArray(fields.responsibleDivisions) ? (fields.responsibleDivisions as string[]) : [];
  return { themes: theme && !plan.themes.includes(theme) ? [theme] : [], divisions: divisions.filter((d) => !plan.divisions.includes(d)) };
}

/** 新增 / 修改整改事项. */
export function ItemFormModal({ open, plan, item, nextSeq, onClose }: ItemFormModalProps) {
  const db = useDb();
  return (
    <RecordFormModal
      open={open}
      title={item ? `修改整改事项（第 ${item.seq} 项）` : '新增整改事项'}
      width={760}
      schema={rectificationItemSchema}
      record={item}
      defaults={
        item
          ? undefined
          : { seq: nextSeq, theme: plan.themes[0], content: '', measures: [''], verificationForm: '', responsibleDivisions: [], responsiblePersons: [{ leader: '', officer: '' }] }
      }
      context={item ? undefined : { planId: plan.id, status: '未启动' }}
      // Several text areas: Enter is a new line there; Ctrl+Enter or 保存 saves.
      save={(fields) => saveItemWithNames(db, plan.id, item?.id, fields as CreateInput<'rectificationItems'>, namesToAdd(plan, fields))}
      successMessage="整改事项已保存"
      onClose={onClose}
    >
      <ItemFields plan={plan} />
    </RecordFormModal>
  );
}
