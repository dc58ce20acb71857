import { useCallback } from 'react';
import { Tag } from 'antd';
import { advisorPlanSchema, type AdvisorPlan } from '../../../../../shared/domain/advisors/schema';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { PlanFields } from '../forms/PlanFields';
import { todayIso } from '../useAdvisors';
import { RecordList } from './RecordList';
import { AttachmentsButton, useAttachmentCounts } from '../../attachments';

const notFiled = <Tag color="orange">未备案</Tag>;

const columns: LedgerColumn<AdvisorPlan>[] = [
  { id: 'kind', header: '类别', accessor: (r) => r.kind, width: 120, filter: 'select' },
  { id: 'years', header: '年度', accessor: (r) => (r.startYear === r.endYear ? `${r.startYear}` : `${r.startYear}—${r.endYear}`), width: 110 },
  { id: 'title', header: '方案名称', accessor: (r) => r.title, width: 340, filter: 'text' },
  { id: 'filedWithDepartmentDate', header: '主管部门备案', accessor: (r) => r.filedWithDepartmentDate, width: 120, cell: (r) => r.filedWithDepartmentDate ?? notFiled },
  { id: 'filedWithOfficeDate', header: '科技委办备案', accessor: (r) => r.filedWithOfficeDate, width: 120, cell: (r) => r.filedWithOfficeDate ?? notFiled },
  { id: 'targets', header: '目标任务', accessor: (r) => r.targets, width: 260, defaultHidden: true },
];

const describe = (r: AdvisorPlan) => r.title;
const ATTACHMENTS = { table: 'advisorPlans' };
const defaults = () => {
  const year = Number(todayIso().slice(0, 4));
  return { kind: '年度工作计划', startYear: year, endYear: year, title: '' };
};

/** 工作方案与计划 of the 服务单位 (seed 000 §七.(三)3). */
export function PlansTab({ advisorId, rows }: { advisorId: string; rows: AdvisorPlan[] }) {
  // The plan's 备案 scans (主管部门 and 科技委办 receipts) are its attachments.
  const attachmentCounts = useAttachmentCounts('advisorPlans');
  const rowActions = useCallback(
    (row: AdvisorPlan) => <AttachmentsButton table="advisorPlans" recordId={row.id} count={attachmentCounts.get(row.id)} title={row.title} />,
    [attachmentCounts],
  );
  return (
    <RecordList
      table="advisorPlans"
      advisorId={advisorId}
      rows={rows}
      columns={columns}
      noun="工作方案/计划"
      describe={describe}
      schema={advisorPlanSchema}
      defaults={defaults}
      fields={() => <PlanFields />}
      modalWidth={760}
      rowActions={rowActions}
      attachments={ATTACHMENTS}
    />
  );
}
