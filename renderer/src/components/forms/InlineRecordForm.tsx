import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form } from 'antd';
import type { z } from 'zod';
import { submitRecord } from './submitRecord';

export interface InlineRecordFormProps {
  /** Accessible name of the form, e.g. 选聘信息. */
  label: string;
  schema: z.ZodType;
  record: Record<string, unknown>;
  save: (fields: Record<string, unknown>) => Promise<unknown>;
  successMessage: string;
  submitLabel?: string;
  children: ReactNode;
}

/**
 * A form on a tab that edits the record in place (基本信息, 选聘, 聘期). Enter submits; the parent
 * keys it by the record's updatedAt so a saved (or synced) change refills it.
 */
export function InlineRecordForm({ label, schema, record, save, successMessage, submitLabel = '保存', children }: InlineRecordFormProps) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function finish(values: Record<string, unknown>) {
    setSaving(true);
    const problem = await submitRecord({ form, schema, record, values, save });
    setSaving(false);
    setError(problem);
    if (!problem) message.success(successMessage);
  }

  return (
    <Form form={form} layout="vertical" aria-label={label} initialValues={record} onFinish={finish} onFinishFailed={() => setError('请按提示修改后再保存')} style={{ maxWidth: 880 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {children}
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Form>
  );
}
