import { useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { serviceDutyKinds, serviceLogSchema } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import { describeError, withChineseErrors } from '../../../components/forms/submitRecord';
import { parseWithForm } from '../../../components/forms/zodForm';
import { logServices } from '../../../db/repositories/commissioners';
import { todayIso } from '../useCommissioners';
import { parseEntryDates } from './entryDates';
import type { EntryChoice } from './QuickEntryRow';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/**
 * 批量登记: the same service on several dates (e.g. a week on site), one record per date, all or
 * nothing — a date outside the service period or over a day refuses the whole batch.
 */
export function BulkEntryModal({ open, year, choices, onClose }: { open: boolean; year: number; choices: EntryChoice[]; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const agreementId = Form.useWatch('agreementId', form) as string | undefined;
  const choice = choices.find((c) => c.agreement.id === agreementId);
  const first = choices.find((c) => c.agreement.status === '生效') ?? choices[0];

  async function save() {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const dates = parseEntryDates(String(values.dates ?? ''), year);
    const agreement = choices.find((c) => c.agreement.id === values.agreementId)?.agreement;
    const now = new Date().toISOString();
    const { dates: _text, ...own } = values;
    const draft = { ...own, date: dates.ok ? dates.dates[0] : undefined, enterpriseId: agreement?.enterpriseId, id: crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null };
    const parsed = parseWithForm(form, withChineseErrors(serviceLogSchema), draft, dates.ok ? [] : [{ path: ['dates'], message: dates.message }]);
    if (!parsed || !dates.ok) return setError('请按提示修改后再保存');
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, date: _date, ...fields } = parsed;
    setSaving(true);
    try {
      const saved = await logServices(db, fields, dates.dates, todayIso());
      message.success(`已登记 ${saved.length} 条服务日志`);
      form.resetFields();
      setError(null);
      onClose();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open={open} title="批量登记服务日志" width={760} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden mask={{ closable: false }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ agreementId: first?.agreement.id, commissionerId: first?.people[0]?.id, days: 1, mode: '线下', kind: serviceDutyKinds[0] }}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item label="派驻企业" name="agreementId" required>
              <Select options={choices.map((c) => ({ value: c.agreement.id, label: c.enterpriseName }))} onChange={(id: string) => form.setFieldValue('commissionerId', choices.find((c) => c.agreement.id === id)?.people[0]?.id)} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="服务人员" name="commissionerId" required>
              <Select options={(choice ?? first)?.people.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="服务日期" name="dates" required extra={`多个日期用顿号、逗号或空格分隔，如 3-5、3-6、3-7（${year} 年）`}>
          <Input autoFocus aria-label="批量服务日期" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item label="每日天数" name="days" required>
              <InputNumber min={0.5} max={1} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label="方式" name="mode" required>
              <Select options={options(['线下', '线上'])} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="服务类别" name="kind" required>
              <Select options={options(serviceDutyKinds)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="服务内容" name="content" required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label="解决问题" name="problemsSolved">
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item label="取得成效" name="outcomes">
          <Input maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
