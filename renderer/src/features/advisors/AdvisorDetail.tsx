import { useMemo } from 'react';
import { Button, Card, Result, Space, Spin, Tabs } from 'antd';
import { advisorReminders, sortReminders } from '../../../../shared/domain/advisors/reminders';
import { useHashRoute } from '../../navigation/useHashRoute';
import { ActivitiesTab } from './detail/ActivitiesTab';
import { AdvisorHeader } from './detail/AdvisorHeader';
import { AppointmentTab } from './detail/AppointmentTab';
import { EvaluationsTab } from './detail/EvaluationsTab';
import { PlansTab } from './detail/PlansTab';
import { BasicsTab, SelectionTab } from './detail/ProfileTabs';
import { ReminderPanel } from './detail/ReminderPanel';
import { StipendsTab } from './detail/StipendsTab';
import { SuggestionsTab } from './detail/SuggestionsTab';
import { todayIso, useAdvisorLedger, useAdvisorRules } from './useAdvisors';
import { yearSummary } from './yearSummary';
import './advisors.css';

/** #/advisors/<id>/<tab>: one advisor's whole file, with what is due on top. */
export function AdvisorDetail({ id, tab }: { id: string; tab: string }) {
  const [, navigate] = useHashRoute();
  const file = useAdvisorLedger(id);
  const rules = useAdvisorRules();
  const today = todayIso();
  const reminders = useMemo(() => (file ? sortReminders(advisorReminders(file, today, rules)) : []), [file, today, rules]);

  if (file === undefined) return <Spin tip="正在读取…"><div style={{ height: 160 }} /></Spin>;
  if (file === null) {
    return (
      <Result
        status="404"
        title="找不到该科技顾问"
        subTitle="记录不存在或已被删除。"
        extra={<Button type="primary" onClick={() => navigate('advisors')}>返回名册</Button>}
      />
    );
  }

  const { advisor } = file;
  const tabs = [
    { key: 'basic', label: '基本信息', children: <BasicsTab advisor={advisor} /> },
    { key: 'selection', label: '选聘', children: <SelectionTab advisor={advisor} /> },
    { key: 'appointment', label: '聘任与聘书', children: <AppointmentTab advisor={advisor} /> },
    { key: 'plans', label: `工作方案与计划（${file.plans.length}）`, children: <PlansTab advisorId={id} rows={file.plans} /> },
    { key: 'activities', label: `工作记录（${file.activities.length}）`, children: <ActivitiesTab advisorId={id} rows={file.activities} /> },
    { key: 'suggestions', label: `咨询建议（${file.suggestions.length}）`, children: <SuggestionsTab advisorId={id} rows={file.suggestions} /> },
    { key: 'stipends', label: '聘金', children: <StipendsTab advisor={advisor} rows={file.stipends} /> },
    { key: 'evaluations', label: '成效评估', children: <EvaluationsTab advisorId={id} rows={file.evaluations} /> },
  ];
  const active = tabs.some((t) => t.key === tab) ? tab : 'basic';

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Card className="advisor-detail-card">
        <AdvisorHeader advisor={advisor} summary={yearSummary(file, Number(today.slice(0, 4)))} />
      </Card>
      <ReminderPanel reminders={reminders} />
      <Card>
        <Tabs activeKey={active} onChange={(key) => navigate('advisors', `${id}/${key}`)} destroyOnHidden items={tabs} />
      </Card>
    </Space>
  );
}
