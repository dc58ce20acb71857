import { useId, useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import type { z } from 'zod';
import type { FieldWarning } from '../../../../shared/domain/contactWarnings';
import { submitRecord } from './submitRecord';
import { handleFormEnter, useRecordFormBehaviour } from './useRecordForm';

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
  /** Things to ask about before saving, which the clerk may keep (a second payment for a year). */
  warnings?: (draft: Record<string, unknown>) => FieldWarning[];
  /**
   * Whether a plain Enter saves (default). A dialog that changes a status or issues a number sets
   * false: only its button or Ctrl+Enter commits (issue 8 item 3).
   */
  submitOnEnter?: boolean;
  children: ReactNode;
}

/** The body scrolls and the footer (保存) stays on screen, however many errors appear (item 13). */
export const dialogBodyStyle = { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto' as const, overflowX: 'hidden' as const };

/**
 * The add/edit dialog every sub-record of a ledger uses: Enter submits (the 保存 button is the
 * form's submit button), errors appear under their fields and clear as they are fixed, warnings
 * are asked, Esc or 取消 asks before dropping changes, and nothing is written unless the whole
 * record is valid.
 */
export function RecordFormModal(props: RecordFormModalProps) {
  const formId = useId();
  const { modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [isDirty, setDirty] = useState(false);

  function close() {
    setDirty(false);
    props.onClose();
  }
  function cancel() {
    if (!isDirty) return close();
    modal.confirm({ title: '放弃未保存的修改？', content: `“${props.title}”中填写的内容尚未保存，关闭后将丢失。`, okText: '放弃修改', okButtonProps: { danger: true }, cancelText: '继续编辑', onOk: close });
  }

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width ?? 640}
      style={{ top: 24 }}
      styles={{ body: dialogBodyStyle }}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ htmlType: 'submit', form: formId, loading: saving }}
      onCancel={cancel}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {/* A fresh form per opening, so one record's values never leak into the next. */}
      {props.open && <RecordForm {...props} onClose={close} formId={formId} onSaving={setSaving} onDirtyChange={setDirty} />}
    </Modal>
  );
}

interface RecordFormProps extends RecordFormModalProps {
  formId: string;
  onSaving: (saving: boolean) => void;
  onDirtyChange: (dirty: boolean) => void;
}

function RecordForm({ formId, onSaving, onDirtyChange, ...props }: RecordFormProps) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [initialValues] = useState(() => ({ ...props.defaults, ...props.record }));
  // A new record starts from its defaults, so fields the form does not show (e.g. 待反馈) still count.
  const base = props.record ?? props.defaults;
  const behaviour = useRecordFormBehaviour({ form, label: props.title, schema: props.schema, record: base, context: props.context, initialValues });

  const finish = (values: Record<string, unknown>) =>
    behaviour.once(async () => {
      onSaving(true);
      const outcome = await submitRecord({ form, schema: props.schema, record: base, context: props.context, values, save: props.save, warnings: props.warnings, confirmWarnings: behaviour.confirmWarnings });
      onSaving(false);
      setError(outcome.saved ? null : (outcome.error ?? null));
      if (!outcome.saved) return;
      behaviour.markSaved();
      message.success(props.successMessage);
      props.onClose();
    });

  return (
    <Form
      id={formId}
      form={form}
      layout="vertical"
      aria-label={props.title}
      initialValues={initialValues}
      onFinish={finish}
      onFinishFailed={() => setError('请按提示修改后再保存')}
      onValuesChange={() => onDirtyChange(behaviour.onValuesChange())}
      onKeyDown={(event) => handleFormEnter(event, () => form.submit(), props.submitOnEnter ?? true)}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {props.children}
    </Form>
  );
}
