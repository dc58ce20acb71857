import { Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import { reviewResults } from '../../../../../shared/domain/advisors/schema';
import { DateField } from '../../../components/forms/fields';

/**
 * 选聘 (seed 000 §二): the recommendation with the academician's consent and, in principle, the
 * home unit's; the 工作方案 (research directions, cooperation projects); the office's 评议 and
 * the approval of the list.
 */
export function SelectionFields() {
  return (
    <>
      <Divider titlePlacement="start">推荐</Divider>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="推荐单位" name="recommendingUnit" extra="自治区行业主管部门或服务单位">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="推荐日期" name="recommendationDate">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="advisorConsent" valuePropName="checked">
            <Checkbox>已征得院士本人同意</Checkbox>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="homeUnitConsent" valuePropName="checked" extra="原则上应征得所在单位同意">
            <Checkbox>已征得所在单位同意</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">工作方案</Divider>
      <Form.Item label="主要研究方向" name="researchDirections">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item label="合作项目" name="cooperationProjects">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Divider titlePlacement="start">评议与审定</Divider>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="评议日期" name="reviewDate">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="评议结果" name="reviewResult">
            <Select allowClear options={reviewResults.map((value) => ({ value, label: value }))} placeholder="尚未评议" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="审定日期" name="approvalDate" extra="党委、政府审核确定名单">
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="评议意见" name="reviewNotes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
    </>
  );
}
