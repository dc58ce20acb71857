import { Space, Tag, Typography } from 'antd';
import type { Advisor } from '../../../../../shared/domain/advisors/schema';
import { statusColors } from '../advisorStatus';
import { statusCounts } from '../rosterRows';

/** How many advisors stand at each step, e.g. 已聘任 12 · 评议 2: the office's first question. */
export function StatusSummary({ advisors }: { advisors: Pick<Advisor, 'status'>[] }) {
  const counts = statusCounts(advisors);
  return (
    <Space size={4} wrap aria-label="状态统计" data-testid="advisor-status-summary">
      <Typography.Text>共 {advisors.length} 人：</Typography.Text>
      {counts.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
      {counts.map(({ status, count }) => (
        <Tag key={status} color={statusColors[status]}>
          {status} {count}
        </Tag>
      ))}
    </Space>
  );
}
