import { useEffect, useState } from 'react';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useDb } from '../../db/DbContext';
import { parseWithForm } from '../../components/forms/zodForm';
import { usePlatform } from '../../platform';
import { exchangeSettingsSchema, saveExchangeSettings, useExchangeSettings } from './exchangeSettings';

interface FormValues {
  deleteSharePercent: number;
  backupMaxTotal?: number;
}

/**
 * 交换设置 of this machine: when an import must ask first, and how many backups are kept. The
 * backup count belongs to the desktop app: it is read from it and changed through it, and the
 * desktop app asks the clerk to confirm in its own dialog.
 */
export function ExchangeSettingsForm({ showBackups }: { showBackups: boolean }) {
  const db = useDb();
  const platform = usePlatform();
  const { message } = App.useApp();
  const settings = useExchangeSettings();
  const [form] = Form.useForm<FormValues>();
  const [retention, setRetention] = useState<number | undefined>();

  useEffect(() => {
    if (!showBackups || !platform.backups) return;
    let cancelled = false;
    platform.backups
      .retention()
      .then(({ maxTotal }) => !cancelled && setRetention(maxTotal))
      .catch((error: unknown) => message.error(`无法读取备份保留份数：${error instanceof Error ? error.message : String(error)}`));
    return () => {
      cancelled = true;
    };
  }, [showBackups, platform, message]);

  useEffect(() => {
    if (settings) form.setFieldsValue({ deleteSharePercent: Math.round(settings.deleteShareLimit * 100) });
  }, [settings, form]);
  useEffect(() => {
    if (retention !== undefined) form.setFieldsValue({ backupMaxTotal: retention });
  }, [retention, form]);

  async function save(values: FormValues) {
    const parsed = parseWithForm(form, exchangeSettingsSchema, { deleteShareLimit: values.deleteSharePercent / 100 });
    if (!parsed) return;
    await saveExchangeSettings(db, parsed);
    const wanted = values.backupMaxTotal;
    if (platform.backups && wanted !== undefined && retention !== undefined && wanted !== retention) {
      try {
        const result = await platform.backups.setRetention(wanted);
        setRetention(result.maxTotal);
        form.setFieldsValue({ backupMaxTotal: result.maxTotal });
        if (!result.changed) {
          message.info('交换设置已保存；备份保留份数未修改');
          return;
        }
      } catch (error) {
        form.setFields([{ name: 'backupMaxTotal', errors: [error instanceof Error ? error.message : String(error)] }]);
        return;
      }
    }
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
          <Form.Item
            label="备份最多保留"
            name="backupMaxTotal"
            tooltip="当天的备份全部保留（至多 10 份），更早的每天保留一份，总数不超过此数；最近 7 天每天最新的一份和最近 30 天的导入前备份始终保留。修改时会弹出确认"
          >
            <InputNumber min={3} max={365} precision={0} suffix="份" style={{ width: 110 }} aria-label="备份保留份数" disabled={retention === undefined} />
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
