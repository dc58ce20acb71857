import { Descriptions, Space, Tag, Typography } from 'antd';
import type { RectificationItem, RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { toPlanRow } from './PlansPage';

/** Name, source and how far the plan has come (逾期 as of today). */
export function PlanHeader({ plan, items, today }: { plan: RectificationPlan; items: RectificationItem[]; today: string }) {
  const counts = toPlanRow(plan, items, today);
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {plan.name}
      </Typography.Title>
      <Descriptions size="small" column={3} items={[
        { key: 'year', label: '年度', children: `${plan.year}年度` },
        { key: 'source', label: '意见来源', children: plan.feedbackSource },
        {
          key: 'counts',
          label: '事项',
          children: (
            <Space size={4} wrap aria-label="完成情况统计">
              <span>共 {counts.total} 项</span>
              <Tag color="green">已完成 {counts.completed}</Tag>
              <Tag color="blue">推进中 {counts.inProgress}</Tag>
              <Tag>未启动 {counts.notStarted}</Tag>
              {counts.overdue > 0 && <Tag color="red">逾期 {counts.overdue}</Tag>}
            </Space>
          ),
        },
      ]} />
    </Space>
  );
}
