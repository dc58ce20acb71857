import { useMemo, useState } from 'react';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { subsidiesDue, type SubsidyLine } from '../../../../../shared/domain/commissioners/assessment';
import { commissionerSubsidySchema, type CommissionerSubsidy, type CooperationAgreement } from '../../../../../shared/domain/commissioners/schema';
import { DocumentActions } from '../../../components/DocumentActions';
import { LedgerTable, type LedgerColumn } from '../../../components/LedgerTable';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { addCommissionerRecord } from '../../../db/repositories/commissionerFiles';
import { formatYuan } from '../../advisors/yearSummary';
import { readSetting } from '../../settings/settingsStore';
import { subsidyTableInput } from '../documentInputs';
import { SubsidyFields } from '../forms/RecordFields';
import { partyName, type CommissionerLookups } from '../useCommissioners';
import { serviceSummaryInput } from './serviceSummaryInput';
import { type YearSubject } from './yearRoster';
import { useYearRoster } from './useYearRoster';

interface LineRow {
  key: string;
  agreement: CooperationAgreement;
  line: SubsidyLine;
  paid?: CommissionerSubsidy;
}

/** Each subject's due lines of the year, matched with the payment of the same kind. */
function lineRows(subjects: YearSubject[], rules: Parameters<typeof subsidiesDue>[2]): LineRow[] {
  return subjects.flatMap((s) =>
    subsidiesDue(s.agreement, s.assessment, rules).map((line) => ({ key: `${s.agreement.id}:${line.kind}`, agreement: s.agreement, line, paid: s.subsidies.find((p) => p.kind === line.kind && p.paidDate) })),
  );
}

function columns(lookups: CommissionerLookups | undefined, pay: (r: LineRow) => void): LedgerColumn<LineRow>[] {
  return [
    { id: 'party', header: '科技特派员（团）', accessor: (r) => partyName(r.agreement, lookups), width: 200, filter: 'text', cell: (r) => `${partyName(r.agreement, lookups)}${r.agreement.teamId ? '（按1人计）' : ''}` },
    { id: 'enterprise', header: '派驻企业', accessor: (r) => lookups?.enterpriseById.get(r.agreement.enterpriseId)?.name, width: 180 },
    { id: 'kind', header: '类别', accessor: (r) => r.line.kind, width: 90, filter: 'select' },
    { id: 'basis', header: '依据', accessor: (r) => r.line.basis, width: 150 },
    { id: 'amount', header: '金额（元）', accessor: (r) => r.line.amount, width: 110, align: 'right', cell: (r) => formatYuan(r.paid?.amount ?? r.line.amount) },
    {
      id: 'paid',
      header: '发放',
      accessor: (r) => (r.paid ? '已发放' : '未发放'),
      width: 130,
      filter: 'select',
      cell: (r) => (r.paid ? <Tag color="green">已发放 {r.paid.paidDate}</Tag> : <Tag color="orange">未发放</Tag>),
    },
    {
      id: 'actions',
      header: '操作',
      accessor: () => '',
      width: 80,
      sortable: false,
      pin: 'right',
      cell: (r) =>
        r.paid ? null : (
          <Button type="link" size="small" onClick={() => pay(r)}>
            发放
          </Button>
        ),
    },
  ];
}

/**
 * 补助发放 of a year (seed 001 §五(一)1; seed 004 第十九条): what each dispatch earns (a team as
 * one; the graded reward after assessment), 发放 records the payment; the year's 补助发放表 and
 * 服务情况汇总表 are printed from here.
 */
export function SubsidySection() {
  const { db, rules, lookups, today, year, setYear, yearOptions, subjects } = useYearRoster();
  const [paying, setPaying] = useState<LineRow | null>(null);
  const rows = useMemo(() => lineRows(subjects ?? [], rules), [subjects, rules]);
  const cols = useMemo(() => columns(lookups, setPaying), [lookups]);
  const paidTotal = rows.reduce((sum, r) => sum + (r.paid?.amount ?? 0), 0);
  const dueTotal = rows.filter((r) => !r.paid).reduce((sum, r) => sum + r.line.amount, 0);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>年度</span>
        <Select aria-label="补助年度" value={year} style={{ width: 100 }} options={yearOptions} onChange={setYear} />
        <Typography.Text>
          已发放 {formatYuan(paidTotal)}，待发放 {formatYuan(dueTotal)}
        </Typography.Text>
        <span>补助发放表</span>
        <DocumentActions
          kind="subsidyTable"
          size="small"
          disabled={!lookups || !rows.some((r) => r.paid)}
          getInput={async () => subsidyTableInput(year, rows.filter((r) => r.paid).map((r) => ({ subsidy: r.paid!, agreement: r.agreement })), lookups!, await readSetting(db, 'organisation'), today)}
        />
        <span>服务情况汇总表</span>
        <DocumentActions kind="serviceSummary" size="small" disabled={!lookups || !subjects?.length} getInput={async () => serviceSummaryInput(db, year, subjects ?? [], lookups!, rules, await readSetting(db, 'organisation'), today)} />
      </Space>
      <LedgerTable
        tableId="commissioner-year-subsidy"
        ariaLabel="补助发放"
        columns={cols}
        rows={rows}
        getRowId={(r) => r.key}
        onRowActivate={(r) => !r.paid && setPaying(r)}
        height="calc(100vh - 330px)"
        emptyText={subjects ? `${year} 年无应发补助` : '正在读取…'}
      />
      <RecordFormModal
        open={paying !== null}
        title="发放补助"
        schema={commissionerSubsidySchema}
        defaults={paying ? { year, kind: paying.line.kind, amount: paying.line.amount, payee: partyName(paying.agreement, lookups), paidDate: today } : undefined}
        context={paying ? { agreementId: paying.agreement.id } : undefined}
        save={(fields) => addCommissionerRecord(db, 'commissionerSubsidies', fields as never)}
        successMessage="补助发放已登记"
        onClose={() => setPaying(null)}
      >
        <SubsidyFields />
      </RecordFormModal>
    </Space>
  );
}
