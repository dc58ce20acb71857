import { useEffect, useState } from 'react';
import { App, Button, Form, Segmented, Space, Spin } from 'antd';
import {
  agreementPlaceholders,
  agreementVariantLabels,
  agreementWordingSchema,
  defaultAgreementWording,
  type AgreementWording,
} from '../../../../shared/domain/commissioners/agreementWording';
import { useDb } from '../../db/DbContext';
import { parseWithForm } from '../../components/forms/zodForm';
import { ClauseListFields, PlaceholderHint } from '../../components/forms/ClauseTemplateFields';
import { saveSetting, useSetting } from './settingsStore';

type Variant = keyof AgreementWording;

/**
 * 设置 → 合作协议书: the clauses of the provincial and the city 合作协议书, each a heading and
 * text with {占位符}. Numbers (一、二、…) follow the order. Saved as one setting and synced; an
 * unknown placeholder is refused at its field, and each variant can go back to its default.
 */
export function AgreementSettingsForm() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const wording = useSetting('commissionerAgreement');
  const [variant, setVariant] = useState<Variant>('provincial');
  const [form] = Form.useForm<AgreementWording>();

  useEffect(() => {
    if (wording) form.setFieldsValue(wording);
  }, [wording, form]);

  async function save() {
    const parsed = parseWithForm(form, agreementWordingSchema, form.getFieldsValue(true));
    if (!parsed) {
      // The error may sit in the variant not shown: say which one.
      const fieldErrors = form.getFieldsError().filter((f) => f.errors.length);
      const other = fieldErrors.find((f) => f.name[0] !== variant);
      message.error(other ? `${agreementVariantLabels[other.name[0] as Variant]}的条款有误，请切换过去按提示修改` : '协议书条款有误，请按提示修改');
      return;
    }
    await saveSetting(db, 'commissionerAgreement', parsed);
    message.success('合作协议书条款已保存');
  }

  if (!wording) return <Spin tip="正在读取…"><div style={{ height: 120 }} /></Spin>;

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 980 }} onFinish={save} aria-label="合作协议书条款设置">
      <Segmented<Variant>
        value={variant}
        onChange={setVariant}
        options={(Object.keys(agreementVariantLabels) as Variant[]).map((v) => ({ value: v, label: agreementVariantLabels[v] }))}
        style={{ marginBottom: 12 }}
      />
      <PlaceholderHint allowed={agreementPlaceholders} note="每行一段；条款按顺序编为一、二、三……；甲乙丙三方信息和签章栏由系统生成。" />
      {/* Both lists stay mounted so a save validates and keeps the variant not shown. */}
      {(Object.keys(agreementVariantLabels) as Variant[]).map((v) => (
        <div key={v} hidden={v !== variant} role="group" aria-label={agreementVariantLabels[v]}>
          <ClauseListFields name={[v]} />
        </div>
      ))}
      <Space>
        <Button
          onClick={() =>
            modal.confirm({
              title: `恢复${agreementVariantLabels[variant]}的默认条款？`,
              okText: '恢复',
              cancelText: '取消',
              onOk: () => form.setFieldValue(variant, defaultAgreementWording[variant]),
            })
          }
        >
          恢复默认条款
        </Button>
        <Button type="primary" htmlType="submit">保存</Button>
      </Space>
    </Form>
  );
}
