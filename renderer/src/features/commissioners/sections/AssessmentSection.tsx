import { useMemo, useState } from 'react';
import { Alert, Button, Select, Space, Tag } from 'antd';
import { commissionerAssessmentSchema } from '../../../../../shared/domain/commissioners/schema';
import { LedgerTable, type LedgerColumn } from '../../../components/LedgerTable';
import { LedgerPrintButton } from '../../../components/LedgerPrint';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { saveAssessment } from '../../../db/repositories/commissioners';
import { DocumentActions } from '../../../components/DocumentActions';
import { readSetting } from '../../settings/settingsStore';
import { assessmentListInput } from '../documentInputs';
import { AssessmentFields } from '../forms/RecordFields';
import { complianceColors } from '../roster/rosterRows';
import { useAssessmentQuota } from '../useAssessmentQuota';
import { partyName, type CommissionerLookups } from '../useCommissioners';
import { type YearSubject } from './yearRoster';
import { useYearRoster } from './useYearRoster';

const gradeColors: Record<string, string> = { 优秀: 'gold', 合格: 'green', 不合格: 'red' };

function columns(lookups: CommissionerLookups | undefined, assess: (r: YearSubject) => void): LedgerColumn<YearSubject>[] {
  return [
    { id: 'party', header: '科技特派员（团）', accessor: (r) => partyName(r.agreement, lookups), width: 170, filter: 'text' },
    { id: 'enterprise', header: '派驻企业', accessor: (r) => lookups?.enterpriseById.get(r.agreement.enterpriseId)?.name, width: 180 },
    {
      id: 'record',
      header: '服务记录',
      accessor: (r) => (r.compliance ? `${r.compliance.visits} 次 / ${r.compliance.days} 天` : ''),
      width: 170,
      cell: (r) => r.compliance && (<span><Tag color={complianceColors[r.compliance.state]}>{r.compliance.state}</Tag>{r.compliance.visits} 次 / {r.compliance.days} 天</span>),
    },
    {
      id: 'grade',
      header: '考核等次',
      accessor: (r) => (r.assessment ? (r.assessment.tookPart ? (r.assessment.grade ?? '') : '未参加') : '未考核'),
      width: 120,
      filter: 'select',
      cell: (r) => (r.assessment ? <Tag color={r.assessment.tookPart ? gradeColors[r.assessment.grade ?? ''] : 'red'}>{r.assessment.tookPart ? r.assessment.grade : '未参加'}</Tag> : <span className="commissioner-muted">未考核</span>),
    },
    { id: 'evaluation', header: '派驻企业评价', accessor: (r) => r.assessment?.enterpriseEvaluation, width: 200 },
    { id: 'opinion', header: '县（区）意见', accessor: (r) => r.assessment?.countyOpinion, width: 180 },
    {
      id: 'actions',
      header: '操作',
      accessor: () => '',
      width: 90,
      sortable: false,
      pin: 'right',
      cell: (r) => (
        <Button type="link" size="small" onClick={() => assess(r)}>
          {r.assessment ? '修改考核' : '考核'}
        </Button>
      ),
    },
  ];
}

/**
 * 年度考核 of the year (seed 004 第十七条; seed 001 管理考核): everyone in service that year with
 * their service record; 优秀 ≤ 20% of those assessed — the form says how many remain.
 */
export function AssessmentSection() {
  const { db, rules, lookups, today, year, setYear, yearOptions, subjects: rows } = useYearRoster();
  const [assessing, setAssessing] = useState<YearSubject | null>(null);
  const quota = useAssessmentQuota(year, rules, assessing?.assessment?.id);
  const cols = useMemo(() => columns(lookups, setAssessing), [lookups]);
  const a = assessing?.agreement;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>考核年度</span>
        <Select aria-label="考核年度" value={year} style={{ width: 100 }} options={yearOptions} onChange={setYear} />
        {quota && (
          <Alert
            type={quota.remaining > 0 ? 'info' : 'warning'}
            showIcon
            title={`应考核 ${quota.assessed} 人（团），优秀不超过 ${Math.round(rules.excellentShareMax * 100)}% 即 ${quota.quota} 名，已评 ${quota.excellent} 名，还可评 ${Math.max(0, quota.remaining)} 名`}
          />
        )}
      </Space>
      <LedgerTable
        tableId="commissioner-year-assessment"
        ariaLabel="年度考核"
        columns={cols}
        rows={rows ?? []}
        getRowId={(r) => r.agreement.id}
        onRowActivate={setAssessing}
        height="calc(100vh - 340px)"
        emptyText={rows ? `${year} 年无在服务期内的科技特派员` : '正在读取…'}
        toolbarExtra={
          <Space>
            <LedgerPrintButton tableId="commissioner-year-assessment" title={`${year}年度科技特派员考核情况`} columns={cols} displayedCount={rows?.length ?? 0} rows={rows ?? []} totalCount={rows?.length ?? 0} />
            <span>考核结果名单</span>
            <DocumentActions
              kind="assessmentList"
              size="small"
              disabled={!lookups || !rows?.some((r) => r.assessment)}
              getInput={async () => assessmentListInput(year, rows ?? [], lookups!, rules, await readSetting(db, 'organisation'), today)}
            />
          </Space>
        }
      />
      <RecordFormModal
        open={assessing !== null}
        title={`${year} 年度考核：${a ? partyName(a, lookups) : ''}`}
        width={760}
        schema={commissionerAssessmentSchema}
        record={assessing?.assessment}
        defaults={{ year, tookPart: true, assessedDate: today }}
        context={a ? (a.teamId ? { teamId: a.teamId, commissionerId: null, agreementId: a.id } : { commissionerId: a.commissionerId, teamId: null, agreementId: a.id }) : undefined}
        save={(fields) => saveAssessment(db, ({ ...fields, id: assessing?.assessment?.id } as never), rules)}
        successMessage="考核结果已保存"
        onClose={() => setAssessing(null)}
      >
        <AssessmentFields
          quota={quota}
          record={assessing?.compliance ? `第 ${assessing.compliance.year.index} 服务年度（${assessing.compliance.year.start} 至 ${assessing.compliance.year.end}）到企业服务 ${assessing.compliance.visits} 次、累计 ${assessing.compliance.days} 天，${assessing.compliance.state}` : undefined}
        />
      </RecordFormModal>
    </Space>
  );
}
