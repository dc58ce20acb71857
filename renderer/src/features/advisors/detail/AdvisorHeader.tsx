import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import type { Advisor } from '../../../../../shared/domain/advisors/schema';
import { useDb } from '../../../db/DbContext';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { removeAdvisor, restoreAdvisor } from '../../../db/repositories/advisors';
import { statusColors } from '../advisorStatus';
import { termText } from '../rosterRows';
import { useConfirmRemove } from '../../../components/RecordLedger/useConfirmRemove';
import { formatYuan, type YearSummary } from '../yearSummary';
import { InvitationButton } from './InvitationModal';
import { LedgerReportActions } from './LedgerReportActions';

/** Who, where, which step — and this year's answer: done, paid, adopted. */
export function AdvisorHeader({ advisor, summary }: { advisor: Advisor; summary: YearSummary }) {
  const db = useDb();
  const [, navigate] = useHashRoute();
  const confirmRemove = useConfirmRemove();
  const s = summary;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <div className="advisor-detail-header">
        <Space align="center" wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('advisors')} aria-label="返回名册">
            名册
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {advisor.name}
          </Typography.Title>
          <Typography.Text type="secondary">{advisor.honorific}</Typography.Text>
          <Tag color={statusColors[advisor.status]} data-testid="advisor-status">
            {advisor.status}
          </Tag>
        </Space>
        <Space wrap>
          <LedgerReportActions advisor={advisor} />
          <InvitationButton advisor={advisor} />
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={() =>
              confirmRemove({
                title: `删除科技顾问“${advisor.name}”？`,
                content: '其工作记录、咨询建议、聘金等台账随之隐藏；删除会同步到其他电脑。删除后可在提示中撤销。',
                remove: () => removeAdvisor(db, advisor.id),
                restore: () => restoreAdvisor(db, advisor.id),
                doneMessage: `已删除科技顾问“${advisor.name}”`,
                onRemoved: () => navigate('advisors'),
              })
            }
          >
            删除
          </Button>
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'home', label: '所在单位', children: advisor.homeInstitution },
          { key: 'unit', label: '服务单位', children: advisor.serviceUnit || '—' },
          { key: 'dept', label: '行业主管部门', children: advisor.competentDepartment || '—' },
          { key: 'term', label: '聘期', children: termText(advisor) || '—' },
          { key: 'work', label: `${s.year}年工作`, children: `${s.activities} 次（来桂座谈/拜访 ${s.meetings} 次）` },
          { key: 'advice', label: `${s.year}年建议`, children: `${s.suggestions} 条（采纳 ${s.adopted}，待反馈 ${s.awaitingFeedback}）` },
          {
            key: 'paid',
            label: `${s.year}年聘金`,
            children: s.paid ? `已拨付 ${formatYuan(s.paid)}${s.isPaymentUnfiled ? '，凭证未备案' : ''}` : advisor.status === '已聘任' ? '未拨付' : '—',
          },
          { key: 'liaison', label: '联系人', children: [advisor.serviceUnitLiaison, advisor.serviceUnitLiaisonPhone].filter(Boolean).join(' ') || '—' },
        ]}
      />
    </Space>
  );
}
