import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, SettingOutlined, SolutionOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { AdvisorDetail } from '../features/advisors/AdvisorDetail';
import { AdvisorsPage } from '../features/advisors/AdvisorsPage';
import { CommissionerDetail } from '../features/commissioners/CommissionerDetail';
import { CommissionersPage } from '../features/commissioners/CommissionersPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ConsultationsPage } from '../features/consultations/ConsultationsPage';
import { RoundDetail } from '../features/consultations/RoundDetail';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { RectificationPage } from '../features/rectification/RectificationPage';

export interface AppModule {
  /** First segment of the hash route, e.g. #/settings */
  id: string;
  label: string;
  icon: ReactNode;
  render: (subPath: string) => ReactNode;
}

/**
 * The navigation holds only modules that exist: 总览, 科技顾问, 科技特派员, 厅市会商, 整改台账 and
 * 数据交换 are added here by their own issues, in that order, before 设置.
 */
export const appModules: AppModule[] = [
  {
    id: 'advisors',
    label: '科技顾问',
    icon: <TeamOutlined />,
    // #/advisors is the roster, #/advisors/<id>/<tab> one advisor's file.
    render: (subPath) => {
      const [id, tab = ''] = subPath.split('/');
      return id ? <AdvisorDetail key={id} id={id} tab={tab} /> : <AdvisorsPage />;
    },
  },
  {
    id: 'commissioners',
    label: '科技特派员',
    icon: <SolutionOutlined />,
    // #/commissioners/<section> the module's ledgers, #/commissioners/c/<id>/<tab> one commissioner's file.
    render: (subPath) => {
      const [section = '', id = '', tab = ''] = subPath.split('/');
      return section === 'c' && id ? <CommissionerDetail key={id} id={id} tab={tab} /> : <CommissionersPage section={section} />;
    },
  },
  {
    id: 'consultations',
    label: '厅市会商',
    icon: <ApartmentOutlined />,
    // #/consultations lists cities and rounds, #/consultations/<id>/<tab> one round.
    render: (subPath) => {
      const [id, tab = ''] = subPath.split('/');
      return id ? <RoundDetail key={id} id={id} tab={tab} /> : <ConsultationsPage />;
    },
  },
  // #/rectification/<planId>/<view> or <planId>/item/<itemId>.
  { id: 'rectification', label: '整改台账', icon: <AuditOutlined />, render: (subPath) => <RectificationPage subPath={subPath} /> },
  // #/exchange/<tab>: 同步, files, conflicts, backup.
  { id: 'exchange', label: '数据交换', icon: <SwapOutlined />, render: (subPath) => <ExchangePage tab={subPath} /> },
  { id: 'settings', label: '设置', icon: <SettingOutlined />, render: (subPath) => <SettingsPage tab={subPath} /> },
];
