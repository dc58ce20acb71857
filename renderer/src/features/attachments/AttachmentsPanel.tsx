import { useState, type DragEvent } from 'react';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { formatFileSize, kindLabel, sniffPreview } from '../../../../shared/attachments';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { useDb } from '../../db/DbContext';
import { describeError } from '../../components/forms/submitRecord';
import { addAttachments, readAttachmentBytes, removeAttachment, restoreAttachment, type AttachmentView } from '../../db/attachments';
import { usePlatform } from '../../platform';
import { AttachmentPreview, type PreviewTarget } from './AttachmentPreview';
import { useAttachmentList } from './useAttachments';

export interface AttachmentsPanelProps {
  /** The ledger table of the record the files belong to, e.g. 'advisorStipends', 'serviceLogs'. */
  table: LedgerTableName;
  /** The record's id. */
  recordId: string;
  /** Hides 添加/删除/恢复 (a closed or read-only record); 预览/打开/另存为 stay. */
  readOnly?: boolean;
}

const isLive = (a: AttachmentView) => a.deletedAt === undefined || a.deletedAt === null;
const shownTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * 附件 of one record (issue 11), for any module: 添加附件 (pick or drop files onto the panel),
 * the list with name, kind, size, date and who added it, 预览 (PDF and images, no script),
 * 打开 (desktop: a temp copy in the default program), 另存为, 删除 (a tombstone) and 恢复.
 */
export function AttachmentsPanel({ table, recordId, readOnly = false }: AttachmentsPanelProps) {
  const db = useDb();
  const platform = usePlatform();
  const { message, modal } = App.useApp();
  const rows = useAttachmentList(table, recordId);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);

  async function add(files: { name: string; bytes: Uint8Array }[]) {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const added = await addAttachments(db, table, recordId, files);
      const renamed = added.filter((a, i) => a.name !== files[i].name);
      message.success(`已添加 ${added.length} 个附件${renamed.length > 0 ? `（文件名已整理为“${renamed.map((a) => a.name).join('”“')}”）` : ''}`);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  async function pick() {
    try {
      await add(await platform.openFiles({ multiple: true }));
    } catch (error) {
      message.error(describeError(error));
    }
  }

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (readOnly) return;
    const files = Array.from(event.dataTransfer.files);
    try {
      await add(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    } catch (error) {
      message.error(describeError(error));
    }
  }

  async function bytesOf(a: AttachmentView): Promise<Uint8Array | null> {
    const bytes = await readAttachmentBytes(db, a.sha256);
    if (!bytes) message.warning(`“${a.name}”的文件尚未同步到本机，请导入带有此文件的数据包`);
    return bytes;
  }

  async function run(a: AttachmentView, action: 'preview' | 'open' | 'save') {
    try {
      const bytes = await bytesOf(a);
      if (!bytes) return;
      if (action === 'preview') {
        const sniffed = sniffPreview(bytes);
        if (!sniffed) message.warning(`“${a.name}”不是 PDF 或图片，不能在程序内预览`);
        else setPreview({ name: a.name, kind: sniffed.kind, mime: sniffed.mime, bytes });
      } else if (action === 'open' && platform.openAttachment) {
        const result = await platform.openAttachment({ name: a.name, bytes });
        if (!result.opened) message.warning(result.message ?? `未能打开“${a.name}”`);
      } else {
        const save = platform.saveAttachment ?? ((r: { name: string; bytes: Uint8Array }) => platform.saveFile({ suggestedName: r.name, bytes: r.bytes }));
        const saved = await save({ name: a.name, bytes });
        if (saved.saved) message.success(`已另存为：${saved.path ?? a.name}`);
      }
    } catch (error) {
      message.error(describeError(error));
    }
  }

  function confirmRemove(a: AttachmentView) {
    modal.confirm({
      title: '删除附件？',
      content: `将删除附件“${a.name}”。删除后仍可在本列表中恢复。`,
      okText: '删除',
      okType: 'danger',
      cancelText: '取消',
      onOk: async () => {
        try {
          await removeAttachment(db, a.id);
          message.success(`已删除附件“${a.name}”`);
        } catch (error) {
          message.error(describeError(error));
        }
      },
    });
  }

  async function restore(a: AttachmentView) {
    try {
      await restoreAttachment(db, a.id);
      message.success(`已恢复附件“${a.name}”`);
    } catch (error) {
      message.error(describeError(error));
    }
  }

  const live = rows?.filter(isLive).length ?? 0;
  return (
    <div
      aria-label="附件"
      onDragOver={(e) => {
        if (readOnly) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{ outline: dragging ? '2px dashed #1677ff' : undefined, outlineOffset: 4 }}
    >
      <Space style={{ marginBottom: 8 }} wrap>
        {!readOnly && (
          <Button icon={<PaperClipOutlined />} onClick={pick} loading={busy}>
            添加附件
          </Button>
        )}
        <Typography.Text type="secondary">
          {live > 0 ? `共 ${live} 个附件` : '暂无附件'}
          {!readOnly && '（也可把文件拖到这里）'}
        </Typography.Text>
      </Space>
      <Table<AttachmentView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows ?? []}
        loading={rows === undefined}
        locale={{ emptyText: '暂无附件' }}
        aria-label="附件列表"
        columns={[
          {
            title: '文件名',
            dataIndex: 'name',
            render: (_: unknown, a) => (
              <Space size={4}>
                <span style={isLive(a) ? undefined : { textDecoration: 'line-through', color: '#999' }}>{a.name}</span>
                {!isLive(a) && <Tag>已删除</Tag>}
                {!a.available && <Tag color="orange">文件未同步</Tag>}
              </Space>
            ),
          },
          { title: '种类', width: 100, render: (_: unknown, a) => kindLabel(a.name, a.mime) },
          { title: '大小', width: 90, align: 'right', render: (_: unknown, a) => formatFileSize(a.size) },
          { title: '添加时间', width: 140, render: (_: unknown, a) => shownTime(a.addedAt) },
          { title: '添加人', width: 90, dataIndex: 'addedBy' },
          {
            title: '操作',
            width: 250,
            render: (_: unknown, a) => (
              <Space size={0}>
                {a.available && (a.mime === 'application/pdf' || a.mime.startsWith('image/')) && (
                  <Button type="link" size="small" onClick={() => run(a, 'preview')}>
                    预览
                  </Button>
                )}
                {a.available && platform.openAttachment && (
                  <Button type="link" size="small" onClick={() => run(a, 'open')}>
                    打开
                  </Button>
                )}
                {a.available && (
                  <Button type="link" size="small" onClick={() => run(a, 'save')}>
                    另存为
                  </Button>
                )}
                {!readOnly &&
                  (isLive(a) ? (
                    <Button type="link" size="small" danger onClick={() => confirmRemove(a)}>
                      删除
                    </Button>
                  ) : (
                    <Button type="link" size="small" onClick={() => restore(a)}>
                      恢复
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      <AttachmentPreview target={preview} onClose={() => setPreview(null)} />
    </div>
  );
}
