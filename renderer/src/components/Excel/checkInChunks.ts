import type { ImportContext, ImportTargetSpec } from '../../../../shared/excel/importTarget';
import type { DataRow } from '../../../../shared/excel/sheetTable';
import { checkImportRows, type ColumnMapping, type ImportCheck } from '../../../../shared/excel/validateImport';

const CHUNK = 2_000;

/**
 * checkImportRows over a large sheet without freezing the page: rows are checked in chunks with
 * a yield between them (progress for the bar); one map of accepted keys spans the chunks, so a
 * duplicate 50,000 rows down is still found.
 */
export async function checkInChunks(
  spec: ImportTargetSpec,
  headers: readonly string[],
  rows: readonly DataRow[],
  mapping: ColumnMapping,
  context: ImportContext,
  existingKeys: ReadonlySet<string>,
  onProgress?: (share: number) => void,
): Promise<ImportCheck> {
  const seenInFile = new Map<string, number>();
  const tally = new Map<string, number>();
  const result: ImportCheck = { rows: [], counts: { ok: 0, duplicate: 0, error: 0 } };
  for (let start = 0; start < rows.length; start += CHUNK) {
    const part = checkImportRows(spec, headers, rows.slice(start, start + CHUNK), mapping, context, existingKeys, seenInFile, tally);
    for (const r of part.rows) result.rows.push(r);
    for (const k of ['ok', 'duplicate', 'error'] as const) result.counts[k] += part.counts[k];
    onProgress?.(Math.min(1, (start + CHUNK) / rows.length));
    if (start + CHUNK < rows.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return result;
}
