import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Space, Typography } from 'antd';
import type { z } from 'zod';
import type { FieldWarning } from '../../../../shared/domain/contactWarnings';
import { submitRecord } from './submitRecord';
import { handleFormEnter, useRecordFormBehaviour } from './useRecordForm';

export interface InlineRecordFormProps {
  /** Accessible name of the form, e.g. 选聘信息. */
  label: string;
  schema: z.ZodType;
  record: Record<string, unknown>;
  save: (fields: Record<string, unknown>) => Promise<unknown>;
  successMessage: string;
  submitLabel?: string;
  warnings?: (draft: Record<string, unknown>) => FieldWarning[];
  children: ReactNode;
}

/**
 * A form on a tab that edits the record in place (基本信息, 选聘, 聘期). Enter submits (but not
 * from a date picker, where Enter confirms the date); the parent keys it by the record's
 * updatedAt so a saved (or synced) change refills it. Unsaved changes are guarded on leaving.
 */
export function InlineRecordForm({ label, schema, record, save, successMessage, submitLabel = '保存', warnings, children }: InlineRecordFormProps) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const behaviour = useRecordFormBehaviour({ form, label, schema, record, initialValues: record });

  const finish = (values: Record<string, unknown>) =>
    behaviour.once(async () => {
      setSaving(true);
      const outcome = await submitRecord({ form, schema, record, values, save, warnings, confirmWarnings: behaviour.confirmWarnings });
      setSaving(false);
      setError(outcome.saved ? null : (outcome.error ?? null));
      if (!outcome.saved) return;
      behaviour.markSaved();
      message.success(successMessage);
    });

  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={label}
      initialValues={record}
      onFinish={finish}
      onFinishFailed={() => setError('请按提示修改后再保存')}
      onValuesChange={behaviour.onValuesChange}
      onKeyDown={(event) => handleFormEnter(event, () => form.submit(), true)}
      style={{ maxWidth: 880 }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {children}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
        {behaviour.isDirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </Space>
    </Form>
  );
}
