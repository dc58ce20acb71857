import { Card, Tabs } from 'antd';
import { useHashRoute } from '../../navigation/useHashRoute';
import { CommissionerRoster } from './roster/CommissionerRoster';
import { AssessmentSection } from './sections/AssessmentSection';
import { ComplianceSection } from './sections/ComplianceSection';
import { DispatchUnitsSection, EnterprisesSection, TeamsSection } from './sections/DirectorySections';
import { ServiceLogSection } from './sections/ServiceLogSection';
import { SubsidySection } from './sections/SubsidySection';
import { TargetsSection } from './sections/TargetsSection';
import './commissioners.css';

const sections = [
  { key: 'roster', label: '特派员名册', render: () => <CommissionerRoster /> },
  { key: 'logs', label: '服务日志', render: () => <ServiceLogSection /> },
  { key: 'compliance', label: '履职监测', render: () => <ComplianceSection /> },
  { key: 'assessment', label: '年度考核', render: () => <AssessmentSection /> },
  { key: 'subsidy', label: '补助发放', render: () => <SubsidySection /> },
  { key: 'targets', label: '工作目标', render: () => <TargetsSection /> },
  { key: 'teams', label: '科技特派团', render: () => <TeamsSection /> },
  { key: 'enterprises', label: '派驻企业', render: () => <EnterprisesSection /> },
  { key: 'units', label: '派出单位', render: () => <DispatchUnitsSection /> },
];

/** #/commissioners/<section>: the module's ledgers, the roster first. */
export function CommissionersPage({ section }: { section: string }) {
  const [, navigate] = useHashRoute();
  const active = sections.some((s) => s.key === section) ? section : 'roster';
  return (
    <Card className="commissioners-page">
      <Tabs
        activeKey={active}
        onChange={(key) => navigate('commissioners', key === 'roster' ? '' : key)}
        destroyOnHidden
        items={sections.map((s) => ({ key: s.key, label: s.label, children: s.key === active ? s.render() : null }))}
      />
    </Card>
  );
}
