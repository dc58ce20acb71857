import { useMemo, useState } from 'react';
import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../../db/DbContext';
import { LedgerTable, type LedgerColumn } from '../../../components/LedgerTable';
import { DocumentActions } from '../../../components/DocumentActions';
import { registerPage, type RegisterEntry } from '../../../db/repositories/appointmentCertificates';
import { readSetting } from '../../settings/settingsStore';
import { useKeyIndex } from '../../../db/usePagedLedgerSource';
import type { LedgerKeyRow } from '../../../../../shared/search/ledgerKeys';
import { BatchCertificateButton } from './BatchCertificateButton';
import { registerReportInput } from './certificateInputs';
import { VoidCertificateButton } from './VoidCertificateButton';

const noEntries: RegisterEntry[] = [];

/** Entries read per page; 显示更早的登记 adds another page. */
export const REGISTER_PAGE = 500;

const columns: LedgerColumn<RegisterEntry>[] = [
  { id: 'number', header: '聘书编号', accessor: (r) => r.number, width: 200, filter: 'text', cell: (r) => (r.isDuplicate ? <Typography.Text type="danger">{r.number} <Tag color="red">重号</Tag></Typography.Text> : r.number) },
  { id: 'name', header: '姓名', accessor: (r) => r.advisorName, width: 120, filter: 'text' },
  { id: 'issuedOn', header: '登记日期', accessor: (r) => r.issuedOn, width: 130, filter: 'dateRange' },
  { id: 'kind', header: '类型', accessor: (r) => (r.isReprint ? '补打' : '颁发'), width: 100, filter: 'select', cell: (r) => (r.isReprint ? <Tag color="orange">补打</Tag> : <Tag color="blue">颁发</Tag>) },
  { id: 'mode', header: '打印方式', accessor: (r) => r.mode, width: 120, filter: 'select' },
  { id: 'term', header: '聘期', accessor: (r) => `${r.termStart} 至 ${r.termEnd}`, width: 210 },
  { id: 'notes', header: '备注', accessor: (r) => r.notes, width: 160, defaultHidden: true },
  { id: 'actions', header: '操作', accessor: () => '', width: 80, sortable: false, pin: 'right', cell: (r) => <VoidCertificateButton entry={r} /> },
];

/** 聘书发放登记: every certificate issued or reprinted, with duplicates flagged after a merge. */
export function CertificateRegisterPanel() {
  const db = useDb();
  // The newest entries by the issuedOn index, a page at a time (never the whole register);
  // duplicate numbers are found from the number index over the whole register.
  const [pages, setPages] = useState(1);
  const page = useLiveQuery(() => registerPage(db, pages * REGISTER_PAGE), [db, pages]);
  // A stable empty array while loading: LedgerTable reports displayed rows whenever `rows`
  // changes identity, and a fresh [] per render would loop through setDisplayed.
  const entries = page?.entries ?? noEntries;
  // Those who can get a 聘书 now: 已审定 (first issue) or 已聘任 (reprint) — from the roster's
  // key rows (name, status, number), not a scan of every advisor record.
  const advisorKeys = useKeyIndex(db, 'advisors');
  const { index: advisorIndex, version: advisorsVersion } = advisorKeys;
  const candidates = useMemo(() => {
    const index = advisorIndex;
    if (!index) return [];
    return index.query({ select: { status: ['已审定', '已聘任'] } }).map((id) => {
      const row = index.get(id) as LedgerKeyRow;
      return { id, name: row.name, status: String(row.fields.status ?? ''), certificateNumber: row.fields.certificateNumber ? String(row.fields.certificateNumber) : '' };
    });
    // advisorsVersion: the index changes in place with every committed write.
  }, [advisorIndex, advisorsVersion]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [displayed, setDisplayed] = useState<RegisterEntry[]>([]);
  const duplicates = useMemo(() => [...(page?.duplicates.keys() ?? [])], [page]);

  async function reportInput() {
    const organisation = await readSetting(db, 'organisation');
    return registerReportInput(displayed, organisation, new Date().toLocaleDateString('sv-SE'));
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} aria-label="聘书发放登记">
      <Space wrap>
        <Typography.Text>颁发或补打：</Typography.Text>
        <Select
          mode="multiple"
          aria-label="选择科技顾问"
          placeholder="选择已审定或已聘任的科技顾问"
          style={{ minWidth: 360 }}
          value={chosen}
          onChange={setChosen}
          optionFilterProp="label"
          options={candidates.map((a) => ({ value: a.id, label: `${a.name}（${a.status}${a.certificateNumber ? `，${a.certificateNumber}` : ''}）` }))}
        />
        <BatchCertificateButton advisorIds={chosen} />
      </Space>
      {duplicates.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`发现重复的聘书编号：${duplicates.join('、')}`}
          description="同一编号登记给了不同的科技顾问（多台电脑分别颁发后合并数据时可能出现）。请核对后作废错误的登记，并为相关人员重新颁发。"
        />
      )}
      <LedgerTable
        tableId="certificateRegister"
        ariaLabel="聘书发放登记"
        columns={columns}
        rows={entries}
        getRowId={(r) => r.id}
        onDisplayedRowsChange={setDisplayed}
        height={420}
        emptyText="尚无聘书发放登记"
        toolbarExtra={
          <span data-testid="register-document" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            {page?.hasOlder && (
              <Button size="small" onClick={() => setPages((n) => n + 1)}>
                显示更早的登记
              </Button>
            )}
            <Typography.Text type="secondary">登记簿（{displayed.length !== entries.length ? `筛选出的 ${displayed.length} 条` : page?.hasOlder ? `最近的 ${entries.length} 条` : '全部'}）：</Typography.Text>
            <DocumentActions kind="certificateRegister" getInput={reportInput} disabled={displayed.length === 0} size="small" />
          </span>
        }
      />
    </Space>
  );
}
