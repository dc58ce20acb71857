import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Progress, Space, Typography } from 'antd';
import { FolderOpenOutlined, SyncOutlined } from '@ant-design/icons';
import { useDb } from '../../db/DbContext';
import { useHashRoute } from '../../navigation/useHashRoute';
import { getNodeId } from '../../db/meta';
import { usePlatform } from '../../platform';
import type { SyncFolderInfo } from '../../platform/Platform';
import { NodeIdentity } from './NodeIdentity';
import { runSync, type SyncProgress } from './runSync';
import { createSyncDeps } from './syncDeps';
import type { SyncSummary } from './syncSummary';
import { SyncSummaryView } from './SyncSummaryView';
import { useConfirmLargeDelete } from './useConfirmLargeDelete';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * 同步: the weekly routine. The clerk plugs in the USB stick (or opens the shared folder), picks
 * it once, then presses 同步; everything else — reading, merging, writing — happens here.
 */
export function SyncPanel() {
  const db = useDb();
  const platform = usePlatform();
  const confirmLargeDelete = useConfirmLargeDelete();
  const [folder, setFolder] = useState<SyncFolderInfo | null | undefined>(undefined);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [summary, setSummary] = useState<SyncSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const [, navigate] = useHashRoute();
  const running = progress !== null && progress.phase !== 'done';

  useEffect(() => {
    let live = true;
    platform.syncFolder
      .current()
      .then((f) => live && setFolder(f))
      .catch(() => live && setFolder(null));
    return () => {
      live = false;
    };
  }, [platform]);

  async function chooseFolder() {
    setFolderError(null);
    try {
      const chosen = await platform.syncFolder.choose();
      if (chosen) {
        setFolder(chosen);
        setSummary(null);
      }
    } catch (error) {
      // e.g. a browser without folder access: the platform's message says to use files instead.
      setFolderError(errorText(error));
    }
  }

  async function sync() {
    setSummary(null);
    setFailure(null);
    setProgress({ phase: 'list', done: 0, total: 0, text: '准备同步…' });
    try {
      const deps = createSyncDeps(db, platform, await getNodeId(db), confirmLargeDelete, setProgress);
      setSummary(await runSync(deps));
    } catch (error) {
      // Imports already done stay done (each is one transaction); the next 同步 continues.
      setFailure(errorText(error));
      setProgress(null);
    }
  }

  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : progress?.phase === 'done' ? 100 : 0;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }}>
        <Descriptions.Item label="同步文件夹">
          <Space wrap>
            {folder ? (
              <Typography.Text strong data-testid="sync-folder">{folder.label}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{folder === undefined ? '读取中…' : '尚未选择（U 盘或共享文件夹）'}</Typography.Text>
            )}
            <Button icon={<FolderOpenOutlined />} onClick={chooseFolder} disabled={running}>
              {folder ? '更换文件夹' : '选择同步文件夹'}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="本机名称">
          <NodeIdentity />
        </Descriptions.Item>
      </Descriptions>
      {folderError && (
        <Alert
          type="warning"
          showIcon
          message={folderError}
          closable
          onClose={() => setFolderError(null)}
          action={
            <Button size="small" onClick={() => navigate('exchange', 'files')}>
              改用导入/导出
            </Button>
          }
        />
      )}

      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Button type="primary" size="large" icon={<SyncOutlined spin={running} />} onClick={sync} disabled={!folder || running} style={{ minWidth: 160 }}>
          同步
        </Button>
        <Typography.Text type="secondary">
          同步会读取文件夹中其他电脑写入的数据并合并到本机，再把本机的新数据写入文件夹。
          {platform.backups ? '导入前会自动备份本机数据。' : '网页版不会自动备份，建议先在“备份与恢复”中下载备份。'}
        </Typography.Text>
      </Space>

      {progress && progress.phase !== 'done' && (
        <div role="status" aria-live="polite">
          <Progress percent={percent} status="active" />
          <Typography.Text>{progress.text}</Typography.Text>
        </div>
      )}
      {failure && <Alert type="error" showIcon message="同步未完成" description={`${failure.replace(/[。.]$/, '')}。已导入的数据包保留；可检查文件夹后再次同步。`} />}
      {summary && <SyncSummaryView summary={summary} />}
    </Space>
  );
}
