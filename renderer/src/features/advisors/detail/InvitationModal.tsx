import { useCallback, useMemo, useState } from 'react';
import { Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { invitationInputSchema, invitationPurposes, type InvitationInput } from '../../../../../shared/documents/advisors/invitation';
import type { Advisor } from '../../../../../shared/domain/advisors/schema';
import { DocumentActions } from '../../../components/DocumentActions';
import { parseWithForm } from '../../../components/forms/zodForm';
import { useSetting } from '../../settings/settingsStore';
import { DateField } from '../../../components/forms/fields';
import { withChineseErrors } from '../../../components/forms/submitRecord';
import { todayIso } from '../useAdvisors';

/**
 * 邀请函 (seed 000 §三(一), §七.(一).2: the office sends the invitation to the ceremony or a
 * visit). The letter is not stored: fill in, then 预览 / 保存 / 打印.
 */
export function InvitationButton({ advisor }: { advisor: Advisor }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<MailOutlined />} onClick={() => setOpen(true)}>
        邀请函
      </Button>
      <Modal open={open} title={`邀请函：${advisor.name}`} width={680} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        {open && <InvitationForm advisor={advisor} />}
      </Modal>
    </>
  );
}

function InvitationForm({ advisor }: { advisor: Advisor }) {
  const [form] = Form.useForm<InvitationInput>();
  const organisation = useSetting('organisation');
  const initial = useMemo<Partial<InvitationInput>>(
    () => ({
      recipientName: advisor.name,
      honorific: advisor.honorific,
      // An approved advisor is invited to the ceremony; an appointed one to the yearly visit.
      purpose: advisor.status === '已审定' ? '聘书颁发仪式' : '来桂座谈',
      location: '南宁',
      issuedOn: todayIso(),
    }),
    [advisor.name, advisor.honorific, advisor.status],
  );
  const getInput = useCallback(() => {
    const values = { ...initial, ...form.getFieldsValue(), issuingOrganisation: organisation?.committeeOffice ?? '' };
    const parsed = parseWithForm(form, withChineseErrors(invitationInputSchema), values);
    if (!parsed) throw new Error('请先按提示补全邀请函内容');
    return parsed;
  }, [form, organisation, initial]);

  return (
    <Form form={form} layout="vertical" initialValues={initial} aria-label="邀请函">
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="事由" name="purpose" required>
            <Select autoFocus options={invitationPurposes.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="称谓" name="honorific" required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="日期" name="eventDate" required>
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="结束日期" name="eventEndDate">
            <DateField />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="地点" name="location" required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="邀请事项补充" name="purposeText" extra="事由为“其他”时必填，即“诚挚邀请您于某日在某地……”之后的内容">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="联系人" name="contactPerson" required>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="联系电话" name="contactPhone" required>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="成文日期" name="issuedOn" required extra={`发函单位：${organisation?.committeeOffice ?? ''}（设置 → 单位信息）`}>
        <DateField />
      </Form.Item>
      <DocumentActions kind="invitation" getInput={getInput} />
    </Form>
  );
}
