import { fieldLabel, settingsPathLabel } from '../../../../shared/domain/fieldLabels';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { referenceFields } from '../../../../shared/domain/references';
import type { OperationLogEntry } from '../../../../shared/documents/audit/operation-log-report';
import type { OplogEntry } from '../../db/oplog';

/**
 * 设置 → 操作记录 in a clerk's words (issue 8 item 9): Chinese field names from the one label
 * table, records by name, "字段：旧 → 新", and no entry that says nothing. Pure: the panel
 * (whatever way it reads the oplog) passes entries and lookups in.
 */
export interface OperationLogRow extends OperationLogEntry {
  opId: string;
  /** The record's own name (姓名, 标题, 2026年度聘金 …). */
  recordName: string;
  date: string;
}

const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);
const NAME_FIELDS = ['name', 'title', 'agreementNumber', 'protocolNumber', 'content', 'progress'] as const;
const MAX_VALUE_LENGTH = 40;

/** The insert logs every field including createdAt; a tombstone sets deletedAt; its removal restores. */
export function actionOf(entry: Pick<OplogEntry, 'fields' | 'deleted' | 'unset'>): OperationLogEntry['action'] {
  if (entry.deleted || (entry.fields.deletedAt !== undefined && entry.fields.deletedAt !== null)) return '删除';
  if ('createdAt' in entry.fields) return '新增';
  return '修改';
}

const isEmptyValue = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

export function formatValue(value: unknown): string {
  if (isEmptyValue(value)) return '（空）';
  if (Array.isArray(value)) return value.map(formatValue).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  // Years and counts read plain (2026, not 2,026); amounts get thousands separators.
  if (typeof value === 'number') return Math.abs(value) < 10_000 ? String(value) : value.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  if (typeof value === 'object') return `共 ${Object.keys(value as object).length} 项`;
  const text = String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

/** Gives the display name of a referenced record, or undefined when it is unknown here. */
export type RecordNameLookup = (table: LedgerTableName, id: string) => string | undefined;
/** The value a field had before this entry (from the entry its `prev` names), if known. */
export type PreviousValueLookup = (entry: OplogEntry, field: string) => { value: unknown } | undefined;

/** A reference field shows the referenced record's name instead of its UUID. */
function resolveReferences(key: string, value: unknown, nameOf: RecordNameLookup): unknown {
  const table = referenceFields[key];
  if (!table) return value;
  const resolve = (id: unknown) => (typeof id === 'string' ? (nameOf(table, id) ?? '（已删除的记录）') : id);
  return Array.isArray(value) ? value.map(resolve) : resolve(value);
}

/** Leaves of a structured value by path: { advisors: { stipendPerYear: 1 } } → [['advisors','stipendPerYear'], 1]. */
function leaves(value: unknown, path: (string | number)[] = []): Map<string, { path: (string | number)[]; value: unknown }> {
  const out = new Map<string, { path: (string | number)[]; value: unknown }>();
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Record<string, unknown>);
    for (const [key, inner] of entries) for (const [k, v] of leaves(inner, [...path, key])) out.set(k, v);
  } else if (path.length) {
    out.set(JSON.stringify(path), { path, value });
  }
  return out;
}

/** "科技顾问·聘金（税后）：300,000 → 350,000" for each parameter of a settings value that changed. */
function describeSettingsValue(settingsId: string, before: unknown, after: unknown, isInsert: boolean): string[] {
  if (before === undefined) {
    const name = after && typeof after === 'object' && typeof (after as { name?: unknown }).name === 'string' ? `（${(after as { name: string }).name}）` : '';
    return [isInsert ? `建立设置${name}` : `修改设置${name}`];
  }
  const old = leaves(before);
  const now = leaves(after);
  const parts: string[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    if (a && b && Object.is(a.value, b.value)) continue;
    const path = (b ?? a)!.path;
    const position = path.find((p) => typeof p === 'number');
    const label = settingsPathLabel(settingsId, path);
    parts.push(`${position === undefined ? '' : `第 ${position + 1} 项`}${label}：${formatValue(a?.value)} → ${formatValue(b?.value)}`);
  }
  return parts;
}

/**
 * "状态：评议 → 已审定；审定日期：（空） → 2026-05-20": each changed field with its old value when
 * the entry it overwrote is known, else just the new one.
 */
export function summariseFields(
  entry: OplogEntry,
  nameOf: RecordNameLookup = () => undefined,
  previous: PreviousValueLookup = () => undefined,
): string {
  if (entry.deleted) return '记录被删除';
  const isInsert = 'createdAt' in entry.fields;
  const parts: string[] = [];
  if (entry.fields.deletedAt === null && !isInsert) parts.push('恢复记录');
  for (const [key, value] of Object.entries(entry.fields)) {
    if (HIDDEN_FIELDS.has(key) || (key === 'deletedAt' && value === null)) continue;
    if (key === 'deletedAt') {
      parts.push('标记为删除');
      continue;
    }
    if (isInsert && isEmptyValue(value)) continue;
    const before = isInsert ? undefined : previous(entry, key);
    if (entry.table === 'settings' && key === 'value') {
      parts.push(...describeSettingsValue(entry.id, before?.value, value, isInsert));
      continue;
    }
    const label = fieldLabel(key, entry.table);
    const shown = formatValue(resolveReferences(key, value, nameOf));
    parts.push(before ? `${label}：${formatValue(resolveReferences(key, before.value, nameOf))} → ${shown}` : `${label}：${shown}`);
  }
  for (const key of entry.unset ?? []) {
    const before = previous(entry, key);
    parts.push(`${fieldLabel(key, entry.table)}：${before ? `${formatValue(resolveReferences(key, before.value, nameOf))} → ` : ''}（清除）`);
  }
  return parts.join('；');
}

const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/** Records without a name field of their own are named by what they are. */
const namers: Partial<Record<LedgerTableName, (r: Record<string, unknown>) => string | undefined>> = {
  advisorStipends: (r) => (r.year ? `${r.year}年度聘金` : undefined),
  advisorEvaluations: (r) => (r.year ? `${r.year}年度成效评估` : undefined),
  appointmentCertificates: (r) => (r.number ? `聘书 ${r.number}` : undefined),
  commissionerAssessments: (r) => (r.year ? `${r.year}年度考核` : undefined),
  consultationRounds: (r) => (r.city && r.year ? `${r.year}年${r.city}${r.kind ?? '会商'}` : undefined),
  consultationProgress: (r) => (r.year && r.quarter ? `${r.year}年第${r.quarter}季度推进情况` : undefined),
  rectificationItems: (r) => (r.seq ? `第${r.seq}项 ${clip(String(r.content ?? ''))}` : undefined),
};

/**
 * The record's name for a clerk. `owner` names the record it belongs to (陈思远), so a sub-record
 * reads "陈思远 · 2026年度聘金". Never a bare UUID: an unknown record says so.
 */
export function recordNameOf(table: LedgerTableName, record: Record<string, unknown> | undefined, id: string, owner?: RecordNameLookup): string {
  if (table === 'settings') return id === 'organisation' ? '单位信息' : id === 'policyProfile' ? '政策配置' : id === 'advisorCertificate' ? '聘书设置' : id === 'consultations' ? '厅市会商设置' : id;
  let own = record ? namers[table]?.(record) : undefined;
  for (const field of NAME_FIELDS) {
    if (own) break;
    const value = record?.[field];
    if (typeof value === 'string' && value.trim()) own = clip(value);
  }
  const ownerId = record?.advisorId ?? record?.commissionerId ?? record?.roundId;
  const ownerTable = record?.advisorId ? 'advisors' : record?.commissionerId ? 'commissioners' : record?.roundId ? 'consultationRounds' : undefined;
  const ownerName = owner && ownerTable && typeof ownerId === 'string' ? owner(ownerTable, ownerId) : undefined;
  const name = own ?? `${ledgerTables[table]?.label ?? '记录'}（名称未知）`;
  return ownerName ? `${ownerName} · ${name}` : name;
}

/**
 * Turns oplog entries into rows; `lookup` gives the current record for its name. Entries that
 * change nothing a clerk can see (only 修改时间) are left out. A record no longer stored is named
 * from what the oplog itself knows of it.
 */
export function toOperationLogRows(entries: OplogEntry[], lookup: (table: LedgerTableName, id: string) => Record<string, unknown> | undefined): OperationLogRow[] {
  const byOpId = new Map(entries.map((e) => [e.opId, e]));
  // What the oplog knows of each record, oldest write first (a hard-deleted record keeps its name).
  const known = new Map<string, Record<string, unknown>>();
  for (const entry of [...entries].sort((a, b) => (a.opId < b.opId ? -1 : 1))) {
    const key = `${entry.table}:${entry.id}`;
    known.set(key, { ...known.get(key), ...entry.fields });
  }
  const recordOf = (table: LedgerTableName, id: string) => lookup(table, id) ?? known.get(`${table}:${id}`);
  const nameOf: RecordNameLookup = (table, id) => {
    const record = recordOf(table, id);
    return record ? recordNameOf(table, record, id) : undefined;
  };
  const previous: PreviousValueLookup = (entry, field) => {
    if (!entry.prev) return undefined; // written before sync kept `prev`: old value unknown
    if (!Object.prototype.hasOwnProperty.call(entry.prev, field)) return { value: undefined }; // never set before
    const prevId = entry.prev[field];
    const earlier = prevId ? byOpId.get(prevId) : undefined;
    if (earlier && Object.prototype.hasOwnProperty.call(earlier.fields, field)) return { value: earlier.fields[field] };
    if (earlier && earlier.unset?.includes(field)) return { value: undefined };
    return undefined;
  };
  const rows: OperationLogRow[] = [];
  for (const entry of entries) {
    const fields = summariseFields(entry, nameOf, previous);
    if (!fields) continue;
    rows.push({
      opId: entry.opId,
      at: entry.at,
      date: entry.at.slice(0, 10),
      operator: entry.operator,
      tableLabel: ledgerTables[entry.table]?.label ?? entry.table,
      recordId: entry.id,
      recordName: recordNameOf(entry.table, recordOf(entry.table, entry.id), entry.id, nameOf),
      action: actionOf(entry),
      fields,
    });
  }
  return rows;
}
