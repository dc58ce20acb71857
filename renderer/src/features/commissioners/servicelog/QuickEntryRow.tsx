import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Tag, type InputRef } from 'antd';
import { serviceDutyKinds, serviceLogSchema, type CooperationAgreement, type ServiceLog } from '../../../../../shared/domain/commissioners/schema';
import { useDb } from '../../../db/DbContext';
import { withChineseErrors } from '../../../components/forms/submitRecord';
import { parseWithForm } from '../../../components/forms/zodForm';
import { describeError } from '../../../components/forms/submitRecord';
import { logServices, updateServiceLog } from '../../../db/repositories/commissioners';
import { todayIso, type CommissionerLookups } from '../useCommissioners';
import { parseEntryDate } from './entryDates';

export interface EntryChoice {
  agreement: CooperationAgreement;
  /** Who may log under it: the commissioner, or each member of the team. */
  people: { id: string; name: string }[];
  enterpriseName: string;
}

interface Props {
  choices: EntryChoice[];
  year: number;
  lookups?: CommissionerLookups;
  /** A log to edit in place (from the list); cleared after saving or Esc. */
  editing: ServiceLog | null;
  onEditDone: () => void;
}

const kindOptions = serviceDutyKinds.map((value) => ({ value, label: value }));
const modeOptions = [
  { value: '线下', label: '线下' },
  { value: '线上', label: '线上' },
];

/**
 * 服务日志 quick entry, keyboard only: Tab through 日期 → 天数 → 方式 → 类别 → 内容 → 解决问题 →
 * 成效; Enter anywhere saves (unless a list is open) and starts the next entry with the same
 * commissioner, enterprise and kind, the cursor back in 日期. The same row edits a log in place.
 */
export function QuickEntryRow({ choices, year, editing, onEditDone }: Props) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dateRef = useRef<InputRef>(null);
  const agreementId = Form.useWatch('agreementId', form) as string | undefined;
  const choice = choices.find((c) => c.agreement.id === agreementId);

  // The first agreement in force (and its first person) until the clerk picks another.
  useEffect(() => {
    if (editing || form.getFieldValue('agreementId')) return;
    const first = choices.find((c) => c.agreement.status === '生效') ?? choices[0];
    if (first) form.setFieldsValue({ agreementId: first.agreement.id, commissionerId: first.people[0]?.id });
  }, [choices, editing, form]);

  useEffect(() => {
    if (!editing) return;
    form.setFieldsValue({ ...editing, date: editing.date });
    setError(null);
    dateRef.current?.focus();
  }, [editing, form]);

  function startNext() {
    // Keep who, where and what kind; a fresh date, a day, the same mode.
    form.setFieldsValue({ date: '', content: '', problemsSolved: '', outcomes: '', days: 1 });
    form.setFields(['date', 'content', 'days'].map((name) => ({ name, errors: [] })));
    setError(null);
    requestAnimationFrame(() => dateRef.current?.focus());
  }

  async function save() {
    if (saving) return;
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const date = parseEntryDate(String(values.date ?? ''), year);
    const agreement = choices.find((c) => c.agreement.id === values.agreementId)?.agreement;
    const now = new Date().toISOString();
    const draft = { ...values, date: date ?? values.date, enterpriseId: agreement?.enterpriseId, id: editing?.id ?? crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null };
    const extra = date ? [] : [{ path: ['date'], message: '请填写服务日期（如 2026-03-05 或 3-5）' }];
    const parsed = parseWithForm(form, withChineseErrors(serviceLogSchema), draft, extra);
    if (!parsed) return setError('请按提示修改后再保存');
    const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, date: logDate, ...fields } = parsed;
    setSaving(true);
    try {
      if (editing) {
        await updateServiceLog(db, editing.id, { ...fields, date: logDate }, todayIso());
        message.success(`已修改 ${logDate} 的服务日志`);
        onEditDone();
      } else {
        await logServices(db, fields, [logDate], todayIso());
        message.success(`已登记 ${logDate} 的服务日志`);
      }
      startNext();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && editing) {
      onEditDone();
      startNext();
      return;
    }
    // An open list takes its own Enter (it prevents the default); IME composition too.
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void save();
  }

  if (choices.length === 0) return <Alert type="info" showIcon title="尚无可登记服务日志的派驻：请先在“派驻与协议”中签订协议" />;

  return (
    <div className={`service-entry${editing ? ' service-entry-editing' : ''}`} onKeyDown={onKeyDown} role="group" aria-label="服务日志快速登记">
      <Form form={form} layout="vertical" initialValues={{ days: 1, mode: '线下', kind: serviceDutyKinds[0] }} component="div">
        <div className="service-entry-head">
          {editing ? <Tag color="orange">正在修改 {editing.date} 的日志（Esc 取消）</Tag> : <Tag color="blue">快速登记：Tab 切换，Enter 保存并开始下一条</Tag>}
          <Form.Item name="agreementId" label="派驻企业" className="service-entry-agreement">
            <Select
              aria-label="派驻企业"
              options={choices.map((c) => ({ value: c.agreement.id, label: `${c.enterpriseName}（${c.agreement.status}）` }))}
              onChange={(id: string) => form.setFieldValue('commissionerId', choices.find((c) => c.agreement.id === id)?.people[0]?.id)}
            />
          </Form.Item>
          <Form.Item name="commissionerId" label="服务人员" className="service-entry-person">
            <Select aria-label="服务人员" options={(choice?.people ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        </div>
        <div className="service-entry-fields">
          <Form.Item name="date" label="日期" required>
            <Input ref={dateRef} aria-label="服务日期" placeholder="如 3-5" title={`${year}-03-05 或 3-5（${year} 年）`} autoComplete="off" />
          </Form.Item>
          <Form.Item name="days" label="天数" required>
            <InputNumber aria-label="服务天数" min={0.5} max={1} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="mode" label="方式" required>
            <Select aria-label="服务方式" options={modeOptions} />
          </Form.Item>
          <Form.Item name="kind" label="服务类别" required>
            <Select aria-label="服务类别" options={kindOptions} showSearch optionFilterProp="label" popupMatchSelectWidth={false} />
          </Form.Item>
          <Form.Item name="content" label="服务内容" required>
            <Input aria-label="服务内容" maxLength={2000} />
          </Form.Item>
          <Form.Item name="problemsSolved" label="解决问题">
            <Input aria-label="解决问题" maxLength={2000} />
          </Form.Item>
          <Form.Item name="outcomes" label="取得成效">
            <Input aria-label="取得成效" maxLength={2000} />
          </Form.Item>
          <Form.Item label=" ">
            <Space size={4}>
              <Button type="primary" loading={saving} onClick={() => void save()}>
                {editing ? '保存修改' : '保存'}
              </Button>
              {editing && (
                <Button
                  onClick={() => {
                    onEditDone();
                    startNext();
                  }}
                >
                  取消
                </Button>
              )}
            </Space>
          </Form.Item>
        </div>
      </Form>
      {error && <Alert type="error" showIcon title={error} className="service-entry-error" />}
    </div>
  );
}
