import { Form, Input, Select, Tag } from 'antd';
import { changeRequestSchema, commissionerOutcomeSchema, type ChangeRequest, type CommissionerOutcome } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { addCommissionerRecord, updateCommissionerRecord, type AgreementFileView } from '../../../db/repositories/commissionerFiles';
import { ChangeRequestFields, OutcomeFields } from '../forms/RecordFields';
import { RecordTable } from '../RecordTable';
import { todayIso, type CommissionerLookups } from '../useCommissioners';

/** Which dispatch a record belongs to (a commissioner may have several over the years). */
function AgreementField({ agreements, lookups }: { agreements: AgreementFileView[]; lookups?: CommissionerLookups }) {
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item name="enterpriseId" hidden>
        <Input />
      </Form.Item>
    <Form.Item label="派驻" name="agreementId" required>
      <Select
        onChange={(id: string) => form.setFieldValue('enterpriseId', agreements.find((v) => v.agreement.id === id)?.agreement.enterpriseId)}
        options={agreements.map(({ agreement: a }) => ({ value: a.id, label: `${lookups?.enterpriseById.get(a.enterpriseId)?.name ?? ''}（${a.startDate ?? '未定'} 起，${a.status}）` }))} />
    </Form.Item>
    </>
  );
}

const enterpriseOf = (agreements: AgreementFileView[], lookups: CommissionerLookups | undefined, agreementId: string) =>
  lookups?.enterpriseById.get(agreements.find((v) => v.agreement.id === agreementId)?.agreement.enterpriseId ?? '')?.name ?? '';

const decisionColors: Record<string, string> = { 待审批: 'orange', 同意: 'green', 不同意: 'red' };

/** 变更申请 (seed 004 第十一条, 第十五条(二)): written request, decision and date, kept as history. */
export function ChangesTab({ agreements, lookups }: { agreements: AgreementFileView[]; lookups?: CommissionerLookups }) {
  const db = useDb();
  const rows = agreements.flatMap((v) => v.changeRequests).sort((a, b) => b.requestDate.localeCompare(a.requestDate));
  const columns: LedgerColumn<ChangeRequest>[] = [
    { id: 'requestDate', header: '申请日期', accessor: (r) => r.requestDate, width: 104 },
    { id: 'kind', header: '变更事项', accessor: (r) => r.kind, width: 110 },
    { id: 'requestedBy', header: '申请方', accessor: (r) => r.requestedBy, width: 100 },
    { id: 'enterprise', header: '派驻企业', accessor: (r) => enterpriseOf(agreements, lookups, r.agreementId), width: 150 },
    { id: 'content', header: '申请内容', accessor: (r) => r.content, width: 240 },
    { id: 'decision', header: '审批', accessor: (r) => r.decision, width: 80, cell: (r) => <Tag color={decisionColors[r.decision]}>{r.decision}</Tag> },
    { id: 'approvalDate', header: '审批日期', accessor: (r) => r.approvalDate, width: 104 },
  ];
  return (
    <RecordTable
      table="commissionerChangeRequests"
      tableId="commissioner-changes"
      rows={rows}
      columns={columns}
      noun="变更申请"
      describe={(r) => `${r.requestDate} ${r.kind}`}
      schema={changeRequestSchema}
      defaults={() => ({ agreementId: agreements[0]?.agreement.id, requestDate: todayIso(), decision: '待审批', requestedBy: '科技特派员' })}
      addDisabledReason={agreements.length === 0 ? '尚未派驻，无可变更的协议' : null}
      fields={() => (
        <>
          <AgreementField agreements={agreements} lookups={lookups} />
          <ChangeRequestFields />
        </>
      )}
      save={(fields, row) => (row ? updateCommissionerRecord(db, 'commissionerChangeRequests', row.id, fields) : addCommissionerRecord(db, 'commissionerChangeRequests', fields as never))}
      height={300}
    />
  );
}

/** 工作成效 (seed 001 §一 targets): projects, transfers, R&D accounting, patents, platforms. */
export function OutcomesTab({ agreements, lookups }: { agreements: AgreementFileView[]; lookups?: CommissionerLookups }) {
  const db = useDb();
  const rows = agreements.flatMap((v) => v.outcomes).sort((a, b) => b.date.localeCompare(a.date));
  const columns: LedgerColumn<CommissionerOutcome>[] = [
    { id: 'date', header: '日期', accessor: (r) => r.date, width: 104 },
    { id: 'kind', header: '成效类别', accessor: (r) => r.kind, width: 140 },
    { id: 'title', header: '名称', accessor: (r) => r.title, width: 280 },
    { id: 'enterprise', header: '派驻企业', accessor: (r) => enterpriseOf(agreements, lookups, r.agreementId), width: 160 },
  ];
  return (
    <RecordTable
      table="commissionerOutcomes"
      tableId="commissioner-outcomes"
      rows={rows}
      columns={columns}
      noun="工作成效"
      describe={(r) => r.title}
      schema={commissionerOutcomeSchema}
      defaults={() => {
        const view = agreements.find((v) => v.agreement.status === '生效') ?? agreements[0];
        return { agreementId: view?.agreement.id, enterpriseId: view?.agreement.enterpriseId, date: todayIso() };
      }}
      addDisabledReason={agreements.length === 0 ? '尚未派驻' : null}
      fields={() => (
        <>
          <AgreementField agreements={agreements} lookups={lookups} />
          <OutcomeFields />
        </>
      )}
      save={(fields, row) => (row ? updateCommissionerRecord(db, 'commissionerOutcomes', row.id, fields) : addCommissionerRecord(db, 'commissionerOutcomes', fields as never))}
      height={300}
    />
  );
}
