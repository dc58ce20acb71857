import { useMemo, useState } from 'react';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { referenceFields } from '../../../../shared/domain/references';
import { useDb } from '../../db/DbContext';
import { LedgerTable, type LedgerColumn } from '../../components/LedgerTable';
import { DocumentActions } from '../../components/DocumentActions';
import type { SciLedgerDb } from '../../db/database';
import { toOperationLogRows, type OperationLogRow } from './operationLog';
import { readSetting } from './settingsStore';

/** Entries per page: the panel opens on the newest page; 显示更早的记录 adds the next one back. */
export const OPERATION_LOG_PAGE = 1_000;

/**
 * The newest `limit` entries (opChunks.ts newest: it walks the chunks from the newest back and
 * stops once the page is full, never reading the whole oplog), named from only the records
 * they mention: one bulkGet per table of the ids the entries and their reference fields name,
 * not a read of whole ledger tables. The total is counted from the chunks' keys.
 */
export async function loadOperationLogPage(db: SciLedgerDb, limit: number): Promise<{ rows: OperationLogRow[]; total: number }> {
  const total = await db.oplog.count();
  const entries = await db.oplog.newest(limit);
  const wanted = new Map<string, Set<string>>();
  const want = (table: string, id: unknown) => {
    if (typeof id !== 'string') return;
    let ids = wanted.get(table);
    if (!ids) wanted.set(table, (ids = new Set()));
    ids.add(id);
  };
  for (const entry of entries) {
    want(entry.table, entry.id);
    for (const [key, value] of Object.entries(entry.fields)) {
      const target = referenceFields[key];
      if (target) for (const id of Array.isArray(value) ? value : [value]) want(target, id);
    }
  }
  const records = new Map<string, Record<string, unknown>>();
  for (const [table, idSet] of wanted) {
    if (!(table in ledgerTables)) continue;
    const ids = [...idSet];
    const found = await db.ledger(table as LedgerTableName).bulkGet(ids);
    found.forEach((record, i) => {
      if (record) records.set(`${table}:${ids[i]}`, record as Record<string, unknown>);
    });
  }
  return { rows: toOperationLogRows(entries, (table, id) => records.get(`${table}:${id}`)), total };
}

const actionColor: Record<OperationLogRow['action'], string> = { 新增: 'green', 修改: 'blue', 删除: 'red' };

const columns: LedgerColumn<OperationLogRow>[] = [
  { id: 'at', header: '时间', accessor: (r) => r.at, width: 170, cell: (r) => new Date(r.at).toLocaleString('zh-CN', { hour12: false }) },
  { id: 'date', header: '日期', accessor: (r) => r.date, width: 110, filter: 'dateRange', defaultHidden: true },
  { id: 'operator', header: '操作员', accessor: (r) => r.operator, width: 110, filter: 'select' },
  { id: 'table', header: '台账', accessor: (r) => r.tableLabel, width: 120, filter: 'select' },
  { id: 'action', header: '操作', accessor: (r) => r.action, width: 96, filter: 'select', filterOrder: ['新增', '修改', '删除'], cell: (r) => <Tag color={actionColor[r.action]}>{r.action}</Tag> },
  { id: 'record', header: '记录', accessor: (r) => r.recordName, width: 180, filter: 'text' },
  { id: 'fields', header: '变更内容', accessor: (r) => r.fields, width: 520, filter: 'text' },
];

/** 操作记录: who changed what, when — the oplog read as an audit trail, filterable and printable. */
export function OperationLogPanel() {
  const db = useDb();
  const [pages, setPages] = useState(1);
  const shownLimit = pages * OPERATION_LOG_PAGE;
  const data = useLiveQuery(() => loadOperationLogPage(db, shownLimit), [db, shownLimit]);
  const [selected, setSelected] = useState<string[]>([]);
  const [displayed, setDisplayed] = useState<OperationLogRow[]>([]);
  const rows = data?.rows ?? [];
  // 打印 takes the selected rows if any, otherwise what the filters and search leave on screen.
  const printedRows = useMemo(() => {
    const ids = new Set(selected);
    return ids.size ? rows.filter((r) => ids.has(r.opId)) : displayed;
  }, [rows, displayed, selected]);
  const isFiltered = displayed.length !== rows.length;

  async function reportInput() {
    const organisation = await readSetting(db, 'organisation');
    return {
      entries: printedRows.map(({ at, operator, tableLabel, recordId, action, fields, recordName }) => ({
        at,
        operator,
        tableLabel,
        recordId,
        action,
        fields: `${recordName}：${fields}`,
      })),
      filterDescription: selected.length ? `选定的 ${selected.length} 条记录` : isFiltered ? `筛选出的 ${displayed.length} 条记录` : `全部 ${rows.length} 条记录`,
      organisation: organisation.department,
      generatedOn: new Date().toLocaleDateString('sv-SE'),
    };
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data && data.total > data.rows.length && (
        <Alert
          type="info"
          showIcon
          title={`共 ${data.total} 条操作记录，此处显示最近的 ${data.rows.length} 条（筛选和搜索在这些记录中进行）。`}
          action={
            <Button size="small" onClick={() => setPages((n) => n + 1)}>
              显示更早的 {Math.min(OPERATION_LOG_PAGE, data.total - data.rows.length)} 条
            </Button>
          }
        />
      )}
      <LedgerTable
        tableId="operationLog"
        ariaLabel="操作记录"
        columns={columns}
        rows={rows}
        getRowId={(r) => r.opId}
        selectable
        onSelectionChange={setSelected}
        onDisplayedRowsChange={setDisplayed}
        height={520}
        emptyText="暂无操作记录"
        toolbarExtra={
          <Space>
            <Typography.Text type="secondary">{selected.length ? `打印选定的 ${selected.length} 条` : isFiltered ? `打印筛选出的 ${displayed.length} 条` : '打印全部'}</Typography.Text>
            <DocumentActions kind="operationLogReport" getInput={reportInput} disabled={printedRows.length === 0} size="small" />
          </Space>
        }
      />
    </Space>
  );
}
