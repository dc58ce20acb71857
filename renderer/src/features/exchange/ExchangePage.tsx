import { Card, Tabs } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/DbContext';
import { useHashRoute } from '../../navigation/useHashRoute';
import { listConflicts } from '../../db/sync';
import { SyncPanel } from './SyncPanel';
import { FilesPanel } from './FilesPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { BackupPanel } from './BackupPanel';
import { PendingRecordsNotice } from './PendingRecordsNotice';
import './exchange.css';

const tabs = [
  { key: 'sync', label: '同步', render: () => <SyncPanel /> },
  { key: 'files', label: '导入/导出', render: () => <FilesPanel /> },
  { key: 'conflicts', label: '冲突', render: () => <ConflictsPanel /> },
  { key: 'backup', label: '备份与恢复', render: () => <BackupPanel /> },
];

/** 数据交换: #/exchange/<tab>; the 冲突 tab shows how many wait, so nobody misses one. */
export function ExchangePage({ tab }: { tab: string }) {
  const db = useDb();
  const [, navigate] = useHashRoute();
  const open = useLiveQuery(async () => (await listConflicts(db)).filter((c) => !c.resolvedAt).length, [db]);
  const active = tabs.some((t) => t.key === tab) ? tab : 'sync';
  return (
    <Card>
      <PendingRecordsNotice />
      <Tabs
        activeKey={active}
        onChange={(key) => navigate('exchange', key === 'sync' ? '' : key)}
        destroyOnHidden
        items={tabs.map((t) => ({
          key: t.key,
          label: t.key === 'conflicts' && open ? `冲突 (${open})` : t.label,
          children: t.render(),
        }))}
      />
    </Card>
  );
}
