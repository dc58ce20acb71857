import { useEffect } from 'react';
import { App, Button, Col, Divider, Form, Input, Row, Spin } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  consultationSettingsSchema,
  defaultProtocolWording,
  protocolPlaceholders,
  protocolSectionKeys,
  protocolSectionLabels,
  type ConsultationSettings,
} from '../../../../shared/domain/consultations/protocolWording';
import { useDb } from '../../db/DbContext';
import { parseWithForm } from '../../components/forms/zodForm';
import { ClauseRow, PlaceholderHint } from '../../components/forms/ClauseTemplateFields';
import { saveSetting, useSetting } from './settingsStore';

/**
 * 设置 → 厅市会商: the 设区市 list (14 preloaded; a name here is what a round stores) with the
 * government that signs, and the 议定书's section wording with its {占位符}. Saved as one
 * setting, synced like any ledger edit; an unknown placeholder is refused at its field.
 */
export function ConsultationSettingsForm() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const settings = useSetting('consultations');
  const [form] = Form.useForm<ConsultationSettings>();

  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [settings, form]);

  async function save() {
    const parsed = parseWithForm(form, consultationSettingsSchema, form.getFieldsValue(true));
    if (!parsed) {
      message.error('厅市会商设置有误，请按提示修改');
      return;
    }
    await saveSetting(db, 'consultations', parsed);
    message.success('厅市会商设置已保存');
  }

  if (!settings) return <Spin tip="正在读取…"><div style={{ height: 120 }} /></Spin>;

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 980 }} onFinish={save} aria-label="厅市会商设置">
      <Divider titlePlacement="start">设区市</Divider>
      <Form.List name="cities">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={12} key={field.key} align="middle">
                <Col span={6}>
                  <Form.Item name={[field.name, 'name']} style={{ marginBottom: 8 }}>
                    <Input aria-label="设区市名称" maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name={[field.name, 'government']} style={{ marginBottom: 8 }}>
                    <Input aria-label="人民政府名称" maxLength={60} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button type="text" aria-label="删除设区市" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ name: '', government: '' })}>添加设区市</Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start">议定书文字</Divider>
      <PlaceholderHint allowed={protocolPlaceholders} note="每行一段；议题和双方职责的条目由系统按议题列出，接在该节文字之后。" />
      {protocolSectionKeys.map((key) => (
        <ClauseRow key={key} name={['protocolWording', key]} label={protocolSectionLabels[key]} headingDisabled={key === 'preamble'} headingMax={20} />
      ))}
      <Button
        onClick={() => modal.confirm({ title: '恢复默认议定书文字？', okText: '恢复', cancelText: '取消', onOk: () => form.setFieldValue('protocolWording', defaultProtocolWording) })}
        style={{ marginRight: 8 }}
      >
        恢复默认文字
      </Button>
      <Button type="primary" htmlType="submit">保存</Button>
    </Form>
  );
}
