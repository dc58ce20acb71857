import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { advisorDuties, advisorWorkForms } from '../../../../../shared/domain/advisors/schema';
import { DateField } from '../../../components/forms/fields';

/** seed 000 §四 (工作形式) and §五 (the six 工作职责). */
export function ActivityFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="日期" name="date" required>
            <DateField autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="工作形式" name="form" required>
            <Select options={advisorWorkForms.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="工作职责" name="duties" extra="可多选">
        <Checkbox.Group options={advisorDuties.map((value) => ({ value, label: value }))} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 4 }} />
      </Form.Item>
      <Form.Item label="工作内容" name="content" required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        label="取得成果"
        name="outcome"
        extra="科研成果，如联合申报项目、共建研发平台、成果转化；填写后收入年度咨询建议汇编的“科研成果”部分"
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="地点" name="location">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="参加人员" name="participants">
            <Input maxLength={500} placeholder="如：自治区领导、服务单位负责人" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="notes">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
