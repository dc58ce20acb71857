import { ledgerTables, type LedgerTableName } from './ledgerTables';

export type SampleDataset = Partial<Record<LedgerTableName, Record<string, unknown>[]>>;
export type SampleRecords = Partial<Record<LedgerTableName, Record<string, unknown>[]>>;

/**
 * Turns the fictional sample dataset (resources/sample-data) into validated records stamped
 * with `now`. Sample records keep fixed ids so loading twice updates them instead of duplicating.
 * Throws a Chinese message naming the table and row when a record does not fit its schema.
 */
export function buildSampleRecords(dataset: Record<string, unknown>, now: string): SampleRecords {
  const out: SampleRecords = {};
  for (const [table, rows] of Object.entries(dataset)) {
    if (table.startsWith('$')) continue;
    if (!(table in ledgerTables)) throw new Error(`示例数据含有未知台账“${table}”`);
    if (!Array.isArray(rows)) throw new Error(`示例数据“${table}”应为列表`);
    const definition = ledgerTables[table as LedgerTableName];
    out[table as LedgerTableName] = rows.map((row, index) => {
      const parsed = definition.schema.safeParse({ createdAt: now, updatedAt: now, deletedAt: null, ...(row as object) });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`示例数据“${definition.label}”第 ${index + 1} 条无效：${issue.path.join('.')} ${issue.message}`);
      }
      return parsed.data as Record<string, unknown>;
    });
  }
  return out;
}
