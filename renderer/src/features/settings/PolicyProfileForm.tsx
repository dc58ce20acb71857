import { useEffect, useMemo } from 'react';
import { App, Button, Spin, Card, Col, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { policyPresets, policyProfileSchema } from '../../../../shared/policy/profile';
import { parseWithForm, refreshErrors } from '../../components/forms/zodForm';
import { setUnsaved } from '../../components/forms/unsavedChanges';
import { withChineseErrors } from '../../components/forms/submitRecord';
import { useDb } from '../../db/DbContext';
import { saveSetting, useSetting } from './settingsStore';
import { fromPolicyFormValues as fromFormValues, policyGroups, toPolicyFormValues as toFormValues, type PolicyField } from './policyFields';
import { groupThousands, parseGroupedNumber } from '../../components/forms/fields';

export function PolicyProfileForm() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const profile = useSetting('policyProfile');
  const [form] = Form.useForm();

  useEffect(() => {
    if (profile) form.setFieldsValue(toFormValues(profile));
  }, [profile, form]);

  const owner = useMemo(() => ({}), []);
  useEffect(() => () => setUnsaved(owner, null), [owner]);
  const schema = useMemo(() => withChineseErrors(policyProfileSchema), []);

  /** Errors clear as fields become valid; the unsaved-changes guard knows about edits. */
  function onValuesChange() {
    const result = schema.safeParse(fromFormValues(form.getFieldsValue(true)));
    refreshErrors(form, result.success ? [] : result.error.issues);
    setUnsaved(owner, '政策配置');
  }

  async function save() {
    const parsed = parseWithForm(form, schema, fromFormValues(form.getFieldsValue(true)));
    if (!parsed) {
      message.error('政策配置有误，请按提示修改后再保存');
      return;
    }
    await saveSetting(db, 'policyProfile', parsed);
    setUnsaved(owner, null);
    message.success('政策配置已保存');
  }

  function loadPreset(presetId: string) {
    const preset = policyPresets.find((p) => p.presetId === presetId);
    if (!preset) return;
    modal.confirm({
      title: `载入预设“${preset.name}”？`,
      content: '表单中的全部参数将替换为该预设的数值，点击“保存政策配置”后才生效。',
      okText: '载入',
      cancelText: '取消',
      onOk: () => form.setFieldsValue(toFormValues(preset)),
    });
  }

  // Until the stored values arrive an empty form would invite typing that the load then overwrites.
  if (!profile) return <Spin tip="正在读取政策配置…"><div style={{ height: 120 }} /></Spin>;

  return (
    <Form form={form} layout="vertical" onFinish={save} onValuesChange={onValuesChange} aria-label="政策配置">
      <Space align="end" wrap style={{ marginBottom: 16 }}>
        <Form.Item label="配置名称" name="name" style={{ marginBottom: 0, width: 280 }}>
          <Input />
        </Form.Item>
        <Form.Item name="presetId" hidden>
          <Input />
        </Form.Item>
        <Select
          style={{ width: 260 }}
          placeholder="载入预设…"
          value={null}
          onChange={loadPreset}
          options={policyPresets.map((p) => ({ value: p.presetId, label: `载入预设：${p.name}` }))}
          aria-label="载入预设"
        />
        {profile && <Tag color="geekblue">当前：{profile.name}</Tag>}
      </Space>
      <Row gutter={[16, 16]}>
        {policyGroups.map((group) => (
          <Col xs={24} xl={12} key={group.key}>
            <Card size="small" title={group.title}>
              <Row gutter={12}>
                {group.fields.map((field) => (
                  <Col span={12} key={field.path.join('.')}>
                    <Form.Item
                      label={field.label}
                      name={field.path}
                      tooltip={`依据：${field.source}`}
                      style={{ marginBottom: 12 }}
                    >
                      <PolicyInput field={field} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit">
          保存政策配置
        </Button>
        <Button
          onClick={() => {
            if (!profile) return;
            form.resetFields();
            form.setFieldsValue(toFormValues(profile));
            setUnsaved(owner, null);
          }}
        >
          撤销未保存的修改
        </Button>
        <Typography.Text type="secondary">规则、提醒和文书中的数值均取自此处。</Typography.Text>
      </Space>
    </Form>
  );
}

function PolicyInput({ field, ...rest }: { field: PolicyField; value?: unknown; onChange?: (v: unknown) => void }) {
  const common = { ...rest, style: { width: '100%' }, 'aria-label': field.label };
  switch (field.kind) {
    case 'select':
      return <Select {...common} value={rest.value as string} options={(field.options ?? []).map((o) => ({ value: o, label: o }))} />;
    case 'monthDay':
      return <Input {...common} value={rest.value as string} onChange={(e) => rest.onChange?.(e.target.value)} addonAfter={field.unit} />;
    case 'money':
      return (
        <InputNumber<number>
          {...common}
          value={rest.value as number}
          precision={2}
          formatter={groupThousands}
          parser={parseGroupedNumber as (text: string | undefined) => number}
          addonAfter={field.unit}
        />
      );
    case 'share':
      return <InputNumber {...common} value={rest.value as number} precision={1} addonAfter="%" />;
    default:
      // No min/max: antd would clamp −3 to 0 on blur and the clerk would never learn why.
      return <InputNumber {...common} value={rest.value as number} precision={0} addonAfter={field.unit} />;
  }
}
