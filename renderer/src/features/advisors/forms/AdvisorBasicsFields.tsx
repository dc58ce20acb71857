import { AutoComplete, Col, Form, Input, Row } from 'antd';

const honorifics = ['中国科学院院士', '中国工程院院士', '中国科学院院士、中国工程院院士', '外籍院士'].map((value) => ({ value }));

/**
 * Who the advisor is and the parties around them (DOMAIN §1: 服务单位 with a 专人 liaison per
 * seed 000 §七(三)1, 行业主管部门, 所在单位). Used by 新增科技顾问 and the 基本信息 tab.
 */
export function AdvisorBasicsFields({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="姓名" name="name" required>
            <Input autoFocus={autoFocus} maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="院士称号" name="honorific" required>
            <AutoComplete options={honorifics} placeholder="如：中国工程院院士" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="所在单位" name="homeInstitution" required>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="领域" name="field">
            <Input maxLength={100} placeholder="如：新材料" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="电话" name="phone">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="电子邮箱" name="email">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="服务单位" name="serviceUnit">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="行业主管部门" name="competentDepartment">
            <Input maxLength={100} placeholder="如：自治区工业和信息化厅" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="服务单位联系人" name="serviceUnitLiaison" extra="服务单位指定的专人联络">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="联系人电话" name="serviceUnitLiaisonPhone">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="notes">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}

/** Required texts start empty rather than undefined, so their own message (请填写姓名) shows. */
export const newAdvisorDefaults = { name: '', honorific: '', homeInstitution: '' };
