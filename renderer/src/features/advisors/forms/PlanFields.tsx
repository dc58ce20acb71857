import { Col, Form, Input, Row, Select } from 'antd';
import { advisorPlanKinds } from '../../../../../shared/domain/advisors/schema';
import { DateField, YearField } from '../../../components/forms/fields';

/** seed 000 §七.(三)3: 3年工作方案 + 每年工作计划 with targets and a 成果受益分配方案, filed twice. */
export function PlanFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="类别" name="kind" required>
            <Select autoFocus options={advisorPlanKinds.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="开始年度" name="startYear" required>
            <YearField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="结束年度" name="endYear" required>
            <YearField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="方案名称" name="title" required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="目标任务" name="targets">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label="成果受益分配方案" name="benefitSharingPlan">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="报主管部门备案日期" name="filedWithDepartmentDate">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="报科技委员会办公室备案日期" name="filedWithOfficeDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="notes">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
