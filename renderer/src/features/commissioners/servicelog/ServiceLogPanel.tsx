import { useMemo, useState } from 'react';
import { Button, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ServiceLog } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import { LedgerTable, type AttachmentFilterValue, type LedgerAttachmentFilter, type LedgerColumn } from '../../../components/LedgerTable';
import { removeCommissionerRecord, restoreCommissionerRecord } from '../../../db/repositories/commissionerFiles';
import { serviceLogPage } from '../../../db/repositories/commissioners';
import { RowActions } from '../../../components/RecordLedger/RowActions';
import type { CommissionerLookups } from '../useCommissioners';
import { BulkEntryModal } from './BulkEntryModal';
import { QuickEntryRow, type EntryChoice } from './QuickEntryRow';
import { ServiceLogDrawer } from './ServiceLogDrawer';

const PAGE_SIZE = 50;

interface Props {
  by: 'commissioner' | 'enterprise';
  /** The commissioner's or the enterprise's id. */
  id: string;
  choices: EntryChoice[];
  lookups?: CommissionerLookups;
  /** Years to pick from, newest first. */
  years: number[];
}

/**
 * 服务日志 of one commissioner or one enterprise for one year: the quick-entry row on top, the
 * year's entries below, newest first, one page at a time from the compound index
 * (serviceLogPage) — the whole table is never read to show a page.
 */
export function ServiceLogPanel({ by, id, choices, lookups, years }: Props) {
  const db = useDb();
  const [year, setYear] = useState(years[0]);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<ServiceLog | null>(null);
  const [viewing, setViewing] = useState<ServiceLog | null>(null);
  const [bulk, setBulk] = useState(false);
  // 有/无附件 (签到表, photos) is chosen on the grid's toolbar but applied here, before paging,
  // so the pages and the year's count hold only the matching logs.
  const [files, setFiles] = useState<AttachmentFilterValue>('all');
  const attachments = useMemo<LedgerAttachmentFilter>(
    () => ({
      table: 'serviceLogs',
      onChange: (value) => {
        setFiles(value);
        setPage(1);
      },
    }),
    [],
  );
  const result = useLiveQuery(() => serviceLogPage(db, { by, id, year, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, files }), [db, by, id, year, page, files]);
  const rows = result?.rows ?? [];
  const daysOnPage = rows.reduce((sum, r) => sum + r.days, 0);

  const columns = useMemo<LedgerColumn<ServiceLog>[]>(
    () => [
      { id: 'date', header: '日期', accessor: (r) => r.date, width: 104 },
      { id: 'days', header: '天数', accessor: (r) => r.days, width: 60, align: 'right' },
      { id: 'mode', header: '方式', accessor: (r) => r.mode, width: 64, cell: (r) => <Tag color={r.mode === '线下' ? 'green' : 'blue'}>{r.mode}</Tag> },
      { id: 'kind', header: '服务类别', accessor: (r) => r.kind, width: 150 },
      by === 'commissioner'
        ? { id: 'enterprise', header: '派驻企业', accessor: (r) => lookups?.enterpriseById.get(r.enterpriseId)?.name, width: 150 }
        : { id: 'person', header: '服务人员', accessor: (r) => lookups?.personById.get(r.commissionerId)?.name, width: 90 },
      { id: 'content', header: '服务内容', accessor: (r) => r.content, width: 240 },
      { id: 'problemsSolved', header: '解决问题', accessor: (r) => r.problemsSolved, width: 160, defaultHidden: true },
      { id: 'outcomes', header: '取得成效', accessor: (r) => r.outcomes, width: 160 },
      {
        id: 'actions',
        header: '操作',
        accessor: () => '',
        width: 150,
        sortable: false,
        pin: 'right',
        cell: (r) => (
          <RowActions
            extra={
              <Button type="link" size="small" onClick={() => setViewing(r)}>
                查看
              </Button>
            }
            onEdit={() => setEditing(r)}
            removal={() => ({
              title: '删除服务日志？',
              content: `将删除 ${r.date} 的服务日志“${r.content}”。删除后可在提示中撤销。`,
              remove: () => removeCommissionerRecord(db, 'serviceLogs', r.id),
              restore: () => restoreCommissionerRecord(db, 'serviceLogs', r.id),
              doneMessage: `已删除 ${r.date} 的服务日志`,
            })}
          />
        ),
      },
    ],
    [by, lookups, db],
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      <Space wrap>
        <span>年度</span>
        <Select
          aria-label="服务日志年度"
          value={year}
          style={{ width: 100 }}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          onChange={(y) => {
            setYear(y);
            setPage(1);
          }}
        />
        <Button onClick={() => setBulk(true)} disabled={choices.length === 0}>
          批量登记多个日期
        </Button>
        <Typography.Text type="secondary">
          {result ? `${year} 年${files === 'all' ? '' : files === 'with' ? '有附件的' : '无附件的'}共 ${result.total} 条` : '正在读取…'}
          {result && result.total > PAGE_SIZE ? `，本页 ${rows.length} 条 ${daysOnPage} 天` : ''}
        </Typography.Text>
      </Space>
      <QuickEntryRow choices={choices} year={year} lookups={lookups} editing={editing} onEditDone={() => setEditing(null)} />
      <LedgerTable
        tableId={`service-logs-${by}`}
        ariaLabel="服务日志"
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        onRowActivate={(r) => setEditing(r)}
        excelImport={{ target: 'serviceLogs' }}
        attachments={attachments}
        height="max(240px, calc(100vh - 560px))"
        emptyText={result ? (files === 'all' ? `${year} 年尚无服务日志` : `${year} 年没有${files === 'with' ? '有' : '无'}附件的服务日志`) : '正在读取…'}
      />
      {result && result.total > PAGE_SIZE && (
        <Pagination current={page} pageSize={PAGE_SIZE} total={result.total} showSizeChanger={false} onChange={setPage} showTotal={(t) => `共 ${t} 条`} />
      )}
      <BulkEntryModal open={bulk} year={year} choices={choices} onClose={() => setBulk(false)} />
      <ServiceLogDrawer log={viewing} lookups={lookups} onClose={() => setViewing(null)} onEdit={(l) => { setViewing(null); setEditing(l); }} />
    </Space>
  );
}
