import { z } from 'zod';
import { fieldLabel } from '../../../shared/domain/fieldLabels';
import { ledgerTables, type LedgerRecord, type LedgerTableName } from '../../../shared/domain/ledgerTables';

// Messages the schemas do not set themselves (wrong type, unknown enum value…) in Chinese too;
// passed per parse so the app does not depend on a global zod configuration.
const zhCN = z.locales.zhCN().localeError;

export type LedgerIssue = z.core.$ZodIssue;

/** A record that does not satisfy its table's zod schema; nothing was written. */
export class ValidationError extends Error {
  readonly table: LedgerTableName;
  readonly issues: LedgerIssue[];
  /** Position in a batch (loadSampleData), when the record came from one. */
  readonly index?: number;

  constructor(table: LedgerTableName, issues: LedgerIssue[], index?: number) {
    const where = index === undefined ? '' : `第 ${index + 1} 条`;
    // Field names from the one label table: a clerk reads 姓名, not name.
    const details = issues.map((i) => (i.path.length ? `${fieldLabel(String(i.path[0]), table)}：${i.message}` : i.message)).join('；');
    super(`${ledgerTables[table].label}${where}数据有误：${details}`);
    this.name = 'ValidationError';
    this.table = table;
    this.issues = issues;
    this.index = index;
  }
}

/** Validates (and normalises: trims, defaults) a complete record with the table's schema. */
export function validateRecord<T extends LedgerTableName>(table: T, record: unknown, index?: number): LedgerRecord<T> {
  const result = ledgerTables[table].schema.safeParse(record, { error: zhCN });
  if (!result.success) throw new ValidationError(table, result.error.issues, index);
  return result.data as LedgerRecord<T>;
}
