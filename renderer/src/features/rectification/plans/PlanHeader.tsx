import { Space, Tag, Typography } from 'antd';
import type { RectificationItem, RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { toPlanRow } from './planRow';

/** Name, source and how far the plan has come (逾期 as of today), in two lines. */
export function PlanHeader({ plan, items, today }: { plan: RectificationPlan; items: RectificationItem[]; today: string }) {
  const counts = toPlanRow(plan, items, today);
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {plan.name}
      </Typography.Title>
      <Space size={4} wrap aria-label="完成情况统计">
        <Typography.Text type="secondary">
          {plan.year}年度 · {plan.feedbackSource} · 共 {counts.total} 项
        </Typography.Text>
        <Tag color="green">已完成 {counts.completed}</Tag>
        <Tag color="blue">推进中 {counts.inProgress}</Tag>
        <Tag>未启动 {counts.notStarted}</Tag>
        {counts.overdue > 0 && <Tag color="red">逾期 {counts.overdue}</Tag>}
      </Space>
    </Space>
  );
}
