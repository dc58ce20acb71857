import { Alert, Button, Card, Descriptions, Space } from 'antd';
import type { ImportPreview } from '../../db/sync';
import { PerTableChanges } from './PerTableChanges';
import { describeDeleteShares } from './syncSummary';
import { defaultExchangeSettings, useExchangeSettings } from './exchangeSettings';
import { describeSkew, formatDateTime, isNotableSkew } from './wording';

/** What a bundle will change, before anything is written (issue 4: preview, then 确认导入). */
export function ImportPreviewCard({ fileName, preview, busy, onConfirm, onCancel }: { fileName: string; preview: ImportPreview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { manifest } = preview;
  const limit = (useExchangeSettings() ?? defaultExchangeSettings).deleteShareLimit;
  const shares = describeDeleteShares(preview.deleteShares, limit);
  return (
    <Card size="small" title={`导入预览：${fileName}`} data-testid="import-preview">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="来自电脑">{manifest.nodeName || '未命名'}</Descriptions.Item>
          <Descriptions.Item label="导出时间">{formatDateTime(manifest.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="数据包类型">
            {manifest.kind === 'full' ? '全量数据包' : manifest.target ? `给「${manifest.target.nodeName || '未命名'}」的更新包` : '更新包'}
          </Descriptions.Item>
          <Descriptions.Item label="改动">
            共 {preview.opCount} 项，其中本机没有的 {preview.newOps} 项
          </Descriptions.Item>
        </Descriptions>
        {preview.alreadyApplied && <Alert type="info" showIcon message="这个数据包以前已经导入过，再次导入不会改变任何数据。" />}
        {!preview.alreadyApplied && preview.newOps === 0 && <Alert type="info" showIcon message="本机已有其中的全部改动，导入不会改变任何数据。" />}
        {isNotableSkew(preview.skewMs) && <Alert type="warning" showIcon message="电脑时钟不准" description={describeSkew(manifest.nodeName, preview.skewMs)} />}
        {preview.conflicts > 0 && (
          <Alert type="warning" showIcon message={`将产生 ${preview.conflicts} 处冲突`} description="同一字段在两台电脑上被改成了不同的值；导入后采用较晚修改的值，另一值保留在“冲突”中供核对。" />
        )}
        {preview.needsDeleteConfirmation && <Alert type="error" showIcon message="将删除较多记录" description={`导入将删除：${shares.join('、')}。请确认对方确实删除了这些记录。`} />}
        <PerTableChanges perTable={preview.perTable} />
        <Space>
          <Button type="primary" danger={preview.needsDeleteConfirmation} onClick={onConfirm} loading={busy} disabled={preview.alreadyApplied}>
            确认导入
          </Button>
          <Button onClick={onCancel} disabled={busy}>
            取消
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
