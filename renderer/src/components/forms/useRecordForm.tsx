import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { App, type FormInstance } from 'antd';
import type { z } from 'zod';
import type { FieldWarning } from '../../../../shared/domain/contactWarnings';
import { buildDraft, draftIssues } from './submitRecord';
import { refreshErrors } from './zodForm';
import { setUnsaved } from './unsavedChanges';

const normalise = (v: unknown) => (v === null || v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v);

/** Whether the form's values differ from what it opened with (emptied = never filled). */
export function hasChanges(values: Record<string, unknown>, initial: Record<string, unknown>): boolean {
  return Object.keys(values).some((key) => JSON.stringify(normalise(values[key])) !== JSON.stringify(normalise(initial[key])));
}

/**
 * Enter in a form (issue 8 item 3). Ctrl+Enter always submits; a plain Enter submits only where
 * `submitOnEnter` (ordinary record forms), never in a textarea (new line) and never where a
 * control already used it (a date picker confirming its date calls preventDefault).
 */
export function handleFormEnter(event: KeyboardEvent, submit: () => void, submitOnEnter: boolean): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  if (!submitOnEnter) event.preventDefault();
}

export interface RecordFormBehaviourOptions {
  form: FormInstance;
  /** Names the form in "…有未保存的修改". */
  label: string;
  schema: z.ZodType;
  record?: Record<string, unknown>;
  context?: Record<string, unknown>;
  initialValues: Record<string, unknown>;
}

/**
 * What every record form shares: errors that clear as fields become valid, unsaved changes
 * registered for the leave guard, warnings asked in a dialog the clerk can override, and one
 * save at a time (a double Enter or a double click cannot save twice).
 */
export function useRecordFormBehaviour({ form, label, schema, record, context, initialValues }: RecordFormBehaviourOptions) {
  const { modal } = App.useApp();
  const owner = useMemo(() => ({}), []);
  const [isDirty, setDirty] = useState(false);
  const inFlight = useRef(false);
  useEffect(() => () => setUnsaved(owner, null), [owner]);

  const onValuesChange = useCallback(() => {
    const values = form.getFieldsValue() as Record<string, unknown>;
    const dirty = hasChanges(values, initialValues);
    setDirty(dirty);
    setUnsaved(owner, dirty ? label : null);
    refreshErrors(form, draftIssues(schema, buildDraft({ record, context, values }), values));
    return dirty;
  }, [form, initialValues, owner, label, schema, record, context]);

  const markSaved = useCallback(() => {
    setDirty(false);
    setUnsaved(owner, null);
  }, [owner]);

  const confirmWarnings = useCallback(
    (warnings: FieldWarning[]) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: '请核对以下内容',
          content: (
            <ul style={{ paddingLeft: 18, margin: 0 }}>
              {warnings.map((w) => (
                <li key={w.field + w.message}>{w.message}</li>
              ))}
            </ul>
          ),
          okText: '仍然保存',
          cancelText: '返回修改',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      }),
    [modal],
  );

  /** Runs one save at a time; a second submit while the first is running is ignored. */
  const once = useCallback(async (run: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await run();
    } finally {
      inFlight.current = false;
    }
  }, []);

  return { isDirty, onValuesChange, markSaved, confirmWarnings, once };
}
