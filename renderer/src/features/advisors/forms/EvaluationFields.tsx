import { Col, Form, Input, Row, Select } from 'antd';
import { evaluationResults } from '../../../../../shared/domain/advisors/schema';
import { DateField, YearField } from '../../../components/forms/fields';

/**
 * seed 000 §八.(一): the 服务单位's reports (年度总结 in 12月上旬; 任期科技成果报告 and 成效自评报告
 * one month before the term ends), then the office's on-site evaluation and its result.
 */
export function EvaluationFields() {
  return (
    <>
      <Form.Item label="年度" name="year" required style={{ maxWidth: 200 }}>
        <YearField autoFocus />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="年度工作报告收到日期" name="annualWorkReportReceivedDate">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="年度总结收到日期" name="annualSummaryReceivedDate" extra="服务单位应于12月上旬报送">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="任期科技成果报告收到日期" name="termReportReceivedDate" extra="任期结束前一个月报送">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="成效自评报告收到日期" name="selfAssessmentReceivedDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="评估日期" name="evaluationDate" extra="组织专家和部门实地考察评估">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="评估结果" name="result">
            <Select allowClear options={evaluationResults.map((value) => ({ value, label: value }))} placeholder="尚未评估" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="评估意见" name="notes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
