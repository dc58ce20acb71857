import { Col, Form, Input, Row } from 'antd';
import { AmountField, DateField, YearField } from '../../../components/forms/fields';

/** seed 000 §六: 聘金 yearly via the 科技厅 → 服务单位 or 所在单位; the 拨付凭证 is filed (备案). */
export function StipendFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="年度" name="year" required>
            <YearField autoFocus />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="金额（税后）" name="amount" required extra="默认取自政策配置（每人每年聘金）">
            <AmountField />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="拨付单位" name="paidVia" extra="科技厅拨至的服务单位或所在单位">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="拨付日期" name="paidDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="拨付凭证号" name="voucherNumber">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="凭证备案日期" name="filedDate" extra="报科技厅备案的日期">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
