import type { FormInstance } from 'antd';
import type { z } from 'zod';

/**
 * Validates form values with the shared zod schema (the one definition of the entity) and puts
 * each issue on its field, so antd shows the Chinese message under the right input.
 * Returns the parsed value, or null when there were errors.
 */
export function parseWithForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return null;
}
