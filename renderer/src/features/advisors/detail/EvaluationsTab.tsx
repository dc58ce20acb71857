import { Tag } from 'antd';
import { advisorEvaluationSchema, type AdvisorEvaluation } from '../../../../../shared/domain/advisors/schema';
import type { LedgerColumn } from '../../../components/LedgerTable';
import { EvaluationFields } from '../forms/EvaluationFields';
import { todayIso } from '../useAdvisors';
import { RecordList } from './RecordList';

const resultColors: Record<NonNullable<AdvisorEvaluation['result']>, string> = { 优秀: 'green', 良好: 'blue', 合格: 'default', 不合格: 'red' };
const received = (date?: string) => date ?? <span className="advisor-muted">未收到</span>;

const columns: LedgerColumn<AdvisorEvaluation>[] = [
  { id: 'year', header: '年度', accessor: (r) => r.year, width: 90 },
  { id: 'annualWorkReport', header: '年度工作报告', accessor: (r) => r.annualWorkReportReceivedDate, width: 120, cell: (r) => received(r.annualWorkReportReceivedDate) },
  { id: 'annualSummary', header: '年度总结', accessor: (r) => r.annualSummaryReceivedDate, width: 120, cell: (r) => received(r.annualSummaryReceivedDate) },
  { id: 'termReport', header: '任期成果报告', accessor: (r) => r.termReportReceivedDate, width: 120, cell: (r) => received(r.termReportReceivedDate) },
  { id: 'selfAssessment', header: '成效自评报告', accessor: (r) => r.selfAssessmentReceivedDate, width: 120, cell: (r) => received(r.selfAssessmentReceivedDate) },
  { id: 'evaluationDate', header: '评估日期', accessor: (r) => r.evaluationDate, width: 110 },
  { id: 'result', header: '评估结果', accessor: (r) => r.result, width: 120, filter: 'select', cell: (r) => (r.result ? <Tag color={resultColors[r.result]}>{r.result}</Tag> : '') },
  { id: 'notes', header: '评估意见', accessor: (r) => r.notes, width: 220 },
];

const describe = (r: AdvisorEvaluation) => `${r.year}年度成效评估`;
const defaults = () => ({ year: Number(todayIso().slice(0, 4)) });

/** 成效评估 (seed 000 §八.(一)): reports received from the 服务单位, the office's result. */
export function EvaluationsTab({ advisorId, rows }: { advisorId: string; rows: AdvisorEvaluation[] }) {
  return (
    <RecordList
      table="advisorEvaluations"
      advisorId={advisorId}
      rows={rows}
      columns={columns}
      noun="成效评估"
      describe={describe}
      schema={advisorEvaluationSchema}
      defaults={defaults}
      fields={() => <EvaluationFields />}
      modalWidth={720}
    />
  );
}
