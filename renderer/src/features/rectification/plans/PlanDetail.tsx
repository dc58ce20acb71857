import { useMemo, useState } from 'react';
import { Button, Card, Result, Space, Spin, Tabs } from 'antd';
import { ArrowLeftOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { byDivision, byPerson, dueThisMonth, namesInItems, overdue } from '../../../../../shared/domain/rectification/views';
import type { RectificationItem } from '../../../../../shared/domain/rectification/schema';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { ItemFormModal } from '../items/ItemFormModal';
import { ItemsLedger } from '../items/ItemsLedger';
import { PastePlanModal } from '../paste/PastePlanModal';
import { todayIso, usePlanLedger } from '../useRectification';
import { PickedView } from '../views/PickedView';
import { PlanDocuments } from './PlanDocuments';
import { PlanFormModal } from './PlanFormModal';
import { PlanHeader } from './PlanHeader';

const nextSeqOf = (items: readonly RectificationItem[]) => items.reduce((max, i) => Math.max(max, i.seq), 0) + 1;

/** #/rectification/<planId>/<view>: a plan's items ledger, its views and its documents. */
export function PlanDetail({ planId, view }: { planId: string; view: string }) {
  const [, navigate] = useHashRoute();
  const ledger = usePlanLedger(planId);
  const [isEditingPlan, setEditingPlan] = useState(false);
  const [isPasting, setPasting] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const today = todayIso();
  const names = useMemo(() => namesInItems(ledger?.items ?? []), [ledger]);

  if (ledger === undefined) return <Spin tip="正在读取…"><div style={{ height: 160 }} /></Spin>;
  if (ledger === null) {
    return <Result status="404" title="找不到该整改方案" subTitle="方案不存在或已被删除。" extra={<Button type="primary" onClick={() => navigate('rectification')}>返回方案列表</Button>} />;
  }
  const { plan, items } = ledger;
  const nextSeq = nextSeqOf(items);
  const common = { plan, nextSeq };
  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
      新增整改事项
    </Button>
  );
  const month = today.slice(0, 7);
  const views = [
    {
      key: 'items',
      label: `全部事项（${items.length}）`,
      children: (
        <ItemsLedger
          {...common}
          rows={items}
          tableId="rectificationItems"
          title="整改事项"
          emptyText="尚无整改事项：可“粘贴导入”Word/Excel 中的整改方案表格，或逐项新增"
          toolbarExtra={
            <>
              {addButton}
              <Button icon={<ImportOutlined />} onClick={() => setPasting(true)}>
                粘贴导入
              </Button>
            </>
          }
        />
      ),
    },
    { key: 'division', label: '按处室', children: <PickedView {...common} items={items} noun="处室" names={names.divisions} pick={byDivision} tableId="rectificationItems-division" /> },
    { key: 'person', label: '按责任人', children: <PickedView {...common} items={items} noun="责任人" names={names.persons} pick={byPerson} tableId="rectificationItems-person" /> },
    {
      key: 'month',
      label: `本月到期（${dueThisMonth(items, today).length}）`,
      children: <ItemsLedger {...common} rows={dueThisMonth(items, today)} tableId="rectificationItems-month" title={`${month} 到期未完成的整改事项`} emptyText="本月没有到期未完成的事项" />,
    },
    {
      key: 'overdue',
      label: `已逾期（${overdue(items, today).length}）`,
      children: <ItemsLedger {...common} rows={overdue(items, today)} tableId="rectificationItems-overdue" title="逾期未完成的整改事项" emptyText="没有逾期未完成的事项" />,
    },
  ];
  const active = views.some((v) => v.key === view) ? view : 'items';

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Card size="small">
        <div className="rectification-plan-head">
          <PlanHeader plan={plan} items={items} today={today} />
          <Space orientation="vertical" size={4} align="end">
            <Space>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('rectification')}>
                方案列表
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)}>
                修改方案
              </Button>
            </Space>
            <PlanDocuments plan={plan} disabled={items.length === 0} />
          </Space>
        </div>
      </Card>
      <Card size="small">
        <Tabs activeKey={active} onChange={(key) => navigate('rectification', `${planId}/${key}`)} destroyOnHidden items={views} />
      </Card>
      <PlanFormModal open={isEditingPlan} plan={plan} onClose={() => setEditingPlan(false)} />
      {isAdding && <ItemFormModal open plan={plan} nextSeq={nextSeq} onClose={() => setAdding(false)} />}
      <PastePlanModal open={isPasting} plan={plan} onClose={() => setPasting(false)} />
    </Space>
  );
}
