import { Col, Form, Input, Row } from 'antd';
import { YearField } from '../../../components/forms/fields';

/** A plan's heading (seed 003: 2020年度自治区科技厅社会评价意见建议整改方案). */
export function PlanFields({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <>
      <Form.Item label="方案名称" name="name" required extra="打印为整改方案的标题">
        <Input autoFocus={autoFocus} maxLength={200} placeholder="如：2025年度自治区科技厅社会评价意见建议整改方案" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="年度" name="year" required>
            <YearField />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="意见来源" name="feedbackSource" required>
            <Input maxLength={200} placeholder="如：2025年度社会评价反馈意见" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Required texts start empty, so their own message (请填写方案名称) shows. */
export const newPlanDefaults = (year: number) => ({ name: '', year, feedbackSource: '' });
