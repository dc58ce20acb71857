import { Alert, List, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/DbContext';
import { listPendingRecords } from '../../db/sync';

/**
 * 待补全 (issue 10): records of which only later changes have arrived. They are not shown in any
 * ledger until the rest arrives; the clerk is told how to get it.
 */
export function PendingRecordsNotice() {
  const db = useDb();
  const pending = useLiveQuery(() => listPendingRecords(db), [db]);
  if (!pending || pending.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pending-records"
      message={`待补全：${pending.length} 条记录只收到了后来的修改，缺少之前的数据，暂不在台账中显示`}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            收到其余数据后会自动补全并显示。若一直未补全，请让对方电脑“全量导出”，在“导入/导出”中导入该文件。
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={pending.slice(0, 20)}
            renderItem={(p) => (
              <List.Item>
                {p.label}：{p.name ?? `编号 ${p.id.slice(0, 8)}`}（{p.problem}）
              </List.Item>
            )}
            footer={pending.length > 20 ? <Typography.Text type="secondary">另有 {pending.length - 20} 条未列出</Typography.Text> : undefined}
          />
        </>
      }
    />
  );
}
