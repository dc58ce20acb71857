import { z } from 'zod';

/**
 * Document wording a clerk edits in 设置: texts with {占位符} filled from the record when the
 * document is built. One facility for every such document (厅市会商议定书, 合作协议书): the same
 * placeholder syntax, the same refusal of an unknown placeholder at the field (a typo must not
 * print as-is), the same fill. Each document names its own allowed placeholders.
 */
const placeholderPattern = /\{([^{}]+)\}/g;

/** Placeholders in `text` that are not in `allowed`, in order of appearance. */
export function unknownPlaceholdersIn(text: string, allowed: readonly string[]): string[] {
  return [...text.matchAll(placeholderPattern)].map((m) => m[1]).filter((name) => !allowed.includes(name));
}

export function unknownPlaceholderMessage(unknown: readonly string[]): string {
  return `含有未知占位符：${unknown.map((u) => `{${u}}`).join('、')}`;
}

/** An editable text: trimmed, at most `max` characters, only known placeholders. */
export function templateTextSchema(label: string, allowed: readonly string[], max = 3000) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholdersIn(text, allowed);
      if (unknown.length) ctx.addIssue({ code: 'custom', message: unknownPlaceholderMessage(unknown) });
    });
}

/**
 * Fills every {占位符} of `template` from `values`; an unknown one throws, naming the document
 * (`what`, e.g. 议定书文字) and the placeholder — stored wording is validated on save, so this
 * only fires on data that bypassed the form (an imported bundle from an older version).
 */
export function fillTemplate<P extends string>(template: string, values: Record<P, string>, allowed: readonly P[], what: string): string {
  return template.replace(placeholderPattern, (whole, name: string) => {
    if (!(allowed as readonly string[]).includes(name)) throw new Error(`${what}含有未知占位符“${whole}”`);
    return values[name as P];
  });
}

/** The hint shown above an editable text in 设置. */
export function placeholderHint(allowed: readonly string[]): string {
  return `可用占位符：${allowed.map((p) => `{${p}}`).join(' ')}`;
}

/**
 * A numbered clause of a document: a heading and text, one paragraph per line. Used where the
 * clerk may add, remove and reorder clauses (合作协议书); fixed sections (议定书) use the text schema.
 */
export function clauseSchema(allowed: readonly string[], headingMax = 30) {
  return z.object({
    heading: z.string().trim().min(1, '请填写条款标题').max(headingMax, `条款标题不能超过 ${headingMax} 个字`),
    text: templateTextSchema('条款文字', allowed),
  });
}
export interface Clause {
  heading: string;
  text: string;
}

/** A clause's paragraphs: one per non-empty line. */
export function clauseParagraphs(text: string): string[] {
  return text.split('\n').map((p) => p.trim()).filter(Boolean);
}
