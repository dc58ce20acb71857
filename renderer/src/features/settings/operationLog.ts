import { fieldLabel } from '../../../../shared/domain/fieldLabels';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { referenceFields } from '../../../../shared/domain/references';
import type { OperationLogEntry } from '../../../../shared/documents/audit/operation-log-report';
import type { OplogEntry } from '../../db/oplog';

/** One row of 设置 → 操作记录: an oplog entry told in a clerk's words. */
export interface OperationLogRow extends OperationLogEntry {
  opId: string;
  /** The record's own name (姓名, 标题 …) when it still exists. */
  recordName: string;
  date: string;
}

const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);
const NAME_FIELDS = ['name', 'title', 'agreementNumber', 'protocolNumber', 'content', 'progress'] as const;

/** The insert logs every field including createdAt; a tombstone sets deletedAt; its removal restores. */
export function actionOf(entry: Pick<OplogEntry, 'fields' | 'deleted' | 'unset'>): OperationLogEntry['action'] {
  if (entry.deleted || (entry.fields.deletedAt !== undefined && entry.fields.deletedAt !== null)) return '删除';
  if ('createdAt' in entry.fields) return '新增';
  return '修改';
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (Array.isArray(value)) return value.map(formatValue).join('、') || '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .map(formatValue)
      .join('/');
  }
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Gives the display name of a referenced record, or undefined when it is unknown here. */
export type RecordNameLookup = (table: LedgerTableName, id: string) => string | undefined;

/** A reference field shows the referenced record's name instead of its UUID. */
function resolveReferences(key: string, value: unknown, nameOf: RecordNameLookup): unknown {
  const table = referenceFields[key];
  if (!table) return value;
  const resolve = (id: unknown) => (typeof id === 'string' ? (nameOf(table, id) ?? id.slice(0, 8)) : id);
  return Array.isArray(value) ? value.map(resolve) : resolve(value);
}

/** "状态：已聘任；聘期结束：2027-12-31" — the changed fields with their new values. */
export function summariseFields(entry: Pick<OplogEntry, 'table' | 'fields' | 'unset' | 'deleted'>, nameOf: RecordNameLookup = () => undefined): string {
  if (entry.deleted) return '记录被删除';
  const parts = Object.entries(entry.fields)
    .filter(([key]) => !HIDDEN_FIELDS.has(key) && !(key === 'deletedAt' && entry.fields.deletedAt === null))
    .map(([key, value]) => (key === 'deletedAt' ? '标记为删除' : `${fieldLabel(key)}：${formatValue(resolveReferences(key, value, nameOf))}`));
  if (entry.fields.deletedAt === null && !('createdAt' in entry.fields)) parts.unshift('恢复记录');
  for (const key of entry.unset ?? []) parts.push(`${fieldLabel(key)}：（清除）`);
  return parts.join('；') || '（无字段变化）';
}

export function recordNameOf(table: LedgerTableName, record: Record<string, unknown> | undefined, id: string): string {
  if (table === 'settings') return id === 'organisation' ? '单位信息' : id === 'policyProfile' ? '政策配置' : id;
  for (const field of NAME_FIELDS) {
    const value = record?.[field];
    if (typeof value === 'string' && value.trim()) return value.length > 24 ? `${value.slice(0, 24)}…` : value;
  }
  return id.slice(0, 8);
}

/** Turns oplog entries into rows; `lookup` gives the current record for its name. */
export function toOperationLogRows(
  entries: OplogEntry[],
  lookup: (table: LedgerTableName, id: string) => Record<string, unknown> | undefined,
): OperationLogRow[] {
  const nameOf: RecordNameLookup = (table, id) => {
    const record = lookup(table, id);
    return record ? recordNameOf(table, record, id) : undefined;
  };
  return entries.map((entry) => ({
    opId: entry.opId,
    at: entry.at,
    date: entry.at.slice(0, 10),
    operator: entry.operator,
    tableLabel: ledgerTables[entry.table]?.label ?? entry.table,
    recordId: entry.id,
    recordName: recordNameOf(entry.table, lookup(entry.table, entry.id) ?? entry.fields, entry.id),
    action: actionOf(entry),
    fields: summariseFields(entry, nameOf),
  }));
}
