import { ConfigProvider, Layout, Menu, Space, Typography, App as AntApp, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { appModules } from './modules';
import { useHashRoute } from '../navigation/useHashRoute';
import { OperatorBadge } from './OperatorBadge';
import { PrintViewButton } from './PrintViewButton';
import { useDailyBackup } from '../features/exchange/dailyBackup';
import './app.css';

const { Sider, Header, Content } = Layout;

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      // Keep button labels exactly as written (no space inside two-character labels such as 保存).
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: { colorPrimary: '#1f5fae', fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif' },
      }}
    >
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const [route, navigate] = useHashRoute();
  useDailyBackup();
  const active = appModules.find((m) => m.id === route.moduleId) ?? appModules[0];
  return (
    <Layout className="app-shell">
      <Sider width={184} theme="light" className="app-sider">
        <div className="app-brand">
          <span className="app-brand-mark">科</span>
          <span>
            <strong>科技工作台账</strong>
            <small>SciLedger</small>
          </span>
        </div>
        <nav aria-label="模块导航">
          <Menu
            mode="inline"
            selectedKeys={[active.id]}
            items={appModules.map((m) => ({ key: m.id, icon: m.icon, label: m.label }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="app-header">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {active.label}
          </Typography.Title>
          <Space>
            <PrintViewButton title={active.label} />
            <OperatorBadge onEdit={() => navigate('settings', 'operator')} />
          </Space>
        </Header>
        <Content className="app-content">{active.render(active.id === route.moduleId ? route.subPath : '')}</Content>
      </Layout>
    </Layout>
  );
}
