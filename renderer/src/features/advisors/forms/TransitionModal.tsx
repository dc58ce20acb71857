import { useId, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { reviewResults, type Advisor } from '../../../../../shared/domain/advisors/schema';
import type { TransitionDetails } from '../../../../../shared/domain/advisors/rules';
import { useDb } from '../../../db/DbContext';
import { changeAdvisorStatus } from '../../../db/repositories/advisors';
import type { TransitionAction } from '../advisorStatus';
import { todayIso } from '../useAdvisors';
import { DateField } from '../../../components/forms/fields';
import { describeError } from '../../../components/forms/submitRecord';
import { dialogBodyStyle } from '../../../components/forms/RecordFormModal';
import { handleFormEnter } from '../../../components/forms/useRecordForm';
import { futureDateIssues } from '../../../../../shared/domain/dateRules';

interface Props {
  advisor: Advisor;
  action: TransitionAction | null;
  onClose: () => void;
}

type Values = TransitionDetails & { remark?: string };

/**
 * One status step with the details it needs (seed 000 §二–三). The fields are not required by
 * the form: checkTransition is the one judge, and its Chinese reason is shown if it refuses, so
 * the clerk learns the rule rather than a generic "必填". A status change commits only from its
 * button or Ctrl+Enter, never from Enter in a field, and no date is filled in for the clerk
 * (issue 8 item 3: Enter in 评议日期 had set 审定日期 to today).
 */
export function TransitionModal({ advisor, action, onClose }: Props) {
  const formId = useId();
  return (
    <Modal
      open={action !== null}
      title={action ? `${action.label}（${advisor.status} → ${action.to}）` : ''}
      okText={action?.label ?? '确定'}
      okButtonProps={{ htmlType: 'submit', form: formId, danger: action?.tone === 'danger' }}
      cancelText="取消"
      onCancel={onClose}
      style={{ top: 24 }}
      styles={{ body: dialogBodyStyle }}
      destroyOnHidden
    >
      {action && <TransitionForm advisor={advisor} action={action} formId={formId} onDone={onClose} />}
    </Modal>
  );
}

function TransitionForm({ advisor, action, formId, onDone }: { advisor: Advisor; action: TransitionAction; formId: string; onDone: () => void }) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const asks = new Set(action.fields);
  const today = todayIso();
  const initial: Values = {
    reviewResult: advisor.reviewResult,
    reviewDate: advisor.reviewDate,
    approvalDate: advisor.approvalDate,
    dismissalDate: advisor.dismissalDate,
    dismissalReason: advisor.dismissalReason,
  };

  async function finish({ remark, ...details }: Values) {
    const future = futureDateIssues(details, today);
    if (future.length) {
      form.setFields(future.map((i) => ({ name: i.path[0] as keyof Values, errors: [i.message] })));
      return;
    }
    try {
      const { warnings } = await changeAdvisorStatus(db, advisor.id, action.to, details, today, remark);
      message.success(`已变更为“${action.to}”`);
      onDone();
      if (warnings.length) modal.warning({ title: '请注意', content: warnings.join('；'), okText: '知道了' });
    } catch (error) {
      setRefusal(describeError(error));
    }
  }

  return (
    <Form
      id={formId}
      form={form}
      layout="vertical"
      aria-label="状态变更详情"
      initialValues={initial}
      onFinish={finish}
      onKeyDown={(event) => handleFormEnter(event, () => form.submit(), false)}
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      {action.fields.length === 0 && <Typography.Paragraph>确认将状态变更为“{action.to}”？</Typography.Paragraph>}
      {action.fields.length > 0 && <Typography.Paragraph type="secondary">填写后点击“{action.label}”（或按 Ctrl+Enter）确认。</Typography.Paragraph>}
      {asks.has('reviewResult') && (
        <Form.Item label="评议结果" name="reviewResult" extra="科技委员会办公室组织相关部门及专家评议的结论">
          <Select autoFocus allowClear options={reviewResults.map((value) => ({ value, label: value }))} placeholder="请选择" />
        </Form.Item>
      )}
      {asks.has('reviewDate') && (
        <Form.Item label="评议日期" name="reviewDate">
          <DateField />
        </Form.Item>
      )}
      {asks.has('approvalDate') && (
        <Form.Item label="审定日期" name="approvalDate" extra="自治区党委、自治区人民政府审核确定选聘名单的日期">
          <DateField />
        </Form.Item>
      )}
      {asks.has('dismissalReason') && (
        <Form.Item label="解聘原因" name="dismissalReason">
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      )}
      {asks.has('dismissalDate') && (
        <Form.Item label="解聘日期" name="dismissalDate">
          <DateField />
        </Form.Item>
      )}
      {asks.has('remark') && (
        <Form.Item label="说明" name="remark" extra="记入备注，如退回原因">
          <Input autoFocus={action.fields[0] === 'remark'} maxLength={200} />
        </Form.Item>
      )}
    </Form>
  );
}
