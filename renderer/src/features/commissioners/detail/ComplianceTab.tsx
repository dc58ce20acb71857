import { useState } from 'react';
import { Alert, Button, Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { complianceForYear, serviceYears } from '../../../../../shared/domain/commissioners/compliance';
import { agreementReminders } from '../../../../../shared/domain/commissioners/reminders';
import type { CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { quarterlyReportSchema } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { addCommissionerRecord, type AgreementFileView } from '../../../db/repositories/commissionerFiles';
import { QuarterlyReportFields } from '../forms/RecordFields';
import { complianceColors } from '../roster/rosterRows';
import { todayIso, type CommissionerLookups } from '../useCommissioners';

const percent = (have: number, need: number) => (need <= 0 ? 100 : Math.min(100, Math.round((have / need) * 100)));

/**
 * 履职情况 per service year (seed 001 §五(三)): visits and days against the profile's minimums,
 * the pace warning, and the quarterly reports to the 县（区）/高新区 (seed 004 第十七条).
 */
export function ComplianceTab({ agreements, lookups, rules }: { agreements: AgreementFileView[]; lookups?: CommissionerLookups; rules: CommissionerRules }) {
  const db = useDb();
  const today = todayIso();
  const [reporting, setReporting] = useState<{ agreementId: string; year: number; quarter: number } | null>(null);
  const signed = agreements.filter((v) => v.agreement.status !== '草拟' && v.agreement.startDate);
  if (signed.length === 0) return <Empty description="签订协议后在此查看每个服务年度的服务次数、天数和季度报送" />;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {signed.map(({ agreement, logs, quarterlyReports }) => {
        const reminders = agreementReminders({ agreement, logs, quarterlyReports }, today, rules).filter((r) => r.kind.startsWith('quarterlyReport'));
        return (
          <Card key={agreement.id} size="small" title={`${lookups?.enterpriseById.get(agreement.enterpriseId)?.name ?? ''}（${agreement.startDate} 起）`}>
            <List
              size="small"
              dataSource={serviceYears(agreement).filter((y) => y.start <= today)}
              renderItem={(year) => {
                const c = complianceForYear(year, logs, today, rules);
                return (
                  <List.Item>
                    <div className="compliance-year" aria-label={`第 ${year.index} 服务年度履职情况`}>
                      <Space wrap>
                        <strong>第 {year.index} 服务年度</strong>
                        <Typography.Text type="secondary">
                          {year.start} 至 {year.end}
                        </Typography.Text>
                        <Tag color={complianceColors[c.state]}>{c.state}</Tag>
                      </Space>
                      <div className="compliance-bars">
                        <span>到企业服务 {c.visits} / {c.minVisits} 次</span>
                        <Progress percent={percent(c.visits, c.minVisits)} size="small" status={c.visits >= c.minVisits ? 'success' : 'normal'} showInfo={false} />
                        <span>累计服务 {c.days} / {c.minDays} 天</span>
                        <Progress percent={percent(c.days, c.minDays)} size="small" status={c.days >= c.minDays ? 'success' : 'normal'} showInfo={false} />
                      </div>
                      {c.messages.length > 0 && <Alert type={c.state === '未达标' ? 'error' : 'warning'} showIcon title={c.messages.join('；')} />}
                    </div>
                  </List.Item>
                );
              }}
            />
            {rules.reportingCadence === '季度' && (
              <div className="quarterly-reports">
                <Typography.Text strong>季度工作进展报送（季末后 {rules.quarterlyReportDueDays} 天内）</Typography.Text>
                <Space wrap style={{ marginTop: 8 }}>
                  {quarterlyReports
                    .filter((r) => r.submittedDate)
                    .sort((a, b) => a.year - b.year || a.quarter - b.quarter)
                    .map((r) => (
                      <Tag key={r.id} color="green">
                        {r.year}Q{r.quarter} 已报送 {r.submittedDate}
                      </Tag>
                    ))}
                  {reminders.map((r) => {
                    const [, y, q] = /(\d{4})Q(\d)$/.exec(r.key) ?? [];
                    return (
                      <Space key={r.key} size={4}>
                        <Tag color={r.severity === 'overdue' ? 'red' : 'orange'}>{r.message}</Tag>
                        <Button size="small" onClick={() => setReporting({ agreementId: agreement.id, year: Number(y), quarter: Number(q) })}>
                          登记报送
                        </Button>
                      </Space>
                    );
                  })}
                  {reminders.length === 0 && quarterlyReports.length === 0 && <Typography.Text type="secondary">暂无到期的季度报告</Typography.Text>}
                </Space>
              </div>
            )}
          </Card>
        );
      })}
      <RecordFormModal
        open={reporting !== null}
        title="登记季度工作进展报送"
        schema={quarterlyReportSchema}
        defaults={reporting ? { year: reporting.year, quarter: reporting.quarter, submittedDate: today } : undefined}
        context={reporting ? { agreementId: reporting.agreementId } : undefined}
        save={(fields) => addCommissionerRecord(db, 'commissionerQuarterlyReports', fields as never)}
        successMessage="已登记季度报送"
        onClose={() => setReporting(null)}
      >
        <QuarterlyReportFields />
      </RecordFormModal>
    </Space>
  );
}
