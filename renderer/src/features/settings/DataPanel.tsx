import { useState } from 'react';
import { App, Button, Descriptions, Input, Space, Typography } from 'antd';
import { ExperimentOutlined, DeleteOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import sampleDataset from '../../../../resources/sample-data/sample-data.json';
import { buildSampleRecords } from '../../../../shared/domain/sampleDataset';
import { ledgerTables } from '../../../../shared/domain/ledgerTables';
import { shownLedgerTables } from '../../navigation/moduleIds';
import { useDb } from '../../db/DbContext';
import { clearAllLedgers, countActiveRecords, loadSampleRecords, restoreCleared } from '../../db/maintenance';

/** 载入示例数据 and 清空: both go through the tracked write path, so both are audited and synced. */
export function DataPanel() {
  const db = useDb();
  const { message, modal, notification } = App.useApp();
  const counts = useLiveQuery(() => countActiveRecords(db), [db]);
  const [busy, setBusy] = useState(false);

  function confirmLoadSample() {
    modal.confirm({
      title: '载入示例数据？',
      content: '将写入一组虚构的示例台账（人物、单位、编号均为虚构），用于熟悉功能。已存在的同一示例记录会被恢复为示例内容，其他数据不受影响。',
      okText: '载入',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          const total = await loadSampleRecords(db, buildSampleRecords(sampleDataset, new Date().toISOString()));
          message.success(`已载入示例数据 ${total} 条`);
        } catch (error) {
          message.error(`载入示例数据失败：${error instanceof Error ? error.message : String(error)}`);
        } finally {
          setBusy(false);
        }
      },
    });
  }

  function confirmClear() {
    let typed = '';
    modal.confirm({
      title: '清空全部台账数据？',
      okType: 'danger',
      okText: '清空',
      cancelText: '取消',
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>全部台账记录将被标记为删除（设置与操作记录保留）。清空会同步到其他电脑。</Typography.Text>
          <Typography.Text>请输入“清空”二字确认：</Typography.Text>
          <Input aria-label="确认清空" onChange={(e) => (typed = e.target.value)} />
        </Space>
      ),
      onOk: async () => {
        if (typed.trim() !== '清空') {
          message.warning('未输入“清空”，已取消');
          return;
        }
        setBusy(true);
        try {
          const cleared = await clearAllLedgers(db);
          const key = `cleared-${Date.now()}`;
          notification.success({
            key,
            message: `已清空 ${cleared.length} 条记录`,
            description: '如为误操作，可立即撤销。',
            duration: 15,
            btn: (
              <Button
                size="small"
                onClick={async () => {
                  await restoreCleared(db, cleared);
                  notification.destroy(key);
                  message.success('已撤销清空');
                }}
              >
                撤销
              </Button>
            ),
          });
        } finally {
          setBusy(false);
        }
      },
    });
  }

  // Only ledgers a screen can open (issue 8 item 15); the others appear as their modules land.
  const ledgerNames = shownLedgerTables.filter((name) => name !== 'settings');
  const total = ledgerNames.reduce((sum, name) => sum + (counts?.[name] ?? 0), 0);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions title={`当前台账记录（共 ${total} 条）`} size="small" bordered column={{ xs: 1, md: 3, xl: 4 }} data-testid="ledger-counts">
        {ledgerNames.map((name) => (
            <Descriptions.Item key={name} label={ledgerTables[name].label}>
              {counts?.[name] ?? 0}
            </Descriptions.Item>
          ))}
      </Descriptions>
      <Space>
        <Button icon={<ExperimentOutlined />} onClick={confirmLoadSample} loading={busy}>
          载入示例数据
        </Button>
        <Button danger icon={<DeleteOutlined />} onClick={confirmClear} disabled={busy || total === 0}>
          清空
        </Button>
      </Space>
    </Space>
  );
}
