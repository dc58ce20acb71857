import { useEffect } from 'react';
import { App, Button, Divider, Form, Radio, Spin } from 'antd';
import { certificateSettingsFormSchema, type CertificateSettings } from '../../../../shared/domain/advisors/certificateSettings';
import { parseWithForm } from '../../components/forms/zodForm';
import { useDb } from '../../db/DbContext';
import { WordingField } from '../advisors/certificates/settings/WordingField';
import { NumberPatternField } from '../advisors/certificates/settings/NumberPatternField';
import { OverlayFieldsEditor } from '../advisors/certificates/settings/OverlayFieldsEditor';
import { PrinterOffsetsEditor } from '../advisors/certificates/settings/PrinterOffsetsEditor';
import { CalibrationPanel } from '../advisors/certificates/settings/CalibrationPanel';
import { saveSetting, useSetting } from './settingsStore';

/**
 * 设置 → 聘书: wording, numbering, page, and the 套打 layout with per-printer calibration
 * (DOMAIN §5). Saved as one setting, synced like any ledger edit.
 */
export function CertificateSettingsForm() {
  const db = useDb();
  const { message } = App.useApp();
  const settings = useSetting('advisorCertificate');
  const [form] = Form.useForm<CertificateSettings>();

  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [settings, form]);

  async function save() {
    // getFieldsValue(true): the lists' rows as a whole, not only the mounted inputs.
    const values = form.getFieldsValue(true);
    const parsed = parseWithForm(form, certificateSettingsFormSchema, values);
    if (!parsed) {
      // A refused field may sit on the other orientation's tab: say which tab to look at.
      const tabs = new Set((certificateSettingsFormSchema.safeParse(values).error?.issues ?? []).filter((i) => i.path[0] === 'overlayFields').map((i) => (i.path[1] === 'portrait' ? '纵向 A4' : '横向 A4')));
      message.error(`聘书设置有误，请按提示修改${tabs.size ? `（见套打字段位置“${[...tabs].join('”“')}”）` : ''}`);
      return;
    }
    await saveSetting(db, 'advisorCertificate', parsed);
    message.success('聘书设置已保存');
  }

  if (!settings) return <Spin tip="正在读取聘书设置…"><div style={{ height: 120 }} /></Spin>;

  return (
    <Form form={form} layout="horizontal" labelCol={{ flex: '120px' }} style={{ maxWidth: 980 }} onFinish={save} aria-label="聘书设置">
      <Divider titlePlacement="start">聘书文字与编号</Divider>
      <WordingField form={form} />
      <NumberPatternField form={form} />
      <Form.Item label="版式" name="orientation" extra="整页打印和套打都使用此方向；须与预印聘书纸一致。">
        <Radio.Group options={[{ value: 'landscape', label: '横向 A4' }, { value: 'portrait', label: '纵向 A4' }]} />
      </Form.Item>
      <Divider titlePlacement="start">套打字段位置</Divider>
      <p style={{ color: 'rgba(0,0,0,0.55)' }}>
        套打只在预印聘书纸上打印可变文字。位置为从纸张左上角量到该字段文字左上角的距离（毫米）：距上边量到第一行文字的字顶，距左边量到文字框左边。横向、纵向聘书纸各有一套位置；文字超出纸张或日期放不下一行时，保存会在该栏说明原因。
      </p>
      <OverlayFieldsEditor form={form} />
      <Divider titlePlacement="start">打印机校准</Divider>
      <PrinterOffsetsEditor form={form} />
      <CalibrationPanel form={form} />
      <Divider />
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit">
          保存聘书设置
        </Button>
      </Form.Item>
    </Form>
  );
}
