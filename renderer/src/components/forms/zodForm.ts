import type { FormInstance } from 'antd';
import type { z } from 'zod';

type FieldName = (string | number)[];
export interface FieldIssue {
  path: readonly PropertyKey[];
  message: string;
}

const nameOf = (path: readonly PropertyKey[]): FieldName => path.filter((p): p is string | number => typeof p !== 'symbol');

/** Issues grouped by field, in the shape antd's setFields takes. */
export function groupIssues(issues: readonly FieldIssue[]): Map<string, { name: FieldName; errors: string[] }> {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  for (const issue of issues) {
    const name = nameOf(issue.path);
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return byField;
}

/**
 * Validates form values with the shared zod schema (the one definition of the entity) and puts
 * each issue on its field, so antd shows the Chinese message under the right input. `extra`
 * issues (e.g. a date in the future) are shown the same way. Returns the parsed value, or null
 * when there were errors.
 */
export function parseWithForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown, extra: readonly FieldIssue[] = []): z.infer<S> | null {
  const result = schema.safeParse(values);
  const issues = [...(result.success ? [] : result.error.issues), ...extra];
  if (issues.length === 0) return result.data as z.infer<S>;
  form.setFields([...groupIssues(issues).values()]);
  return null;
}

/**
 * Re-checks the fields that show an error and replaces their messages with the current verdict
 * (issue 8 item 4: "请填写…" vanishes as soon as the field has a value; a cross-field message on
 * 聘期结束 goes when 聘期开始 is corrected). Fields without an error are left alone, so typing in
 * one field never pops errors onto others the clerk has not reached yet.
 */
export function refreshErrors(form: FormInstance, issues: readonly FieldIssue[]): void {
  const current = groupIssues(issues);
  const updates = form
    .getFieldsError()
    .filter((field) => field.errors.length > 0)
    .map((field) => ({ name: field.name as FieldName, errors: current.get(JSON.stringify(field.name))?.errors ?? [] }));
  if (updates.length) form.setFields(updates);
}
