import type { LedgerColumn } from '../../../components/LedgerTable';
import { Tag } from 'antd';
import { applicationBlock } from '../../../../../shared/domain/commissioners/assessment';
import { complianceForYear, serviceYears } from '../../../../../shared/domain/commissioners/compliance';
import type { CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { commissionerAssessmentSchema, type Commissioner, type CommissionerAssessment, type CommissionerTeam } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import type { AgreementFileView } from '../../../db/repositories/commissionerFiles';
import { saveAssessment } from '../../../db/repositories/commissioners';
import { AssessmentFields } from '../forms/RecordFields';
import { RecordTable } from '../RecordTable';
import { useAssessmentQuota } from '../useAssessmentQuota';
import { todayIso } from '../useCommissioners';

const gradeColors: Record<string, string> = { 优秀: 'gold', 合格: 'green', 不合格: 'red' };

const columns: LedgerColumn<CommissionerAssessment>[] = [
  { id: 'year', header: '年度', accessor: (r) => r.year, width: 70 },
  {
    id: 'grade',
    header: '等次',
    accessor: (r) => (r.tookPart ? (r.grade ?? '') : '未参加'),
    width: 90,
    cell: (r) => (r.tookPart ? <Tag color={gradeColors[r.grade ?? '']}>{r.grade}</Tag> : <Tag color="red">未参加</Tag>),
  },
  { id: 'subject', header: '考核对象', accessor: (r) => (r.teamId ? '特派团' : '本人'), width: 80 },
  { id: 'enterpriseEvaluation', header: '派驻企业评价', accessor: (r) => r.enterpriseEvaluation, width: 220 },
  { id: 'countyOpinion', header: '县（区）意见', accessor: (r) => r.countyOpinion, width: 200 },
  { id: 'assessedDate', header: '考核日期', accessor: (r) => r.assessedDate, width: 104 },
];

/** The year's service record in words, shown beside the grade. */
export function serviceRecordText(views: AgreementFileView[], year: number, rules: CommissionerRules, today: string): string {
  const lines = views.flatMap(({ agreement, logs }) =>
    serviceYears(agreement)
      .filter((y) => Number(y.start.slice(0, 4)) === year || Number(y.end.slice(0, 4)) === year)
      .map((y) => {
        const c = complianceForYear(y, logs, today, rules);
        return `第 ${y.index} 服务年度（${y.start} 至 ${y.end}）到企业服务 ${c.visits} 次、累计 ${c.days} 天，${c.state}`;
      }),
  );
  return lines.join('；') || `${year} 年无服务记录`;
}

/** 年度考核 of this commissioner (or their team): grade, evaluation, opinion; 优秀 within the quota. */
export function AssessmentTab({ commissioner, team, agreements, assessments, rules }: { commissioner: Commissioner; team?: CommissionerTeam; agreements: AgreementFileView[]; assessments: CommissionerAssessment[]; rules: CommissionerRules }) {
  const db = useDb();
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const quota = useAssessmentQuota(year, rules);
  const asTeam = !!team && agreements.some((v) => v.agreement.teamId === team.id);
  const subject = asTeam ? { teamId: team!.id, commissionerId: null } : { commissionerId: commissioner.id, teamId: null };
  const block = applicationBlock(subject, year + 1, assessments);
  return (
    <>
      {block && <Tag color="red" style={{ marginBottom: 8 }}>{block}</Tag>}
      <RecordTable
        table="commissionerAssessments"
        tableId="commissioner-assessments"
        rows={assessments}
        columns={columns}
        noun="年度考核"
        describe={(r) => `${r.year} 年度`}
        schema={commissionerAssessmentSchema}
        defaults={() => ({ year, tookPart: true, assessedDate: today })}
        context={subject}
        fields={() => <AssessmentFields quota={quota} record={serviceRecordText(agreements, year, rules, today)} />}
        save={(fields, row) => saveAssessment(db, ({ ...fields, id: row?.id } as never), rules)}
        height={300}
      />
    </>
  );
}
