import { Col, Form, Input, Radio, Row } from 'antd';
import { useHandedInEvidence } from './useHandedInEvidence';
import { missingEvidenceText } from '../../../../../shared/domain/rectification/evidence';
import { progressStepSchema } from '../../../../../shared/domain/rectification/progress';
import { rectificationStatuses, type RectificationItem } from '../../../../../shared/domain/rectification/schema';
import { useDb } from '../../../db/DbContext';
import { DateField } from '../../../components/forms/fields';
import { RecordFormModal } from '../../../components/forms/RecordFormModal';
import { recordProgress, type ProgressStep } from '../../../db/repositories/rectification';
import { useLiveQuery } from 'dexie-react-hooks';
import { getOperatorName } from '../../../db/meta';
import { todayIso } from '../useRectification';

function CompletedDateField() {
  const status = Form.useWatch('status');
  if (status !== '已完成') return null;
  return (
    <Form.Item label="完成日期" name="completedDate" required>
      <DateField />
    </Form.Item>
  );
}

/**
 * 登记进展: a note joins the item's history and the item takes the chosen status, in one step
 * (recordProgress) — completing it here records the completion date.
 */
export function ProgressModal({ item, onClose }: { item: RectificationItem | null; onClose: () => void }) {
  const db = useDb();
  const operatorName = useLiveQuery(() => getOperatorName(db), [db]);
  const handedIn = useHandedInEvidence(item);
  const today = todayIso();
  const next = item?.status === '未启动' ? '推进中' : item?.status;
  return (
    <RecordFormModal
      open={item !== null}
      title={item ? `登记进展（第 ${item.seq} 项）` : '登记进展'}
      width={640}
      schema={progressStepSchema}
      defaults={{ date: today, status: next, note: '', completedDate: item?.completedDate ?? today, author: operatorName || undefined }}
      // A status change is committed by its button or Ctrl+Enter only (issue 8 item 3).
      submitOnEnter={false}
      // Completing with evidence the plan asked for still unregistered is asked, not refused: the
      // clerk may hold the paper copy.
      warnings={(draft) => {
        const missing = item && draft.status === '已完成' ? missingEvidenceText(item.verificationForm, handedIn) : '';
        return missing ? [{ field: 'status', message: `整改检验形式要求的佐证材料尚未登记齐全（${missing}），仍标记为已完成？` }] : [];
      }}
      save={(fields) => recordProgress(db, item!.id, fields as unknown as ProgressStep)}
      successMessage="进展已登记"
      onClose={onClose}
    >
      {item && <p style={{ marginTop: 0 }}>{item.content}</p>}
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label="日期" name="date" required>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="状态" name="status" required>
            <Radio.Group optionType="button" options={rectificationStatuses.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="推进情况" name="note" required>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={10}>
          <CompletedDateField />
        </Col>
        <Col span={14}>
          <Form.Item label="记录人" name="author">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormModal>
  );
}
