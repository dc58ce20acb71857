import { fieldLabel } from '../../../../shared/domain/fieldLabels';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { referenceFields } from '../../../../shared/domain/references';
import { recordNameOf } from '../settings/operationLog';
import { formatDateTime } from './wording';

/**
 * Rows of the 冲突 tab: a same-field concurrent edit told as "本机的值 / 对方的值" with who and
 * when (issue 4: "the user resolves it in 数据交换 (keep mine / keep theirs / edit)").
 */

export interface ConflictSideLike {
  opId: string;
  nodeId: string;
  operator: string;
  at: string;
  value: unknown;
  unset?: boolean;
  isLocal?: boolean;
}

export interface ConflictLike {
  key: string;
  table: string;
  id: string;
  field: string;
  winner: ConflictSideLike;
  loser: ConflictSideLike;
  sameValue: boolean;
  resolvedAt?: string;
  resolution?: unknown;
}

export interface ConflictSideView {
  /** Which side of the stored conflict this is: what resolveConflict's `keep` takes. */
  role: 'winner' | 'loser';
  value: string;
  who: string;
  when: string;
  /** The value the ledger holds now (the last writer by HLC). */
  isCurrent: boolean;
}

export interface ConflictRow {
  key: string;
  tableLabel: string;
  recordName: string;
  fieldLabel: string;
  mine: ConflictSideView;
  theirs: ConflictSideView;
  /** Raw current value, to prefill 编辑. */
  editValue: unknown;
  resolved: boolean;
  resolvedAt: string;
  resolution: string;
}

export type NameLookup = (table: LedgerTableName, id: string) => Record<string, unknown> | undefined;
/** Machine names by nodeId, from the bundles this machine has seen. */
export type MachineNames = (nodeId: string) => string | undefined;

export function formatConflictValue(value: unknown, field: string, lookup: NameLookup, unset = false): string {
  if (unset || value === undefined || value === null || value === '') return '（空）';
  const refTable = referenceFields[field];
  const one = (v: unknown): string => {
    if (refTable && typeof v === 'string') {
      const record = lookup(refTable, v);
      return record ? recordNameOf(refTable, record, v) : v.slice(0, 8);
    }
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (v === null || v === undefined || v === '') return '（空）';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return Array.isArray(value) ? value.map(one).join('、') || '（空）' : one(value);
}

/** Is this side this machine's own edit? isLocal when the API says so, else by nodeId. */
function isMine(side: ConflictSideLike, localNodeId: string): boolean {
  return side.isLocal ?? side.nodeId === localNodeId;
}

function sideView(side: ConflictSideLike, role: 'winner' | 'loser', c: ConflictLike, lookup: NameLookup, machine: MachineNames, localNodeId: string): ConflictSideView {
  const machineName = side.nodeId === localNodeId ? '本机' : (machine(side.nodeId) ?? `电脑 ${side.nodeId.slice(0, 8)}`);
  return {
    role,
    value: formatConflictValue(side.value, c.field, lookup, side.unset),
    who: `${side.operator || '未署名'}（${machineName}）`,
    when: formatDateTime(side.at),
    isCurrent: role === 'winner',
  };
}

const resolutionLabels: Record<string, string> = { mine: '保留了本机的值', theirs: '采用了对方的值', edited: '改为新的值', superseded: '已由其他电脑处理', elsewhere: '已在其他电脑上处理' };

export function resolutionText(resolution: unknown): string {
  return (typeof resolution === 'string' && resolutionLabels[resolution]) || '已处理';
}

export function toConflictRow(c: ConflictLike, localNodeId: string, lookup: NameLookup, machine: MachineNames): ConflictRow {
  const table = c.table as LedgerTableName;
  // When neither side is ours (a conflict between two other machines, relayed), "本机" is the
  // value this machine's ledger holds now.
  const loserIsMine = isMine(c.loser, localNodeId) && !isMine(c.winner, localNodeId);
  const mine = loserIsMine ? sideView(c.loser, 'loser', c, lookup, machine, localNodeId) : sideView(c.winner, 'winner', c, lookup, machine, localNodeId);
  const theirs = loserIsMine ? sideView(c.winner, 'winner', c, lookup, machine, localNodeId) : sideView(c.loser, 'loser', c, lookup, machine, localNodeId);
  return {
    key: c.key,
    tableLabel: ledgerTables[table]?.label ?? c.table,
    recordName: recordNameOf(table, lookup(table, c.id), c.id),
    fieldLabel: fieldLabel(c.field),
    mine,
    theirs,
    editValue: c.winner.unset ? '' : c.winner.value,
    resolved: Boolean(c.resolvedAt),
    resolvedAt: c.resolvedAt ? formatDateTime(c.resolvedAt) : '',
    resolution: c.resolvedAt ? resolutionText(c.resolution) : '',
  };
}

/** Text in the 编辑 box: plain text for strings, JSON for anything else (numbers, lists). */
export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1);
}

/**
 * The edited text back to a value of the field's kind, guided by the current value: a string
 * field stays text; anything else must be JSON. The API validates against the table's schema.
 */
export function textToValue(text: string, current: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (typeof current === 'string' || current === undefined || current === null) {
    if (typeof current === 'string' || !/^[[{\d"-]|^(true|false|null)$/.test(text.trim())) return { ok: true, value: text };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: '请输入有效的 JSON（例如数字 12、列表 ["甲","乙"]）' };
  }
}
