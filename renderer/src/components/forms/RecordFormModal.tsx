import { useId, useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { z } from 'zod';
import { submitRecord } from './submitRecord';

export interface RecordFormModalProps {
  open: boolean;
  title: string;
  schema: z.ZodType;
  /** The stored record when editing; absent for 新增. */
  record?: Record<string, unknown>;
  /** Initial values of a new record (today's date, the policy's 聘金 …). */
  defaults?: Record<string, unknown>;
  /** Always part of the record, e.g. { advisorId }. */
  context?: Record<string, unknown>;
  save: (fields: Record<string, unknown>) => Promise<unknown>;
  successMessage: string;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}

/**
 * The add/edit dialog every sub-record of a ledger uses: Enter submits (the 保存 button is the
 * form's submit button), Esc closes, errors appear under their fields, and nothing is written
 * unless the whole record is valid.
 */
export function RecordFormModal(props: RecordFormModalProps) {
  const formId = useId();
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 640}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', form: formId, loading: saving }}
      onCancel={props.onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {/* A fresh form per opening, so one record's values never leak into the next. */}
      {props.open && <RecordForm {...props} formId={formId} onSaving={setSaving} />}
    </Modal>
  );
}

function RecordForm({ formId, onSaving, ...props }: RecordFormModalProps & { formId: string; onSaving: (saving: boolean) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  async function finish(values: Record<string, unknown>) {
    onSaving(true);
    // A new record starts from its defaults, so fields the form does not show (e.g. 待反馈) still count.
    const problem = await submitRecord({ form, schema: props.schema, record: props.record ?? props.defaults, context: props.context, values, save: props.save });
    onSaving(false);
    setError(problem);
    if (problem) return;
    message.success(props.successMessage);
    props.onClose();
  }

  return (
    <Form
      id={formId}
      form={form}
      layout="vertical"
      aria-label={props.title}
      initialValues={{ ...props.defaults, ...props.record }}
      onFinish={finish}
      onFinishFailed={() => setError('请按提示修改后再保存')}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {props.children}
    </Form>
  );
}
