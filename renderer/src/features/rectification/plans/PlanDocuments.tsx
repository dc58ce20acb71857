import { useCallback, useState } from 'react';
import { Checkbox, Space, Typography } from 'antd';
import { useDb } from '../../../db/DbContext';
import { DocumentActions } from '../../../components/DocumentActions';
import { planItems } from '../../../db/repositories/rectification';
import { listAttachments } from '../../../db/attachments';
import { readSetting } from '../../settings/settingsStore';
import { completionReportInput, rectificationPlanInput } from '../documentInputs';
import { todayIso } from '../useRectification';
import type { RectificationPlan } from '../../../../../shared/domain/rectification/schema';

/**
 * The plan's two documents: 整改方案 (the table as sent out, optionally as 附件 of a 通知) and
 * 整改完成情况报告 as of today. Both read the items when clicked, so they print what is stored.
 */
export function PlanDocuments({ plan, disabled }: { plan: RectificationPlan; disabled: boolean }) {
  const db = useDb();
  const [asAttachment, setAsAttachment] = useState(true);
  const planInput = useCallback(async () => rectificationPlanInput(plan, await planItems(db, plan.id), asAttachment ? '附件' : ''), [db, plan, asAttachment]);
  const reportInput = useCallback(async () => {
    const [items, organisation] = await Promise.all([planItems(db, plan.id), readSetting(db, 'organisation')]);
    // 佐证材料 uploaded count as handed in, as on the item's screen (tens of items a plan).
    const files = new Map<string, string[]>();
    for (const item of items) files.set(item.id, (await listAttachments(db, 'rectificationItems', item.id)).filter((f) => !f.deletedAt).map((f) => f.name));
    return completionReportInput(plan, items, todayIso(), organisation.department, files);
  }, [db, plan]);
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap aria-label="整改方案文档">
        <Typography.Text strong>整改方案：</Typography.Text>
        <DocumentActions kind="rectificationPlan" getInput={planInput} size="small" disabled={disabled} />
        <Checkbox checked={asAttachment} onChange={(e) => setAsAttachment(e.target.checked)}>
          标注“附件”
        </Checkbox>
      </Space>
      <Space wrap aria-label="整改完成情况报告文档">
        <Typography.Text strong>完成情况报告：</Typography.Text>
        <DocumentActions kind="rectificationCompletionReport" getInput={reportInput} size="small" disabled={disabled} />
      </Space>
    </Space>
  );
}
