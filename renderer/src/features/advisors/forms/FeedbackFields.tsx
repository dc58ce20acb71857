import { Form, Input, Radio } from 'antd';
import { suggestionFeedbackStatuses } from '../../../../../shared/domain/advisors/schema';
import { DateField } from '../../../components/forms/fields';

/** seed 000 §七(四): departments report 采纳和落实情况 back to the 科技委员会办公室. */
export function FeedbackFields({ title }: { title: string }) {
  return (
    <>
      <p>建议：{title}</p>
      <Form.Item label="采纳落实情况" name="feedbackStatus" required>
        <Radio.Group optionType="button" buttonStyle="solid" options={suggestionFeedbackStatuses.map((value) => ({ value, label: value }))} />
      </Form.Item>
      <Form.Item label="反馈日期" name="feedbackDate">
        <DateField />
      </Form.Item>
      <Form.Item label="反馈说明" name="feedbackNote" extra="如：已纳入年度重点工作">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
