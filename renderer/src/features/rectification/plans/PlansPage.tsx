import { useMemo, useState } from 'react';
import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { LedgerTable, type LedgerColumn } from '../../../components/LedgerTable';
import { todayIso, useItemsByPlan, useRectificationPlans } from '../useRectification';
import { PlanFormModal } from './PlanFormModal';
import { toPlanRow, type PlanRow } from './planRow';

const countColumn = (id: keyof Omit<PlanRow, 'plan'>, header: string): LedgerColumn<PlanRow> => ({ id, header, accessor: (r) => r[id], width: 76, align: 'right' });

/** 整改台账: the office's plans, each opening its items ledger. */
export function PlansPage() {
  const [, navigate] = useHashRoute();
  const plans = useRectificationPlans();
  const itemsByPlan = useItemsByPlan();
  const [editing, setEditing] = useState<{ plan?: RectificationPlan } | null>(null);
  const today = todayIso();
  const rows = useMemo(() => (plans ?? []).map((p) => toPlanRow(p, itemsByPlan?.get(p.id) ?? [], today)), [plans, itemsByPlan, today]);

  const columns = useMemo<LedgerColumn<PlanRow>[]>(
    () => [
      { id: 'name', header: '方案名称', accessor: (r) => r.plan.name, width: 280, filter: 'text' },
      { id: 'year', header: '年度', accessor: (r) => r.plan.year, width: 96, filter: 'select' },
      { id: 'source', header: '意见来源', accessor: (r) => r.plan.feedbackSource, width: 190 },
      countColumn('total', '事项数'),
      countColumn('completed', '已完成'),
      countColumn('inProgress', '推进中'),
      countColumn('notStarted', '未启动'),
      {
        id: 'overdue',
        header: '逾期',
        accessor: (r) => r.overdue,
        width: 76,
        align: 'right',
        cell: (r) => (r.overdue > 0 ? <Tag color="red">{r.overdue}</Tag> : 0),
      },
      {
        id: 'actions',
        header: '操作',
        accessor: () => '',
        width: 120,
        sortable: false,
        pin: 'right',
        cell: (r) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => navigate('rectification', r.plan.id)}>
              打开
            </Button>
            <Button type="link" size="small" onClick={() => setEditing({ plan: r.plan })}>
              修改
            </Button>
          </Space>
        ),
      },
    ],
    [navigate],
  );

  return (
    <Card>
      <LedgerTable
        tableId="rectificationPlans"
        ariaLabel="整改方案"
        columns={columns}
        rows={rows}
        getRowId={(r) => r.plan.id}
        onRowActivate={(r) => navigate('rectification', r.plan.id)}
        height="calc(100vh - 260px)"
        emptyText={plans ? '尚无整改方案，请点击“新增整改方案”' : '正在读取…'}
        toolbarExtra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新增整改方案
          </Button>
        }
      />
      <PlanFormModal
        open={editing !== null}
        plan={editing?.plan}
        onSaved={(plan) => {
          if (!editing?.plan) navigate('rectification', plan.id);
        }}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
