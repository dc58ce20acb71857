import { useMemo } from 'react';
import { Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag } from 'antd';
import { currentCompliance } from '../../../../shared/domain/commissioners/compliance';
import { useHashRoute } from '../../navigation/useHashRoute';
import { AssessmentTab } from './detail/AssessmentTab';
import { ChangesTab, OutcomesTab } from './detail/AgreementRecordsTabs';
import { BasicsTab } from './detail/BasicsTab';
import { ComplianceTab } from './detail/ComplianceTab';
import { DispatchTab } from './detail/DispatchTab';
import { SubsidyTab } from './detail/SubsidyTab';
import { complianceColors, complianceText } from './roster/rosterRows';
import { entryChoices, logYears } from './servicelog/entryChoices';
import { ServiceLogPanel } from './servicelog/ServiceLogPanel';
import { todayIso, useCommissionerFile, useCommissionerLookups, useCommissionerRules } from './useCommissioners';
import './commissioners.css';

/** #/commissioners/c/<id>/<tab>: one commissioner's whole file. */
export function CommissionerDetail({ id, tab }: { id: string; tab: string }) {
  const [, navigate] = useHashRoute();
  const file = useCommissionerFile(id);
  const lookups = useCommissionerLookups();
  const rules = useCommissionerRules();
  const today = todayIso();
  const agreements = useMemo(() => file?.agreements.map((v) => v.agreement) ?? [], [file]);
  const choices = useMemo(() => entryChoices(agreements, lookups, id), [agreements, lookups, id]);

  if (file === undefined) return <Spin description="正在读取…"><div style={{ height: 160 }} /></Spin>;
  if (file === null) {
    return (
      <Result
        status="404"
        title="找不到该科技特派员"
        subTitle="记录不存在或已被删除。"
        extra={<Button type="primary" onClick={() => navigate('commissioners')}>返回名册</Button>}
      />
    );
  }
  const { commissioner, team } = file;
  const active = file.agreements.find((v) => v.agreement.status === '生效');
  const compliance = active ? currentCompliance(active.agreement, active.logs, today, rules) : undefined;

  const tabs = [
    { key: 'basic', label: '基本信息', children: <BasicsTab commissioner={commissioner} lookups={lookups} rules={rules} /> },
    { key: 'dispatch', label: `派驻与协议（${file.agreements.length}）`, children: <DispatchTab commissioner={commissioner} team={team} agreements={file.agreements} lookups={lookups} rules={rules} /> },
    { key: 'logs', label: '服务日志', children: <ServiceLogPanel by="commissioner" id={id} choices={choices} lookups={lookups} years={logYears(agreements, today)} /> },
    { key: 'compliance', label: '履职情况', children: <ComplianceTab agreements={file.agreements} lookups={lookups} rules={rules} /> },
    { key: 'outcomes', label: '工作成效', children: <OutcomesTab agreements={file.agreements} lookups={lookups} /> },
    { key: 'assessment', label: '年度考核', children: <AssessmentTab commissioner={commissioner} team={team} agreements={file.agreements} assessments={file.assessments} rules={rules} /> },
    { key: 'subsidy', label: '补助', children: <SubsidyTab agreements={file.agreements} assessments={file.assessments} lookups={lookups} rules={rules} /> },
    { key: 'changes', label: '变更申请', children: <ChangesTab agreements={file.agreements} lookups={lookups} /> },
  ];
  const activeTab = tabs.some((t) => t.key === tab) ? tab : 'basic';

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Card className="commissioner-detail-card">
        <div className="commissioner-detail-header">
          <Descriptions
            size="small"
            column={4}
            title={
              <Space>
                <Button size="small" onClick={() => navigate('commissioners')}>
                  返回名册
                </Button>
                <span>{commissioner.name}</span>
                <Tag>{commissioner.status}</Tag>
                {team && <Tag color="purple">特派团：{team.name}{team.leaderId === commissioner.id ? '（团长）' : ''}</Tag>}
              </Space>
            }
          >
            <Descriptions.Item label="派出单位">{commissioner.dispatchUnit}</Descriptions.Item>
            <Descriptions.Item label="派驻企业">{active ? lookups?.enterpriseById.get(active.agreement.enterpriseId)?.name : '未派驻'}</Descriptions.Item>
            <Descriptions.Item label="本服务年度">
              {compliance ? (
                <span aria-label="本服务年度履职">
                  <Tag color={complianceColors[compliance.state]}>{compliance.state}</Tag>
                  {complianceText(compliance)}
                </span>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="要求">每年不少于 {rules.minVisitsPerYear} 次、{rules.minServiceDaysPerYear} 天</Descriptions.Item>
          </Descriptions>
        </div>
      </Card>
      <Card>
        <Tabs activeKey={activeTab} onChange={(key) => navigate('commissioners', `c/${id}/${key}`)} destroyOnHidden items={tabs} />
      </Card>
    </Space>
  );
}
