import { Col, Divider, Form, Input, Row } from 'antd';
import { advisorSchema, type Advisor } from '../../../../../shared/domain/advisors/schema';
import { useDb } from '../../../db/DbContext';
import { updateAdvisor } from '../../../db/repositories/advisors';
import { CertificatePanel } from '../certificates';
import { DateField } from '../../../components/forms/fields';
import { InlineRecordForm } from '../../../components/forms/InlineRecordForm';
import { StatusActions } from './StatusActions';

/** 聘任与聘书 (seed 000 §二–三): the status steps, the term and ceremony, then the 聘书 itself. */
export function AppointmentTab({ advisor }: { advisor: Advisor }) {
  const db = useDb();
  return (
    <>
      <StatusActions advisor={advisor} />
      <Divider titlePlacement="start">聘期与颁发仪式</Divider>
      <InlineRecordForm
        key={advisor.updatedAt}
        label="聘期与颁发仪式"
        schema={advisorSchema}
        record={advisor}
        save={(fields) => updateAdvisor(db, advisor.id, fields)}
        successMessage="聘期信息已保存"
        submitLabel="保存聘期信息"
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="聘期开始" name="termStart">
              <DateField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="聘期结束" name="termEnd">
              <DateField />
            </Form.Item>
          </Col>
          <Col span={8}>
            {/* seed 000 §三(三): 自治区党委、政府主要领导出席仪式并颁发聘书 */}
            <Form.Item label="颁发仪式日期" name="ceremonyDate">
              <DateField />
            </Form.Item>
          </Col>
        </Row>
        {(advisor.status === '解聘' || advisor.dismissalReason) && (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="解聘日期" name="dismissalDate">
                <DateField />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item label="解聘原因" name="dismissalReason">
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </InlineRecordForm>
      <Divider titlePlacement="start">聘书</Divider>
      <CertificatePanel advisor={advisor} />
    </>
  );
}
