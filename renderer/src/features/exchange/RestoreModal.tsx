import { useState } from 'react';
import { Alert, App, Descriptions, Modal, Space } from 'antd';
import { useDb } from '../../db/DbContext';
import { restoreFromBundle, type RestorePreview } from '../../db/sync';
import type { BundleInput } from '../../db/sync/bundleInput';
import { usePlatform } from '../../platform';
import { PerTableChanges } from './PerTableChanges';
import { takeBackup } from './syncDeps';
import { formatDateTime } from './wording';

export interface RestoreRequest {
  /** "2026-11-24 09:00 的备份（每日自动）" or the file name. */
  source: string;
  /** The bundle: a picked file read in slices, or a backup's bytes. */
  content: BundleInput;
  preview: RestorePreview;
}

/**
 * 恢复: shows what will change before it happens; on desktop the current state is saved first
 * ('before-restore') so the restore itself can be undone (issue 4 "Backup").
 */
export function RestoreModal({ request, onClose }: { request: RestoreRequest; onClose: (restored: boolean) => void }) {
  const db = useDb();
  const platform = usePlatform();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { manifest, perTable } = request.preview;

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      // A files-only part changes no record: nothing to back up first.
      const backup = request.preview.filesOnly ? null : await takeBackup(db, platform, 'before-restore');
      const { changed, filesStored } = await restoreFromBundle(db, request.content);
      const files = filesStored > 0 ? `，补回 ${filesStored} 个附件文件` : '';
      message.success(`已恢复，${changed} 条记录有变化${files}${backup ? '；恢复前的数据已备份（恢复前）' : ''}`);
      onClose(true);
    } catch (e) {
      setError(`恢复失败，本机数据未改变：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title="恢复数据"
      okText="确认恢复"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onOk={restore}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      width={720}
      destroyOnHidden
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="恢复来源">{request.source}</Descriptions.Item>
          <Descriptions.Item label="数据来自">
            电脑“{manifest.nodeName || '未命名'}”，{formatDateTime(manifest.createdAt)}
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type="warning"
          showIcon
          message="本机台账将恢复为该备份中的内容"
          description={
            platform.backups
              ? '恢复前会自动备份当前数据（原因“恢复前”），如需撤销可再从该备份恢复。'
              : '网页版不会自动备份当前数据。如需保留，请先取消并点击“下载备份”。'
          }
        />
        {request.preview.filesOnly ? (
          <Alert type="info" showIcon message={`这是分包备份中的附件文件包（${request.preview.files ?? 0} 个文件），只补回本机缺少的附件文件，不改变任何记录`} />
        ) : (
          <PerTableChanges perTable={perTable} emptyText="本机数据与备份一致，恢复不会改变任何记录" />
        )}
        {(request.preview.files ?? 0) > 0 && !request.preview.filesOnly && <span>备份中含 {request.preview.files} 个附件文件，本机缺少的将一并恢复。</span>}
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}
