import { ExchangeSettingsForm } from './ExchangeSettingsForm';
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { formatBytes } from '../../../../shared/sync/errors';
import { useDb } from '../../db/DbContext';
import { exportBundle, getNodeName, previewRestore } from '../../db/sync';
import { closeBundle, type BundleInput } from '../../db/sync/bundleInput';
import { usePlatform } from '../../platform';
import type { BackupEntry } from '../../platform/Platform';
import { RestoreModal, type RestoreRequest } from './RestoreModal';
import { BUNDLE_FILTERS, pickBundle, takeBackup } from './syncDeps';
import { backupReasonLabel, bundleFileName, formatDateTime } from './wording';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** 备份与恢复: desktop keeps snapshots itself; the web version can only download one. */
export function BackupPanel() {
  const db = useDb();
  const platform = usePlatform();
  const { message } = App.useApp();
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [restore, setRestore] = useState<RestoreRequest | null>(null);
  // A picked file the main process holds open (desktop) is closed when its restore is done with.
  const restoreContent = restore?.content;
  useEffect(() => () => void closeBundle(restoreContent).catch(() => undefined), [restoreContent]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (platform.backups) setBackups(await platform.backups.list());
  }, [platform]);
  useEffect(() => {
    reload().catch((e: unknown) => setError(`无法读取备份列表：${errorText(e)}`));
  }, [reload]);

  async function backupNow() {
    setBusy(true);
    try {
      await takeBackup(db, platform, 'manual');
      message.success('已备份');
      await reload();
    } catch (e) {
      message.error(`备份失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function download() {
    setBusy(true);
    try {
      const { parts } = await exportBundle(db, { kind: 'full' });
      const nodeName = await getNodeName(db);
      const now = new Date();
      for (const part of parts) {
        const name = bundleFileName(nodeName, 'full', now, undefined, part.part).replace('全量', '备份');
        const saved = await platform.saveFile({ suggestedName: name, bytes: part.bytes, filters: BUNDLE_FILTERS });
        if (!saved.saved) return;
        if (parts.length === 1) message.success(`备份已下载：${saved.path ?? name}`);
      }
      if (parts.length > 1) message.success(`附件较多，备份已分为 ${parts.length} 个文件下载；恢复时先用第 1 个，再逐个恢复其余文件以补回附件`);
    } catch (e) {
      message.error(`备份失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function prepare(source: string, read: () => Promise<BundleInput>) {
    setError(null);
    let content: BundleInput | undefined;
    try {
      content = await read();
      setRestore({ source, content, preview: await previewRestore(db, content) });
    } catch (e) {
      setError(`无法从${source}恢复：${errorText(e)}`);
      await closeBundle(content).catch(() => undefined);
    }
  }

  async function fromFile() {
    const file = await pickBundle(platform);
    if (file) await prepare(`文件“${file.name}”`, async () => file.content);
  }

  const fromBackup = (b: BackupEntry) => prepare(`${formatDateTime(b.createdAt)} 的备份（${backupReasonLabel(b.reason)}）`, () => platform.backups!.open(b.id));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {platform.backups ? (
        <Card size="small" title="本机备份" extra={<Typography.Text type="secondary">每天打开程序时、每次导入和恢复前自动备份</Typography.Text>}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space>
              <Button type="primary" icon={<SaveOutlined />} onClick={backupNow} loading={busy}>
                立即备份
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={fromFile}>
                从文件恢复…
              </Button>
            </Space>
            <Table
              size="small"
              rowKey="id"
              aria-label="备份列表"
              dataSource={backups ?? []}
              loading={backups === null}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: '还没有备份' }}
              columns={[
                { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
                { title: '原因', dataIndex: 'reason', render: (v: string) => backupReasonLabel(v) },
                { title: '大小', dataIndex: 'size', align: 'right', render: (v: number) => formatBytes(v) },
                { title: '', key: 'restore', width: 100, render: (_: unknown, b: BackupEntry) => <Button size="small" onClick={() => fromBackup(b)}>恢复…</Button> },
              ]}
            />
          </Space>
        </Card>
      ) : (
        <Card size="small" title="备份">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon message="网页版不会自动备份。请定期下载备份文件，并保存到 U 盘或其他电脑。" />
            <Space>
              <Button type="primary" icon={<DownloadOutlined />} onClick={download} loading={busy}>
                下载备份
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={fromFile}>
                从文件恢复…
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      <Typography.Text type="secondary">恢复前会先显示各台账将发生的变化，确认后才会执行。也可以从其他电脑导出的全量数据包恢复。</Typography.Text>
      <ExchangeSettingsForm showBackups={Boolean(platform.backups)} />
      {restore && (
        <RestoreModal
          request={restore}
          onClose={(restored) => {
            setRestore(null);
            if (restored) void reload();
          }}
        />
      )}
    </Space>
  );
}
