import { useMemo } from 'react';
import { Space, Tag, Typography } from 'antd';
import { advisorStatuses } from '../../../../../shared/domain/advisors/schema';
import type { KeyIndex } from '../../../../../shared/search/keyIndex';
import { statusColors } from '../advisorStatus';

/**
 * How many advisors stand at each step, e.g. 已聘任 12 · 评议 2: the office's first question.
 * Counted from the roster's key rows (in memory, updated with each write), not from the records.
 */
export function StatusSummary({ index, version, total }: { index: KeyIndex | null; version: number; total?: number }) {
  const { counts, all } = useMemo(() => {
    if (!index) return { counts: [], all: total };
    const byStatus = index.countBy('status');
    let sum = 0;
    for (const n of byStatus.values()) sum += n;
    return { counts: advisorStatuses.map((status) => ({ status, count: byStatus.get(status) ?? 0 })).filter((c) => c.count > 0), all: sum };
    // `version`: the index changes in place with every committed write.
  }, [index, version, total]);
  return (
    <Space size={4} wrap aria-label="状态统计" data-testid="advisor-status-summary">
      <Typography.Text>共 {all ?? '…'} 人：</Typography.Text>
      {index && counts.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
      {counts.map(({ status, count }) => (
        <Tag key={status} color={statusColors[status]}>
          {status} {count}
        </Tag>
      ))}
    </Space>
  );
}
