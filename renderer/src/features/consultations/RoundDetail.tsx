import { useMemo } from 'react';
import { Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { roundPhase } from '../../../../shared/domain/consultations/phase';
import { roundReminders } from '../../../../shared/domain/consultations/reminders';
import { formatWan, fundingCapOf, fundingTotal, roundTimingWarnings, roundViolations } from '../../../../shared/domain/consultations/rules';
import { useHashRoute } from '../../navigation/useHashRoute';
import { phaseColors } from './ConsultationsPage';
import { RuleViolationsPanel } from './RuleViolationsPanel';
import { DocumentsTab } from './detail/DocumentsTab';
import { EvaluationTab } from './detail/EvaluationTab';
import { ImplementationTab } from './detail/ImplementationTab';
import { StagesTab } from './detail/StagesTab';
import { TopicsTab } from './detail/TopicsTab';
import { earlierTopicsFrom, todayIso, useConsultationRules, useRoundRecords, useRoundsWithTopics } from './useConsultations';

/** #/consultations/<id>/<tab>: one round from the proposal to the evaluation, rules checked live. */
export function RoundDetail({ id, tab }: { id: string; tab: string }) {
  const [, navigate] = useHashRoute();
  const records = useRoundRecords(id);
  const all = useRoundsWithTopics();
  const rules = useConsultationRules();
  const today = todayIso();
  const violations = useMemo(() => (records && all ? roundViolations(records.round, { rounds: all.rounds, topics: records.topics, earlierTopics: earlierTopicsFrom(all, records.round) }, rules) : []), [records, all, rules]);
  const reminders = useMemo(() => (records ? roundReminders(records, today, rules) : []), [records, today, rules]);

  if (records === undefined || all === undefined) return <Spin tip="正在读取…"><div style={{ height: 160 }} /></Spin>;
  if (records === null) {
    return <Result status="404" title="找不到这一轮会商" subTitle="记录不存在或已被删除。" extra={<Button type="primary" onClick={() => navigate('consultations')}>返回会商列表</Button>} />;
  }
  const { round, topics } = records;
  const phase = roundPhase(round);
  const tabs = [
    { key: 'stages', label: '会商程序', children: <StagesTab round={round} rules={rules} /> },
    { key: 'topics', label: `会商议题（${topics.length}）`, children: <TopicsTab records={records} all={all} rules={rules} /> },
    { key: 'implementation', label: '推进台账', children: <ImplementationTab records={records} /> },
    { key: 'evaluation', label: `绩效评估（${records.evaluations.length}）`, children: <EvaluationTab records={records} /> },
    { key: 'documents', label: '文档', children: <DocumentsTab records={records} /> },
  ];
  const active = tabs.some((t) => t.key === tab) ? tab : 'stages';
  const warnings = roundTimingWarnings(round, rules);

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Card size="small">
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} aria-label="会商名称">
            {round.year}年{round.city}{round.kind}
          </Typography.Title>
          <Space>
            <Tag color={phaseColors[phase]}>{phase}</Tag>
            {round.kind === '重点会商' && <Tag color="gold">“两周一展”主题城市</Tag>}
            <Button onClick={() => navigate('consultations')}>返回列表</Button>
          </Space>
        </Space>
        <Descriptions size="small" column={4} style={{ marginTop: 8 }}>
          <Descriptions.Item label="议定书编号">{round.protocolNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="签署日期">{round.stageDates.签署 ?? '未签署'}</Descriptions.Item>
          <Descriptions.Item label="项目资金">{formatWan(fundingTotal(topics))}</Descriptions.Item>
          <Descriptions.Item label="资金上限">{formatWan(fundingCapOf(round.kind, rules))}</Descriptions.Item>
          {round.exceptionKind && <Descriptions.Item label="增加会商" span={4}>{round.exceptionKind}需求：{round.exceptionReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <RuleViolationsPanel violations={violations} />
      {(warnings.length > 0 || reminders.length > 0) && (
        <Card size="small" title="提醒" aria-label="会商提醒">
          {warnings.map((w) => <div key={w}><Tag color="orange">时间</Tag>{w}</div>)}
          {reminders.map((r) => <div key={r.key}><Tag color={r.severity === 'overdue' ? 'red' : 'orange'}>{r.severity === 'overdue' ? '逾期' : '待报送'}</Tag>{r.message}</div>)}
        </Card>
      )}
      <Card size="small">
        <Tabs activeKey={active} onChange={(key) => navigate('consultations', `${id}/${key}`)} destroyOnHidden items={tabs} />
      </Card>
    </Space>
  );
}
