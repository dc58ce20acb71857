import { Col, Form, Input, Row } from 'antd';
import { serviceEndDate, type CommissionerRules } from '../../../../../shared/domain/commissioners/rules';
import { DateField } from '../../../components/forms/fields';

/** 签订协议: the date signed and the service period it opens (length from the profile). */
export function SignFields({ rules }: { rules: CommissionerRules }) {
  const form = Form.useFormInstance();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="签订日期" name="signedDate" required>
            <DateField autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="协议编号" name="agreementNumber">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="服务期开始" name="startDate" required extra={`服务期 ${rules.servicePeriodYears} 年`}>
            <DateField onChange={(d) => d && form.setFieldValue('endDate', serviceEndDate(d, rules))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="服务期结束" name="endDate" required>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
