import { Alert, Button, List, Space } from 'antd';
import { useHashRoute } from '../../navigation/useHashRoute';
import type { ImportResult } from '../../db/sync';
import { DeletedWithEditsList } from './DeletedWithEditsList';
import { PerTableChanges } from './PerTableChanges';
import { describeSkew, isNotableSkew } from './wording';

/** After 确认导入: what changed, and what needs the clerk next (conflicts, clock, 聘书 numbers). */
export function ImportResultView({ result, duplicates }: { result: ImportResult; duplicates: { number: string; holders: string[] }[] }) {
  const [, navigate] = useHashRoute();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="import-result">
      <Alert
        type="success"
        showIcon
        message={`已导入来自电脑“${result.nodeName || '未命名'}”的数据包`}
        description={`导入 ${result.applied} 项改动${result.skipped ? `，${result.skipped} 项本机已有而跳过` : ''}${result.filesStored ? `，存入 ${result.filesStored} 个附件文件` : ''}。`}
      />
      {result.conflicts > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`有 ${result.conflicts} 处冲突需要核对`}
          action={
            <Button size="small" type="primary" onClick={() => navigate('exchange', 'conflicts')}>
              查看冲突
            </Button>
          }
        />
      )}
      <DeletedWithEditsList items={result.deletedWithEdits ?? []} />
      {(result.pending ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`有 ${result.pending} 条记录缺少之前的数据，暂列为“待补全”，不在台账中显示`}
          description="收到其余数据后会自动补全。若一直未补全，请让对方电脑全量导出后导入。"
        />
      )}
      {result.skewWarning && isNotableSkew(result.skewWarning.skewMs) && (
        <Alert type="warning" showIcon message="电脑时钟不准" description={describeSkew(result.skewWarning.nodeName, result.skewWarning.skewMs)} />
      )}
      {duplicates.length > 0 && (
        <Alert
          type="error"
          showIcon
          message="发现重复的聘书编号"
          description={<List size="small" dataSource={duplicates} renderItem={(d) => <List.Item>{d.number}：{d.holders.join('、')}</List.Item>} />}
        />
      )}
      <PerTableChanges perTable={result.perTable} />
    </Space>
  );
}
