import type { FormInstance } from 'antd';
import { z } from 'zod';
import { parseWithForm } from './zodForm';
import { ValidationError } from '../../db/validation';

const zhCN = z.locales.zhCN().localeError;

/**
 * The shared schema, parsed with Chinese messages: an empty required control ("expected string,
 * received undefined" in zod's words) reads 此项为必填项, anything else gets zod's Chinese locale
 * unless the schema set its own message (请填写姓名 …).
 */
export function withChineseErrors<S extends z.ZodType>(schema: S): S {
  const error: z.core.$ZodErrorMap = (issue) => (issue.input === undefined || issue.input === null ? '此项为必填项' : zhCN(issue));
  return new Proxy(schema, {
    get: (target, prop, receiver) => (prop === 'safeParse' ? (value: unknown) => target.safeParse(value, { error }) : Reflect.get(target, prop, receiver)),
  });
}

const systemFields = ['id', 'createdAt', 'updatedAt', 'deletedAt'] as const;

/** antd gives null for a cleared Select/DatePicker; the schemas want the key absent. */
function cleanInput(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? undefined : v]));
}

export interface SubmitRecordOptions {
  form: FormInstance;
  /** The table's full record schema (the one definition, incl. refinements such as 结束年度≥开始年度). */
  schema: z.ZodType;
  /** The stored record when editing: fields the form does not show are checked as they are. */
  record?: Record<string, unknown>;
  /** Always applied, e.g. { advisorId }. */
  context?: Record<string, unknown>;
  values: Record<string, unknown>;
  save: (fields: Record<string, unknown>) => Promise<unknown>;
}

/**
 * Form values → zod (errors under their fields) → repository. Returns an error message for the
 * caller to show, or null on success. Parsing the full record (with placeholder system fields)
 * keeps the schema's cross-field refinements in force; the repository validates again.
 */
export async function submitRecord({ form, schema, record, context, values, save }: SubmitRecordOptions): Promise<string | null> {
  const now = new Date().toISOString();
  const draft = { ...record, ...cleanInput(values), ...context, id: record?.id ?? crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null };
  const parsed = parseWithForm(form, withChineseErrors(schema), draft) as Record<string, unknown> | null;
  if (!parsed) return '请按提示修改后再保存';
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if ((systemFields as readonly string[]).includes(key)) continue;
    // An emptied optional text is removed rather than kept as ''.
    fields[key] = value === '' ? undefined : value;
  }
  try {
    await save(fields);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) {
      form.setFields(error.issues.map((i) => ({ name: i.path.filter((p): p is string | number => typeof p !== 'symbol'), errors: [i.message] })));
    }
    return describeError(error);
  }
}

/** Our errors already speak Chinese (ValidationError, TransitionRefusedError, RecordNotFoundError). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[\u4e00-\u9fff]/.test(text) ? text : `保存失败：${text}`;
}
