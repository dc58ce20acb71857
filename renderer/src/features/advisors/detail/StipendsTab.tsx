import { useCallback } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { advisorStipendSchema, type Advisor, type AdvisorStipend } from '../../../../../shared/domain/advisors/schema';
import { canRecordStipend, duplicateStipendYearWarning } from '../../../../../shared/domain/advisors/rules';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { StipendFields } from '../forms/StipendFields';
import { stipendOverview, type StipendState, type StipendYear } from '../stipendOverview';
import { todayIso, useAdvisorRules } from '../useAdvisors';
import { formatYuan } from '../yearSummary';
import { RecordList } from './RecordList';
import { AttachmentsButton, useAttachmentCounts } from '../../attachments';

const stateColors: Record<StipendState, string> = { 未拨付: 'red', 已拨付未备案: 'orange', 已备案: 'green' };

const columns: LedgerColumn<AdvisorStipend>[] = [
  { id: 'year', header: '年度', accessor: (r) => r.year, width: 100, filter: 'select' },
  { id: 'amount', header: '金额（元）', accessor: (r) => r.amount, width: 130, align: 'right', cell: (r) => r.amount.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) },
  { id: 'paidVia', header: '拨付单位', accessor: (r) => r.paidVia, width: 200, filter: 'select' },
  { id: 'paidDate', header: '拨付日期', accessor: (r) => r.paidDate, width: 110, cell: (r) => r.paidDate ?? <Tag color="red">未拨付</Tag> },
  { id: 'voucherNumber', header: '凭证号', accessor: (r) => r.voucherNumber, width: 140 },
  { id: 'filedDate', header: '备案日期', accessor: (r) => r.filedDate, width: 110, cell: (r) => r.filedDate ?? (r.paidDate ? <Tag color="orange">未备案</Tag> : '') },
];

const overviewColumns = [
  { title: '年度', dataIndex: 'year', width: 80 },
  { title: '应发（税后）', dataIndex: 'expected', width: 120, render: (v: number) => formatYuan(v) },
  { title: '已拨付', dataIndex: 'paid', width: 120, render: (v: number) => (v ? formatYuan(v) : '—') },
  { title: '情况', dataIndex: 'state', width: 130, render: (s: StipendState) => <Tag color={stateColors[s]}>{s}</Tag> },
];

const describe = (r: AdvisorStipend) => `${r.year}年度 ${formatYuan(r.amount)}`;
const ATTACHMENTS = { table: 'advisorStipends' };

/** 聘金 (seed 000 §六): year by year what was due, paid and filed; then the payment records. */
export function StipendsTab({ advisor, rows }: { advisor: Advisor; rows: AdvisorStipend[] }) {
  const rules = useAdvisorRules();
  const overview = stipendOverview(advisor, rows, todayIso(), rules.stipendPerYear);
  const firstOpen = overview.find((y) => y.state === '未拨付')?.year;
  const defaults = useCallback(
    () => ({ year: firstOpen ?? Number(todayIso().slice(0, 4)), amount: rules.stipendPerYear, paidVia: advisor.serviceUnit ?? advisor.homeInstitution }),
    [firstOpen, rules.stipendPerYear, advisor.serviceUnit, advisor.homeInstitution],
  );
  const allowed = canRecordStipend(advisor);
  // 聘金 凭证 (seed 000 §六): the scanned voucher and 备案 letter of each payment.
  const attachmentCounts = useAttachmentCounts('advisorStipends');
  const rowActions = useCallback(
    (row: AdvisorStipend) => <AttachmentsButton table="advisorStipends" recordId={row.id} count={attachmentCounts.get(row.id)} title={`${advisor.name} ${describe(row)}`} />,
    [attachmentCounts, advisor.name],
  );
  // A second payment for a year is possible (补发) but usually a double entry: asked, not refused.
  const warnings = useCallback(
    (draft: Record<string, unknown>) => {
      const warning = duplicateStipendYearWarning(rows, draft);
      return warning ? [{ field: 'year', message: warning }] : [];
    },
    [rows],
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {overview.length > 0 ? (
        <Table<StipendYear>
          size="small"
          bordered
          pagination={false}
          rowKey="year"
          columns={overviewColumns}
          dataSource={overview}
          style={{ maxWidth: 460 }}
          aria-label="聘金年度情况"
        />
      ) : (
        <Typography.Text type="secondary">聘期开始后按年度列出应发聘金（每人每年 {formatYuan(rules.stipendPerYear)}，税后）。</Typography.Text>
      )}
      <RecordList
        table="advisorStipends"
        advisorId={advisor.id}
        rows={rows}
        columns={columns}
        noun="聘金发放"
        describe={describe}
        schema={advisorStipendSchema}
        defaults={defaults}
        fields={() => <StipendFields />}
        addDisabledReason={allowed.ok ? null : allowed.reason}
        warnings={warnings}
        rowActions={rowActions}
        attachments={ATTACHMENTS}
      />
    </Space>
  );
}
