import { useState } from 'react';
import { Alert, App, Button, List, Typography } from 'antd';
import { useDb } from '../../db/DbContext';
import { restoreDeletedRecord, type DeletedRecordEdit } from '../../db/sync';
import { formatDateTime } from './wording';

/**
 * 已删除的记录在对方有修改 (issue 10): each record deleted here or there while the other machine
 * edited it. It stays deleted (the edit is kept inside); 恢复 makes it live again with the edit.
 */
export function DeletedWithEditsList({ items }: { items: readonly DeletedRecordEdit[] }) {
  const db = useDb();
  const { message } = App.useApp();
  const [restored, setRestored] = useState<ReadonlySet<string>>(new Set());
  if (items.length === 0) return null;
  async function restore(item: DeletedRecordEdit) {
    try {
      await restoreDeletedRecord(db, item.table, item.id);
      setRestored((s) => new Set([...s, `${item.table}|${item.id}`]));
      message.success(`已恢复${item.label}“${item.name}”`);
    } catch (error) {
      message.error(`恢复失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="deleted-with-edits"
      message={`已删除的记录在对方有修改（${items.length} 条）`}
      description={
        <List
          size="small"
          dataSource={[...items]}
          renderItem={(item) => {
            const done = restored.has(`${item.table}|${item.id}`);
            return (
              <List.Item
                actions={[
                  <Button key="restore" size="small" disabled={done} onClick={() => void restore(item)}>
                    {done ? '已恢复' : '恢复'}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${item.label}：${item.name}`}
                  description={
                    <>
                      <Typography.Text>
                        {item.deletedBy}于 {formatDateTime(item.deletedAt)} 删除；
                      </Typography.Text>
                      {item.edits.map((e) => (
                        <Typography.Text key={`${e.by}${e.at}`}>
                          {e.by}于 {formatDateTime(e.at)} 修改了{e.fields.join('、')}。
                        </Typography.Text>
                      ))}
                      <Typography.Text type="secondary">记录仍为已删除，修改已保留在其中；如需保留此记录，请点“恢复”。</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
      }
    />
  );
}
