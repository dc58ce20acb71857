import { Col, Form, Input, Radio, Row } from 'antd';
import { suggestionFeedbackStatuses, suggestionImplementationStatuses } from '../../../../../shared/domain/advisors/schema';
import { DateField } from '../../../components/forms/fields';

/** seed 000 §七(四): departments report 采纳和落实情况 back — 采纳 and 落实 each with status, date, note. */
export function FeedbackFields({ title }: { title: string }) {
  return (
    <>
      <p>建议：{title}</p>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="采纳情况" name="feedbackStatus" required>
            <Radio.Group optionType="button" buttonStyle="solid" options={suggestionFeedbackStatuses.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="反馈日期" name="feedbackDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="反馈说明" name="feedbackNote" extra="如：已纳入年度重点工作">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="落实情况" name="implementationStatus" extra="采纳后由有关部门反馈的落实进展">
            <Radio.Group optionType="button" buttonStyle="solid" options={suggestionImplementationStatuses.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="落实日期" name="implementationDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="落实说明" name="implementationNote" extra="如：中试平台已于9月投入运行">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
