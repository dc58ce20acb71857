import type { FormInstance } from 'antd';
import { z } from 'zod';
import { futureDateIssues } from '../../../../shared/domain/dateRules';
import { contactWarnings, type FieldWarning } from '../../../../shared/domain/contactWarnings';
import { parseWithForm, type FieldIssue } from './zodForm';
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

/** Today as the clerk's calendar reads it (local time), YYYY-MM-DD. */
export const localToday = () => new Date().toLocaleDateString('sv-SE');

export interface DraftOptions {
  /** The stored record when editing: fields the form does not show are checked as they are. */
  record?: Record<string, unknown>;
  /** Always applied, e.g. { advisorId }. */
  context?: Record<string, unknown>;
  values: Record<string, unknown>;
}

/** The whole record the form would save, with placeholder system fields so refinements run. */
export function buildDraft({ record, context, values }: DraftOptions): Record<string, unknown> {
  const now = new Date().toISOString();
  return { ...record, ...cleanInput(values), ...context, id: record?.id ?? crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null };
}

/** Schema issues plus dates the form must not accept (a 推荐日期 after today). */
export function draftIssues(schema: z.ZodType, draft: Record<string, unknown>, values: Record<string, unknown>, today = localToday()): FieldIssue[] {
  const result = withChineseErrors(schema).safeParse(draft);
  return [...(result.success ? [] : result.error.issues), ...futureDateIssues(cleanInput(values), today)];
}

export interface SubmitRecordOptions extends DraftOptions {
  form: FormInstance;
  /** The table's full record schema (the one definition, incl. refinements such as 结束年度≥开始年度). */
  schema: z.ZodType;
  save: (fields: Record<string, unknown>) => Promise<unknown>;
  /** Things the clerk may keep after a second look (a second payment for a year …). */
  warnings?: (draft: Record<string, unknown>) => FieldWarning[];
  /** Asks whether to save despite the warnings; without it warnings do not stop the save. */
  confirmWarnings?: (warnings: FieldWarning[]) => Promise<boolean>;
  today?: string;
}

export type SubmitOutcome = { saved: true } | { saved: false; error?: string };

/**
 * Form values → zod (errors under their fields) → warnings (asked, overridable) → repository.
 * Parsing the full record (with placeholder system fields) keeps the schema's cross-field
 * refinements in force; the repository validates again.
 */
export async function submitRecord(options: SubmitRecordOptions): Promise<SubmitOutcome> {
  const { form, schema, values, save } = options;
  const draft = buildDraft(options);
  const extra = futureDateIssues(cleanInput(values), options.today ?? localToday());
  const parsed = parseWithForm(form, withChineseErrors(schema), draft, extra) as Record<string, unknown> | null;
  if (!parsed) return { saved: false, error: '请按提示修改后再保存' };
  // Only what this form shows: a stored oddity elsewhere in the record is not asked about again
  // on every save of another tab.
  const warnings = [...contactWarnings(parsed), ...(options.warnings?.(parsed) ?? [])].filter((w) => w.field in values);
  form.setFields(Object.keys(values).map((name) => ({ name, warnings: warnings.filter((w) => w.field === name).map((w) => w.message) })));
  if (warnings.length && options.confirmWarnings && !(await options.confirmWarnings(warnings))) return { saved: false };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if ((systemFields as readonly string[]).includes(key)) continue;
    // An emptied optional text is removed rather than kept as ''.
    fields[key] = value === '' ? undefined : value;
  }
  try {
    await save(fields);
    return { saved: true };
  } catch (error) {
    if (error instanceof ValidationError) {
      form.setFields(error.issues.map((i) => ({ name: i.path.filter((p): p is string | number => typeof p !== 'symbol'), errors: [i.message] })));
    }
    return { saved: false, error: describeError(error) };
  }
}

/** Our errors already speak Chinese (ValidationError, TransitionRefusedError, RecordNotFoundError). */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[\u4e00-\u9fff]/.test(text) ? text : `保存失败：${text}`;
}
