import { Col, Form, Input, Row } from 'antd';
import { DateField } from '../../../components/forms/fields';

/** A 咨询建议 and where it was sent (seed 000 §七(三)5: 服务单位整理建议，报科技委员会办公室汇总). */
export function SuggestionFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="提出日期" name="date" required>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="建议标题" name="title" required>
            <Input autoFocus maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="建议内容" name="content">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="报送单位" name="sentTo" extra="转送采纳落实的部门">
            <Input maxLength={200} placeholder="如：自治区工业和信息化厅" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="报送日期" name="sentDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
