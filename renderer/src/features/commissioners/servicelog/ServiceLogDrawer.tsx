import { Button, Descriptions, Drawer } from 'antd';
import type { ServiceLog } from '../../../../../shared/domain/commissioners/schema';
import type { CommissionerLookups } from '../useCommissioners';
import { AttachmentsPanel } from '../../attachments';

/** One service log in full, with its 证明材料 (签到表、照片) as 附件 at the end. */
export function ServiceLogDrawer({ log, lookups, onClose, onEdit }: { log: ServiceLog | null; lookups?: CommissionerLookups; onClose: () => void; onEdit: (log: ServiceLog) => void }) {
  return (
    <Drawer
      open={!!log}
      title={log ? `${log.date} 服务日志` : ''}
      size={560}
      onClose={onClose}
      extra={
        log && (
          <Button type="primary" onClick={() => onEdit(log)}>
            修改
          </Button>
        )
      }
    >
      {log && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="服务人员">{lookups?.personById.get(log.commissionerId)?.name}</Descriptions.Item>
          <Descriptions.Item label="派驻企业">{lookups?.enterpriseById.get(log.enterpriseId)?.name}</Descriptions.Item>
          <Descriptions.Item label="日期">{log.date}</Descriptions.Item>
          <Descriptions.Item label="天数">{log.days}</Descriptions.Item>
          <Descriptions.Item label="方式">{log.mode}</Descriptions.Item>
          <Descriptions.Item label="服务类别">{log.kind}</Descriptions.Item>
          <Descriptions.Item label="服务内容">{log.content}</Descriptions.Item>
          <Descriptions.Item label="解决问题">{log.problemsSolved}</Descriptions.Item>
          <Descriptions.Item label="取得成效">{log.outcomes}</Descriptions.Item>
          <Descriptions.Item label="证明材料说明">{log.evidence}</Descriptions.Item>
        </Descriptions>
      )}
      {log && (
        <div style={{ marginTop: 16 }}>
          <AttachmentsPanel table="serviceLogs" recordId={log.id} />
        </div>
      )}
    </Drawer>
  );
}
