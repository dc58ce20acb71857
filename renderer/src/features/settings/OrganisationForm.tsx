import { useEffect } from 'react';
import { App, Button, Spin, Form, Input } from 'antd';
import { organisationSettingsSchema, type OrganisationSettings } from '../../../../shared/domain/settings/schema';
import { parseWithForm } from '../../components/forms/zodForm';
import { useDb } from '../../db/DbContext';
import { saveSetting, useSetting } from './settingsStore';

/** Names printed on documents: 聘书 issuer, agreement parties, report headers. */
export function OrganisationForm() {
  const db = useDb();
  const { message } = App.useApp();
  const organisation = useSetting('organisation');
  const [form] = Form.useForm<OrganisationSettings>();

  useEffect(() => {
    if (organisation) form.setFieldsValue(organisation);
  }, [organisation, form]);

  async function save() {
    const parsed = parseWithForm(form, organisationSettingsSchema, form.getFieldsValue());
    if (!parsed) return;
    await saveSetting(db, 'organisation', parsed);
    message.success('单位信息已保存');
  }

  // Until the stored values arrive an empty form would invite typing that the load then overwrites.
  if (!organisation) return <Spin tip="正在读取单位信息…"><div style={{ height: 120 }} /></Spin>;

  return (
    <Form form={form} layout="horizontal" labelCol={{ flex: '180px' }} style={{ maxWidth: 640 }} onFinish={save} aria-label="单位信息">
      <Form.Item label="人民政府（聘书落款）" name="government" required extra="科技顾问聘书以此名义颁发">
        <Input placeholder="广西壮族自治区人民政府" />
      </Form.Item>
      <Form.Item label="科技厅（局）" name="department" required>
        <Input placeholder="广西壮族自治区科学技术厅" />
      </Form.Item>
      <Form.Item label="科技委员会办公室" name="committeeOffice" required>
        <Input placeholder="自治区党委科技委员会办公室" />
      </Form.Item>
      <Form.Item label="经办处室" name="division" extra="打印台账报告时作为经办单位，可留空">
        <Input placeholder="如：成果转化与区域创新处" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit">
          保存单位信息
        </Button>
      </Form.Item>
    </Form>
  );
}
