import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useDb } from '../../app/DbContext';
import { parseWithForm } from '../../components/forms/zodForm';
import { exchangeSettingsSchema, saveExchangeSettings, useExchangeSettings } from './exchangeSettings';

interface FormValues {
  deleteSharePercent: number;
  backupMaxTotal: number;
}

/** 交换设置 of this machine: when an import must ask first, and how many backups are kept. */
export function ExchangeSettingsForm({ showBackups }: { showBackups: boolean }) {
  const db = useDb();
  const { message } = App.useApp();
  const settings = useExchangeSettings();
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    if (settings) form.setFieldsValue({ deleteSharePercent: Math.round(settings.deleteShareLimit * 100), backupMaxTotal: settings.backupMaxTotal });
  }, [settings, form]);

  async function save(values: FormValues) {
    const candidate = { deleteShareLimit: values.deleteSharePercent / 100, backupMaxTotal: values.backupMaxTotal ?? settings?.backupMaxTotal };
    const parsed = parseWithForm(form, exchangeSettingsSchema, candidate);
    if (!parsed) return;
    await saveExchangeSettings(db, parsed);
    message.success('交换设置已保存');
  }

  if (!settings) return null;
  return (
    <Card size="small" title="交换设置（本机）">
      <Form form={form} layout="inline" onFinish={save} aria-label="交换设置">
        <Form.Item label="导入删除超过" name="deleteSharePercent" tooltip="一个数据包要删除某台账超过此比例的记录时，先询问再导入">
          <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 110 }} aria-label="删除提醒比例" />
        </Form.Item>
        {showBackups && (
          <Form.Item label="备份最多保留" name="backupMaxTotal" tooltip="当天的备份全部保留（至多 10 份），更早的每天保留一份，总数不超过此数">
            <InputNumber min={3} max={365} precision={0} suffix="份" style={{ width: 110 }} aria-label="备份保留份数" />
          </Form.Item>
        )}
        <Form.Item>
          <Space>
            <Button htmlType="submit">保存</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
