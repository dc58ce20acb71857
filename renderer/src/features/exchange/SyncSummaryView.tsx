import { Alert, Button, List, Space, Table, Typography } from 'antd';
import { useHashRoute } from '../../navigation/useHashRoute';
import { headline, perTableRows, type SyncSummary } from './syncSummary';
import { DeletedWithEditsList } from './DeletedWithEditsList';
import { PerTableChanges } from './PerTableChanges';

/** What one 同步 did, in the order a clerk acts on it: result, conflicts, warnings, details. */
export function SyncSummaryView({ summary }: { summary: SyncSummary }) {
  const [, navigate] = useHashRoute();
  const rows = perTableRows(summary.perTable);
  const hasProblems = summary.conflicts > 0 || summary.pending > 0 || summary.deletedWithEdits.length > 0 || summary.skewWarnings.length > 0 || summary.duplicateNumbers.length > 0 || summary.skippedFiles.length > 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="sync-summary">
      <Alert type={hasProblems ? 'warning' : 'success'} showIcon message="同步完成" description={headline(summary)} />

      {summary.conflicts > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`有 ${summary.conflicts} 处冲突需要核对`}
          description="同一字段在两台电脑上被改成了不同的值。目前采用较晚修改的值，另一值已保留，请逐一确认。"
          action={
            <Button size="small" type="primary" onClick={() => navigate('exchange', 'conflicts')}>
              查看冲突
            </Button>
          }
        />
      )}
      <DeletedWithEditsList items={summary.deletedWithEdits} />
      {summary.pending > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`有 ${summary.pending} 条记录缺少之前的数据，暂列为“待补全”，不在台账中显示`}
          description="收到其余数据后会自动补全。若一直未补全，请让对方电脑全量导出后导入。"
        />
      )}
      {summary.skewWarnings.map((text) => (
        <Alert key={text} type="warning" showIcon message="电脑时钟不准" description={text} />
      ))}
      {summary.duplicateNumbers.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="发现重复的聘书编号"
          description={
            <List
              size="small"
              dataSource={summary.duplicateNumbers}
              renderItem={(d) => (
                <List.Item>
                  {d.number}：{d.holders.join('、')}
                </List.Item>
              )}
              footer={<Typography.Text type="secondary">可能是两台电脑离线时各自颁发了聘书。请在“设置 → 聘书登记”中核对，并作废其中一份后重新颁发。</Typography.Text>}
            />
          }
        />
      )}

      {rows.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            各台账的变化
          </Typography.Title>
          <PerTableChanges perTable={summary.perTable} />
        </>
      )}

      {summary.imported.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="bundleId"
          title={() => '导入的数据包'}
          dataSource={summary.imported}
          columns={[
            { title: '来自电脑', dataIndex: 'nodeName', render: (v: string) => v || '未命名' },
            { title: '导入的改动', dataIndex: 'applied', align: 'right' },
            { title: '已有而跳过', dataIndex: 'skipped', align: 'right' },
          ]}
        />
      )}

      {summary.skippedFiles.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>未读取的文件（{summary.skippedFiles.length}）</Typography.Text>}
          dataSource={summary.skippedFiles}
          renderItem={(f) => (
            <List.Item>
              <Typography.Text code>{f.name}</Typography.Text>：{f.reason}
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
