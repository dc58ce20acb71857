import { useState } from 'react';
import { Alert, Button, Space, Tag } from 'antd';
import { subsidiesDue, unpaidSubsidies } from '../../../../../shared/domain/commissioners/assessment';
import type { CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { commissionerSubsidySchema, type CommissionerAssessment, type CommissionerSubsidy } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { addCommissionerRecord, updateCommissionerRecord, type AgreementFileView } from '../../../db/repositories/commissionerFiles';
import { formatYuan } from '../../advisors/yearSummary';
import { SubsidyFields } from '../forms/RecordFields';
import { RecordTable } from '../RecordTable';
import { partyName, todayIso, type CommissionerLookups } from '../useCommissioners';

type SubsidyRow = CommissionerSubsidy & { enterprise: string };

const columns: LedgerColumn<SubsidyRow>[] = [
  { id: 'year', header: '年度', accessor: (r) => r.year, width: 70 },
  { id: 'kind', header: '类别', accessor: (r) => r.kind, width: 90 },
  { id: 'amount', header: '金额（元）', accessor: (r) => r.amount, width: 110, align: 'right', cell: (r) => formatYuan(r.amount) },
  { id: 'payee', header: '领取人', accessor: (r) => r.payee, width: 110 },
  { id: 'enterprise', header: '派驻企业', accessor: (r) => r.enterprise, width: 160 },
  { id: 'paidDate', header: '发放日期', accessor: (r) => r.paidDate, width: 104, cell: (r) => r.paidDate ?? <Tag color="orange">未发放</Tag> },
  { id: 'voucherNumber', header: '凭证号', accessor: (r) => r.voucherNumber, width: 110 },
];

/** Service years' calendar years an agreement earns 补助 for, up to this year. */
function agreementYears(view: AgreementFileView, thisYear: number): number[] {
  const a = view.agreement;
  if (!a.startDate || a.status === '草拟') return [];
  const from = Number(a.startDate.slice(0, 4));
  const to = Math.min(thisYear, Number((a.endDate ?? a.startDate).slice(0, 4)));
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * 补助 (seed 001 §五(一)1: 1万元/人/年, a team as one; seed 004 第十九条: graded reward): what each
 * dispatch earns a year, what is still unpaid (发放 fills the payment in), and what was paid.
 */
export function SubsidyTab({ agreements, assessments, lookups, rules }: { agreements: AgreementFileView[]; assessments: CommissionerAssessment[]; lookups?: CommissionerLookups; rules: CommissionerRules }) {
  const db = useDb();
  const today = todayIso();
  const [paying, setPaying] = useState<Record<string, unknown> | null>(null);
  const thisYear = Number(today.slice(0, 4));
  const unpaid = agreements.flatMap((view) =>
    agreementYears(view, thisYear).flatMap((year) => {
      const a = view.agreement;
      const assessment = assessments.find((x) => x.year === year && (a.teamId ? x.teamId === a.teamId : x.commissionerId === a.commissionerId));
      return unpaidSubsidies(a.id, year, subsidiesDue(a, assessment, rules), view.subsidies).map((line) => ({ view, year, line }));
    }),
  );
  const rows: SubsidyRow[] = agreements.flatMap((v) => v.subsidies.map((s) => ({ ...s, enterprise: lookups?.enterpriseById.get(v.agreement.enterpriseId)?.name ?? '' })));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {unpaid.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="待发放补助"
          description={
            <Space orientation="vertical" size={4}>
              {unpaid.map(({ view, year, line }) => (
                <Space key={`${view.agreement.id}-${year}-${line.kind}`} wrap>
                  <span>
                    {year} 年 {line.kind} {formatYuan(line.amount)}（{line.basis}）— {lookups?.enterpriseById.get(view.agreement.enterpriseId)?.name}
                  </span>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setPaying({ agreementId: view.agreement.id, year, kind: line.kind, amount: line.amount, payee: partyName(view.agreement, lookups), paidDate: today })}
                  >
                    发放
                  </Button>
                </Space>
              ))}
            </Space>
          }
        />
      )}
      <RecordTable
        table="commissionerSubsidies"
        tableId="commissioner-subsidies"
        rows={rows}
        columns={columns}
        noun="补助发放记录"
        describe={(r) => `${r.year} 年${r.kind}`}
        schema={commissionerSubsidySchema}
        defaults={() => ({})}
        fields={() => <SubsidyFields />}
        save={(fields, row) => (row ? updateCommissionerRecord(db, 'commissionerSubsidies', row.id, fields) : Promise.reject(new Error('请从“待发放补助”中点击“发放”')))}
        readOnlyAdd
        height={300}
      />
      <RecordFormModal
        open={paying !== null}
        title="发放补助"
        schema={commissionerSubsidySchema}
        defaults={paying ?? undefined}
        context={paying ? { agreementId: paying.agreementId } : undefined}
        save={(fields) => addCommissionerRecord(db, 'commissionerSubsidies', fields as never)}
        successMessage="补助发放已登记"
        onClose={() => setPaying(null)}
      >
        <SubsidyFields />
      </RecordFormModal>
    </Space>
  );
}
