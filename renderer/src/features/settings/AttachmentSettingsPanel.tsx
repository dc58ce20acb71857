import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatFileSize, MAX_ATTACHMENT_LIMIT_MB, MIN_ATTACHMENT_LIMIT_MB } from '../../../../shared/attachments';
import { useDb } from '../../db/DbContext';
import { parseWithForm } from '../../components/forms/zodForm';
import { attachmentSettingsSchema, attachmentUsage, readAttachmentSettings, saveAttachmentSettings, type LargestFile } from '../../db/attachments';
import { browserStorageEstimate, type StorageEstimate } from '../../db/attachments/blobs';

/**
 * 设置 → 附件 (issue 11): how much space the stored files take, what the browser/OS grants this
 * app (navigator.storage.estimate), the largest files, and this machine's per-file limit.
 */
export function AttachmentSettingsPanel() {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ limitMb: number }>();
  const settings = useLiveQuery(() => readAttachmentSettings(db), [db]);
  // The live query reads only the database; the browser's estimate is asked outside it.
  const usage = useLiveQuery(() => attachmentUsage(db, { estimate: async () => null }), [db]);
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  useEffect(() => {
    let cancelled = false;
    void browserStorageEstimate().then((e) => !cancelled && setEstimate(e));
    return () => {
      cancelled = true;
    };
  }, [usage?.storedBytes]);

  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [settings, form]);

  async function save(values: { limitMb: number }) {
    const parsed = parseWithForm(form, attachmentSettingsSchema, values);
    if (!parsed) return;
    await saveAttachmentSettings(db, parsed);
    message.success('附件设置已保存');
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="附件占用空间">
        <Descriptions size="small" column={1} bordered aria-label="附件占用空间">
          <Descriptions.Item label="附件文件">{usage ? `${usage.fileCount} 个，共 ${formatFileSize(usage.storedBytes)}（同一文件挂在多条记录上只存一份）` : '…'}</Descriptions.Item>
          <Descriptions.Item label="本程序数据共占用">
            {estimate?.usage !== undefined ? formatFileSize(estimate.usage) : '浏览器未提供'}
            {estimate?.quota !== undefined && `，可用上限约 ${formatFileSize(estimate.quota)}（由浏览器/系统根据磁盘空间决定）`}
          </Descriptions.Item>
          {usage && usage.missing > 0 && <Descriptions.Item label="文件未同步">{usage.missing} 个附件的文件尚未从其他电脑传来</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title="最大的附件文件">
        <Table<LargestFile>
          size="small"
          rowKey="sha256"
          pagination={false}
          dataSource={usage?.largest ?? []}
          loading={usage === undefined}
          locale={{ emptyText: '暂无附件' }}
          aria-label="最大的附件文件"
          columns={[
            { title: '文件名', render: (_: unknown, f) => f.names.join('、') },
            { title: '大小', width: 110, align: 'right', render: (_: unknown, f) => formatFileSize(f.size) },
            { title: '使用中', width: 110, render: (_: unknown, f) => (f.liveUses > 0 ? `${f.liveUses} 条记录` : <Typography.Text type="secondary">已全部删除</Typography.Text>) },
          ]}
        />
      </Card>
      <Card size="small" title="附件上限（本机）">
        <Form form={form} layout="inline" onFinish={save} aria-label="附件设置">
          <Form.Item label="每个附件最大" name="limitMb" tooltip={`超过此大小的文件不能添加；为保证一个附件能放进一个数据包，最大 ${MAX_ATTACHMENT_LIMIT_MB} MB`}>
            <InputNumber min={MIN_ATTACHMENT_LIMIT_MB} max={MAX_ATTACHMENT_LIMIT_MB} precision={0} suffix="MB" style={{ width: 120 }} aria-label="每个附件最大" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Space>
  );
}
