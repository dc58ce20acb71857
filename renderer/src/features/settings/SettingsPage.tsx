import { Card, Tabs } from 'antd';
import { useHashRoute } from '../../navigation/useHashRoute';
import { OrganisationForm } from './OrganisationForm';
import { OperatorForm } from './OperatorForm';
import { PolicyProfileForm } from './PolicyProfileForm';
import { DataPanel } from './DataPanel';
import { AttachmentSettingsPanel } from './AttachmentSettingsPanel';
import { OperationLogPanel } from './OperationLogPanel';
import { CertificateSettingsForm } from './CertificateSettingsForm';
import { ConsultationSettingsForm } from './ConsultationSettingsForm';
import { AgreementSettingsForm } from './AgreementSettingsForm';
import { CertificateRegisterPanel } from '../advisors/certificates';

const tabs = [
  { key: 'organisation', label: '单位信息', render: () => <OrganisationForm /> },
  { key: 'operator', label: '操作员', render: () => <OperatorForm /> },
  { key: 'policy', label: '政策配置', render: () => <PolicyProfileForm /> },
  { key: 'certificate', label: '聘书', render: () => <CertificateSettingsForm /> },
  { key: 'certificateRegister', label: '聘书登记', render: () => <CertificateRegisterPanel /> },
  { key: 'consultations', label: '厅市会商', render: () => <ConsultationSettingsForm /> },
  { key: 'agreement', label: '合作协议书', render: () => <AgreementSettingsForm /> },
  { key: 'data', label: '数据维护', render: () => <DataPanel /> },
  { key: 'attachments', label: '附件', render: () => <AttachmentSettingsPanel /> },
  { key: 'log', label: '操作记录', render: () => <OperationLogPanel /> },
];

export function SettingsPage({ tab }: { tab: string }) {
  const [, navigate] = useHashRoute();
  const active = tabs.some((t) => t.key === tab) ? tab : 'organisation';
  return (
    <Card>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate('settings', key)}
        destroyOnHidden
        items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
      />
    </Card>
  );
}
