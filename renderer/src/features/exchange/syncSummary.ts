import { shownLedgerTables } from '../../navigation/moduleIds';
import { ledgerTables, ledgerTableNames, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import type { DeletedRecordEdit } from '../../db/sync/deletedEdits';
import { describeSkew } from './wording';

/**
 * What one 同步 did, told per ledger (issue 4: "shows a summary: records added / changed /
 * deleted per ledger, conflicts to review"). Pure: the sync run feeds it import results.
 */

export interface TableCounts {
  added: number;
  changed: number;
  deleted: number;
}

export type PerTable = Partial<Record<string, TableCounts>>;

export interface ImportedBundle {
  bundleId: string;
  nodeName: string;
  applied: number;
  skipped: number;
}

export interface SkippedFile {
  name: string;
  reason: string;
}

export interface SyncSummary {
  imported: ImportedBundle[];
  perTable: PerTable;
  /** New conflicts this sync produced (to review in the 冲突 tab). */
  conflicts: number;
  skippedFiles: SkippedFile[];
  /** One sentence per machine whose clock is off, e.g. 电脑“甲”的时钟比本机快 3 小时。 */
  skewWarnings: string[];
  /** 聘书 numbers held by more than one advisor after the merge → advisor names. */
  duplicateNumbers: { number: string; holders: string[] }[];
  /** The bundle this machine wrote into the folder; null when the folder lacked nothing. */
  written: { fileName: string; opCount: number } | null;
  /** Bundles already applied earlier (nothing to do). */
  alreadyApplied: number;
  /** Records left 待补全 by this sync's imports (an update arrived before its create). */
  pending: number;
  /** 已删除的记录在对方有修改, from every import of this sync. */
  deletedWithEdits: DeletedRecordEdit[];
}

export function emptySummary(): SyncSummary {
  return { imported: [], perTable: {}, conflicts: 0, skippedFiles: [], skewWarnings: [], duplicateNumbers: [], written: null, alreadyApplied: 0, pending: 0, deletedWithEdits: [] };
}

export function addPerTable(into: PerTable, add: PerTable | undefined): PerTable {
  const out: PerTable = { ...into };
  for (const [table, c] of Object.entries(add ?? {})) {
    if (!c) continue;
    const prev = out[table] ?? { added: 0, changed: 0, deleted: 0 };
    out[table] = { added: prev.added + c.added, changed: prev.changed + c.changed, deleted: prev.deleted + c.deleted };
  }
  return out;
}

export interface ImportOutcome {
  bundleId: string;
  nodeName: string;
  applied: number;
  skipped: number;
  perTable: PerTable;
  /** New conflicts found by this import. */
  conflicts: number;
  skewWarning?: { nodeName: string; skewMs: number };
  /** Records this import left 待补全. */
  pending?: number;
  deletedWithEdits?: DeletedRecordEdit[];
}

/** Folds one import into the summary; a machine's skew is told once (the largest). */
export function addImport(summary: SyncSummary, result: ImportOutcome): SyncSummary {
  const skew = result.skewWarning;
  let skewWarnings = summary.skewWarnings;
  // importBundle sets skewWarning only above its threshold.
  if (skew) {
    const sentence = describeSkew(skew.nodeName, skew.skewMs);
    const prefix = `电脑“${skew.nodeName || '未命名'}”`;
    skewWarnings = [...skewWarnings.filter((s) => !s.startsWith(prefix)), sentence];
  }
  // A bundle whose ops all arrived earlier by another route is bookkeeping, not news.
  if (result.applied === 0 && result.conflicts === 0 && !result.deletedWithEdits?.length) return { ...summary, alreadyApplied: summary.alreadyApplied + 1, skewWarnings };
  return {
    ...summary,
    imported: [...summary.imported, { bundleId: result.bundleId, nodeName: result.nodeName, applied: result.applied, skipped: result.skipped }],
    perTable: addPerTable(summary.perTable, result.perTable),
    conflicts: summary.conflicts + result.conflicts,
    pending: summary.pending + (result.pending ?? 0),
    // One line per record: a later import's wording replaces an earlier one.
    deletedWithEdits: [
      ...summary.deletedWithEdits.filter((d) => !(result.deletedWithEdits ?? []).some((n) => n.table === d.table && n.id === d.id)),
      ...(result.deletedWithEdits ?? []),
    ],
    skewWarnings,
  };
}

export interface TableSummaryRow extends TableCounts {
  table: string;
  label: string;
}

/** Rows for the summary table: ledgers in schema order, only those that changed. */
/**
 * One row per ledger a screen can open (`shown`); changes to ledgers this build has no screen for
 * yet are summed in one 其他 row, so nothing is hidden and nothing unopenable is named.
 */
export function perTableRows(perTable: PerTable, shown: readonly string[] = shownLedgerTables): TableSummaryRow[] {
  const rows = shown
    .filter((t) => perTable[t])
    .map((table): TableSummaryRow => ({ table, label: ledgerTables[table as LedgerTableName]?.label ?? table, ...(perTable[table] as TableCounts) }));
  const other: TableCounts = { added: 0, changed: 0, deleted: 0 };
  for (const [table, counts] of Object.entries(perTable)) {
    if (shown.includes(table) || !counts) continue;
    other.added += counts.added;
    other.changed += counts.changed;
    other.deleted += counts.deleted;
  }
  if (other.added + other.changed + other.deleted > 0) rows.push({ table: 'other', label: '其他（本版本尚无界面的台账）', ...other });
  return rows.filter((r) => r.added + r.changed + r.deleted > 0);
}

export function totalChanges(perTable: PerTable): number {
  return Object.values(perTable).reduce((n, c) => n + (c ? c.added + c.changed + c.deleted : 0), 0);
}

/** The one line on top of the summary. */
export function headline(summary: SyncSummary): string {
  const parts: string[] = [];
  if (summary.imported.length) {
    const names = [...new Set(summary.imported.map((b) => b.nodeName || '未命名'))].join('、');
    parts.push(`导入了 ${summary.imported.length} 个数据包（来自 ${names}），共 ${totalChanges(summary.perTable)} 条记录有变化`);
  } else {
    parts.push('没有需要导入的新数据包');
  }
  parts.push(summary.written ? `写入了本机的更新包（${summary.written.opCount} 项改动）` : '同步文件夹已有本机的全部数据，无需写入');
  return parts.join('；') + '。';
}

/** "科技顾问 35%" for the large-delete question. */
export function describeDeleteShares(shares: Record<string, number>, limit: number): string[] {
  return Object.entries(shares)
    .filter(([, share]) => share > limit)
    .map(([table, share]) => `${ledgerTables[table as LedgerTableName]?.label ?? table} 的 ${Math.round(share * 100)}%`);
}
