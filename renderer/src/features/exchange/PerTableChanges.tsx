import { Table } from 'antd';
import { perTableRows, type PerTable } from './syncSummary';

/** 新增 / 修改 / 删除 per ledger: the same small table in the sync summary and import previews. */
export function PerTableChanges({ perTable, emptyText = '没有台账记录变化' }: { perTable: PerTable; emptyText?: string }) {
  const rows = perTableRows(perTable);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="table"
      dataSource={rows}
      locale={{ emptyText }}
      aria-label="各台账的变化"
      columns={[
        { title: '台账', dataIndex: 'label' },
        { title: '新增', dataIndex: 'added', align: 'right', width: 100 },
        { title: '修改', dataIndex: 'changed', align: 'right', width: 100 },
        { title: '删除', dataIndex: 'deleted', align: 'right', width: 100, render: (n: number) => (n ? <span className="exchange-deleted">{n}</span> : n) },
      ]}
    />
  );
}
