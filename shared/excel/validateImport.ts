import { fieldLabels } from '../domain/fieldLabels';
import { parseCellValue } from './cellValue';
import { keyOf, type ImportContext, type ImportTargetSpec } from './importTarget';
import type { DataRow } from './sheetTable';

/** Placeholders for the system fields, so the record schema (not a weaker draft schema) judges the row. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const PLACEHOLDER_TIME = '2000-01-01T00:00:00.000Z';

export type RowStatus = 'ok' | 'duplicate' | 'error';

export interface RowCheck {
  rowNumber: number;
  status: RowStatus;
  /** Chinese, each naming the column or field. */
  messages: string[];
  /** The record's own fields, ready for the repository (status 'ok' only). */
  draft?: Record<string, unknown>;
}

export interface ImportCheck {
  rows: RowCheck[];
  counts: Record<RowStatus, number>;
}

/** Column index → field id (or null: the column is not imported). */
export type ColumnMapping = readonly (string | null)[];

/** Problems with the mapping itself (a field on two columns, a required field on none). */
export function mappingProblems(spec: ImportTargetSpec, mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  mapping.forEach((field, column) => {
    if (!field) return;
    if (seen.has(field)) problems.push(`“${spec.fields.find((f) => f.id === field)?.label ?? field}”对应了两列，请只保留一列`);
    seen.set(field, column);
  });
  for (const f of spec.fields) if (f.required && !seen.has(f.id)) problems.push(`必填项“${f.label}”还没有对应的列`);
  return problems;
}

function issueText(spec: ImportTargetSpec, path: readonly PropertyKey[], message: string, isMissing: boolean): string {
  const key = String(path[0] ?? '');
  const label = spec.fields.find((f) => f.id === key || f.rangeTo?.includes(key))?.label ?? fieldLabels[key];
  // An empty cell of a required field: zod says "expected string, received undefined".
  if (isMissing && label) return `请填写${label}`;
  // Messages that already name their field (请填写姓名) stand alone.
  return label && !message.includes(label) ? `${label}：${message}` : message;
}

/**
 * Every row's result, as the preview shows it and the import writes it: cells converted by
 * field kind, the target's draft built, the record schema applied, and rows whose duplicate key
 * is already in the ledger (`existingKeys`) or appeared on an earlier row marked as duplicates.
 */
export function checkImportRows(
  spec: ImportTargetSpec,
  headers: readonly string[],
  rows: readonly DataRow[],
  mapping: ColumnMapping,
  context: ImportContext,
  existingKeys: ReadonlySet<string>,
  /** Keys accepted on earlier rows → their row number; pass the same map to check a sheet in chunks. */
  seenInFile: Map<string, number> = new Map(),
  /** The target's running totals (ImportTargetSpec.admit); pass the same map across chunks. */
  tally: Map<string, number> = new Map(),
): ImportCheck {
  const fields = new Map(spec.fields.map((f) => [f.id, f]));
  const out: RowCheck[] = [];
  const counts: Record<RowStatus, number> = { ok: 0, duplicate: 0, error: 0 };
  for (const row of rows) {
    const messages: string[] = [];
    const values: Record<string, unknown> = {};
    mapping.forEach((fieldId, column) => {
      const field = fieldId ? fields.get(fieldId) : undefined;
      if (!field) return;
      const parsed = parseCellValue(row.cells[column] ?? null, field);
      if (parsed === undefined) return;
      if (!parsed.ok) messages.push(`${headers[column] || field.label}：${parsed.message}`);
      else if (field.kind === 'dateRange' && field.rangeTo) {
        const [start, end] = parsed.value as [string, string];
        values[field.rangeTo[0]] = start;
        values[field.rangeTo[1]] = end;
      } else values[field.id] = parsed.value;
    });
    let draft: Record<string, unknown> | undefined;
    if (messages.length === 0) {
      const built = spec.toDraft(values, context);
      messages.push(...built.errors);
      if (built.errors.length === 0) {
        const parsed = spec.schema.safeParse({ ...built.draft, id: PLACEHOLDER_ID, createdAt: PLACEHOLDER_TIME, updatedAt: PLACEHOLDER_TIME });
        if (parsed.success) {
          const { id: _i, createdAt: _c, updatedAt: _u, ...own } = parsed.data as Record<string, unknown>;
          draft = own;
        } else {
          for (const issue of parsed.error.issues) {
            const isMissing = issue.code === 'invalid_type' && issue.path.length === 1 && built.draft[String(issue.path[0])] === undefined;
            messages.push(issueText(spec, issue.path, issue.message, isMissing));
          }
        }
      }
    }
    let status: RowStatus = messages.length > 0 ? 'error' : 'ok';
    if (draft) {
      const keys = spec.duplicateKeys(draft);
      const inLedger = keys.find((k) => existingKeys.has(k));
      const earlier = keys.map((k) => seenInFile.get(k)).find((n) => n !== undefined);
      if (inLedger !== undefined) messages.push(`台账中已有${spec.label}（${spec.duplicateRule}），不再重复导入`);
      else if (earlier !== undefined) messages.push(`与第 ${earlier} 行重复（${spec.duplicateRule}），只导入第 ${earlier} 行`);
      if (inLedger !== undefined || earlier !== undefined) status = 'duplicate';
      else {
        const refused = spec.admit?.(draft, context, tally) ?? [];
        if (refused.length > 0) {
          messages.push(...refused);
          status = 'error';
        } else for (const k of keys) seenInFile.set(k, row.rowNumber);
      }
    }
    counts[status]++;
    out.push({ rowNumber: row.rowNumber, status, messages, draft: status === 'ok' ? draft : undefined });
  }
  return { rows: out, counts };
}

export { keyOf };
