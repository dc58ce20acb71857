import type { z } from 'zod';
import type { MatchableField } from './headerMatch';

/**
 * How a spreadsheet cell becomes a field value:
 * text; date (any Chinese spelling or Excel serial → YYYY-MM-DD); number; boolean (是/否, √, 有/无);
 * enum (one of `values`, or an alias in `aliases`); list (several values in one cell, split at
 * 、，,；; and line breaks; with `values` each must be one of them); dateRange (聘期 2025.1.1—2027.12.31,
 * filling `rangeTo` = [start field, end field]); custom (the target's own `parse`).
 */
export type ImportFieldKind = 'text' | 'date' | 'number' | 'boolean' | 'enum' | 'list' | 'dateRange' | 'custom';

export type ParsedValue = { ok: true; value: unknown } | { ok: false; message: string };

export interface ImportField extends MatchableField {
  kind: ImportFieldKind;
  /** Shown as 必填 in the mapping step; the schema still decides. */
  required?: boolean;
  values?: readonly string[];
  /** Other spellings of enum values as offices write them (e.g. 线下服务 → 线下). */
  aliases?: Readonly<Record<string, string>>;
  /** dateRange: the two fields it fills. */
  rangeTo?: readonly [string, string];
  /** custom: text → value. */
  parse?: (text: string) => ParsedValue;
}

/** What the renderer knows when rows are checked: references to other records, the plan imported into. */
export interface ImportContext {
  /** Ids of live records of `table` whose name (or code) is `text`; [] when none. */
  resolve: (table: string, text: string) => readonly string[];
  /** Target-specific values (e.g. the rectification plan's id and lists). */
  options: Readonly<Record<string, unknown>>;
  /** The clerk's local date, YYYY-MM-DD (a 期满 needs a term that has ended). */
  today?: string;
}

export interface DraftResult {
  draft: Record<string, unknown>;
  errors: string[];
}

/**
 * The pure half of an import target (shared/excel/targets/*): its fields, how mapped values
 * become a record, the zod schema that record must pass (the one the forms use), and what makes
 * two records "the same" for the duplicate check. The renderer half (registry) adds how to
 * read existing records and write new ones.
 */
export interface ImportTargetSpec {
  id: string;
  /** 科技顾问, 派驻企业 … */
  label: string;
  fields: readonly ImportField[];
  /** The ledger table the rows go to. */
  table: string;
  /** The record schema (validated with placeholder id and timestamps, as buildRecord does). */
  schema: z.ZodType;
  /** Mapped field values (only fields that had a value) → the record's own fields. */
  toDraft: (values: Record<string, unknown>, context: ImportContext) => DraftResult;
  /**
   * Rules over the rows taken so far (a cap on a total): called for each row that passed every
   * other check, in file order, with a running tally that spans the whole sheet; returns the
   * reasons to refuse the row (the tally is then left as it was).
   */
  admit?: (draft: Record<string, unknown>, context: ImportContext, tally: Map<string, number>) => string[];
  /** Keys under which a record counts as already present (same 姓名 + 单位, same 信用代码); [] for none. */
  duplicateKeys: (draft: Record<string, unknown>) => string[];
  /** How the duplicate rule reads to the clerk: 姓名 + 所在单位相同. */
  duplicateRule: string;
}

/** Default toDraft: the values as they are. */
export const passThrough = (values: Record<string, unknown>): DraftResult => ({ draft: { ...values }, errors: [] });

/** A key of normalised text parts (spaces and case do not make a record new). */
export function keyOf(...parts: unknown[]): string | null {
  const texts = parts.map((p) => (typeof p === 'string' ? p.normalize('NFKC').replace(/\s+/g, '').toLowerCase() : p == null ? '' : String(p)));
  return texts.some((t) => t === '') ? null : texts.join('\u0001');
}
