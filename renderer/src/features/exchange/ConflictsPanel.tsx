import { useState } from 'react';
import { Alert, App, Button, Collapse, Space, Tag, Typography } from 'antd';
import { useDb } from '../../db/DbContext';
import { LedgerTable, type LedgerColumn } from '../../components/LedgerTable';
import { resolveConflict } from '../../db/sync';
import type { ConflictRow, ConflictSideView } from './conflictRows';
import { EditConflictModal } from './EditConflictModal';
import { useConflictRows } from './useConflictRows';

function Side({ side }: { side: ConflictSideView }) {
  return (
    <div>
      <div className={side.isCurrent ? 'exchange-side-current' : undefined}>
        {side.value} {side.isCurrent && <Tag color="blue">当前</Tag>}
      </div>
      <div className="exchange-side-meta">
        {side.who} · {side.when}
      </div>
    </div>
  );
}

const baseColumns: LedgerColumn<ConflictRow>[] = [
  { id: 'table', header: '台账', accessor: (r) => r.tableLabel, width: 120, filter: 'select' },
  { id: 'record', header: '记录', accessor: (r) => r.recordName, width: 150, filter: 'text' },
  { id: 'field', header: '字段', accessor: (r) => r.fieldLabel, width: 120, filter: 'select' },
  { id: 'mine', header: '本机的值', accessor: (r) => r.mine.value, width: 250, cell: (r) => <Side side={r.mine} /> },
  { id: 'theirs', header: '对方的值', accessor: (r) => r.theirs.value, width: 250, cell: (r) => <Side side={r.theirs} /> },
];

const resolvedColumns: LedgerColumn<ConflictRow>[] = [
  ...baseColumns,
  { id: 'resolution', header: '处理结果', accessor: (r) => r.resolution, width: 130 },
  { id: 'resolvedAt', header: '处理时间', accessor: (r) => r.resolvedAt, width: 140 },
];

/**
 * 冲突: the same field edited differently on two machines. The ledger already holds the later
 * value (LWW); nothing is lost — the clerk confirms or corrects each one (issue 4).
 */
export function ConflictsPanel() {
  const db = useDb();
  const { message } = App.useApp();
  const [data, reload] = useConflictRows();
  const [editing, setEditing] = useState<ConflictRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function keep(row: ConflictRow, side: ConflictSideView, text: string) {
    setBusy(row.key);
    try {
      await resolveConflict(db, row.key, { keep: side.role });
      reload();
      message.success(`已${text}：${row.recordName} · ${row.fieldLabel}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  }

  const columns: LedgerColumn<ConflictRow>[] = [
    ...baseColumns,
    {
      id: 'actions',
      header: '处理',
      accessor: () => '',
      width: 230,
      sortable: false,
      pin: 'right',
      cell: (r) => (
        <Space size={4}>
          <Button size="small" loading={busy === r.key} onClick={() => keep(r, r.mine, '保留本机的值')}>
            保留本机
          </Button>
          <Button size="small" disabled={busy === r.key} onClick={() => keep(r, r.theirs, '采用对方的值')}>
            采用对方
          </Button>
          <Button size="small" disabled={busy === r.key} onClick={() => setEditing(r)}>
            编辑
          </Button>
        </Space>
      ),
    },
  ];

  const open = data?.open ?? [];
  const resolved = data?.resolved ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {open.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={`有 ${open.length} 处冲突待核对`}
          description="同一字段在两台电脑上被改成了不同的值。台账目前采用标有“当前”的值（较晚修改的一方）；请确认保留哪一个，或改成正确的值。处理结果会在下次同步时传给其他电脑。"
        />
      ) : (
        data && <Alert type="success" showIcon message="没有待处理的冲突" />
      )}
      {open.length > 0 && (
        <LedgerTable
          tableId="exchangeConflicts"
          ariaLabel="待处理冲突"
          columns={columns}
          rows={open}
          getRowId={(r) => r.key}
          height={Math.min(520, 140 + open.length * 60)}
          emptyText="暂无待处理的冲突"
        />
      )}
      {resolved.length > 0 && (
        <Collapse
          items={[
            {
              key: 'resolved',
              label: `已处理的冲突（${resolved.length}）`,
              children: (
                <LedgerTable tableId="exchangeResolvedConflicts" ariaLabel="已处理的冲突" columns={resolvedColumns} rows={resolved} getRowId={(r) => r.key} height={360} />
              ),
            },
          ]}
        />
      )}
      {open.length > 0 && <Typography.Text type="secondary">“本机”指这台电脑上录入的值；“当前”是台账现在显示的值。</Typography.Text>}
      {editing && data && (
        <EditConflictModal
          row={editing}
          current={data.raw.get(editing.key)?.winner.value}
          onClose={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}
