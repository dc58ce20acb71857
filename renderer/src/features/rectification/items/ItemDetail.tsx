import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Result, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FlagOutlined } from '@ant-design/icons';
import { checkEvidence } from '../../../../../shared/domain/rectification/evidence';
import { divisionsText, personsText, tableDate } from '../../../../../shared/documents/rectification/plan-input';
import type { RectificationItem } from '../../../../../shared/domain/rectification/schema';
import { useHashRoute } from '../../../navigation/useHashRoute';
import { todayIso, usePlanLedger, useProgressNotes } from '../useRectification';
import { ItemFormModal } from './ItemFormModal';
import { statusColors, StatusTag } from './itemColumns';
import { ProgressModal } from './ProgressModal';
import { useHandedInEvidence } from './useHandedInEvidence';
import { AttachmentsPanel } from '../../attachments';

/**
 * 整改检验形式 against what was handed in: the registered note and the item's 附件 (their file
 * names count as evidence too), with the attachments panel to add, preview and open them.
 */
function EvidenceCard({ item }: { item: RectificationItem }) {
  const handedIn = useHandedInEvidence(item);
  const { expected, covered } = checkEvidence(item.verificationForm, handedIn);
  return (
    <Card size="small" title="佐证材料" data-testid="rectification-evidence">
      <Descriptions size="small" column={1} items={[
        { key: 'expected', label: '整改检验形式', children: item.verificationForm },
        {
          key: 'pieces',
          label: '应提交',
          children: (
            <Space size={4} wrap aria-label="应提交的佐证材料">
              {expected.map((piece) => (
                <Tag key={piece} color={covered.includes(piece) ? 'green' : 'orange'}>
                  {covered.includes(piece) ? '✓ ' : '缺 '}
                  {piece}
                </Tag>
              ))}
            </Space>
          ),
        },
        { key: 'handed', label: '已提交', children: item.evidenceNotes ?? <Typography.Text type="secondary">尚未登记（在“修改”中填写已提交的佐证材料）</Typography.Text> },
      ]} />
      <AttachmentsPanel table="rectificationItems" recordId={item.id} />
    </Card>
  );
}

/** #/rectification/<planId>/item/<itemId>: one item, its evidence and its progress history. */
export function ItemDetail({ planId, itemId }: { planId: string; itemId: string }) {
  const [, navigate] = useHashRoute();
  const ledger = usePlanLedger(planId);
  const notes = useProgressNotes(itemId);
  const [isEditing, setEditing] = useState(false);
  const [isRecording, setRecording] = useState(false);
  const today = todayIso();
  const back = () => navigate('rectification', planId);

  if (ledger === undefined) return <Spin tip="正在读取…"><div style={{ height: 160 }} /></Spin>;
  const item = ledger?.items.find((i) => i.id === itemId);
  if (!ledger || !item) {
    return <Result status="404" title="找不到该整改事项" subTitle="事项不存在或已被删除。" extra={<Button type="primary" onClick={back}>返回整改方案</Button>} />;
  }
  const nextSeq = ledger.items.reduce((max, i) => Math.max(max, i.seq), 0) + 1;

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <span>第 {item.seq} 项 · {item.theme}</span>
            <StatusTag item={item} today={today} />
          </Space>
        }
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              返回方案
            </Button>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
            <Button type="primary" icon={<FlagOutlined />} onClick={() => setRecording(true)}>
              登记进展
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={2} bordered items={[
          { key: 'content', label: '整改内容', span: 2, children: item.content },
          {
            key: 'measures',
            label: '整改措施',
            span: 2,
            children: (
              <ol style={{ margin: 0, paddingLeft: 20 }} aria-label="整改措施">
                {item.measures.map((m, i) => <li key={i}>{m}</li>)}
              </ol>
            ),
          },
          { key: 'planned', label: '计划完成时间', children: tableDate(item.plannedDate) },
          { key: 'divisions', label: '责任处室', children: <span style={{ whiteSpace: 'pre-line' }}>{divisionsText(item)}</span> },
          { key: 'persons', label: '责任人', children: <span style={{ whiteSpace: 'pre-line' }}>{personsText(item)}</span> },
          { key: 'started', label: '开始推进', children: tableDate(item.startedDate) || '—' },
          { key: 'completed', label: '完成日期', children: tableDate(item.completedDate) || '—' },
          { key: 'plan', label: '所属方案', children: ledger.plan.name },
        ]} />
      </Card>
      <EvidenceCard item={item} />
      <Card size="small" title={`推进情况记录（${notes?.length ?? 0}）`}>
        {notes && notes.length > 0 ? (
          <Timeline
            className="rectification-history"
            aria-label="推进情况记录"
            items={notes.map((n) => ({
              key: n.id,
              color: statusColors[n.status],
              content: (
                <div>
                  <Space size={8}>
                    <strong>{tableDate(n.date)}</strong>
                    <Tag color={statusColors[n.status]}>{n.status}</Tag>
                    {n.author && <Typography.Text type="secondary">{n.author}</Typography.Text>}
                  </Space>
                  <div>{n.note}</div>
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无推进情况记录，点击“登记进展”添加" />
        )}
      </Card>
      {isEditing && <ItemFormModal open plan={ledger.plan} item={item} nextSeq={nextSeq} onClose={() => setEditing(false)} />}
      <ProgressModal item={isRecording ? item : null} onClose={() => setRecording(false)} />
    </Space>
  );
}
