/**
 * "已删除的记录在对方有修改" (issue 10): a record deleted on one machine while another edited it
 * stays deleted, the edit kept inside the tombstone (merge.ts deleteEditClash). The import tells
 * the clerk which records, who deleted, who edited what — and 恢复 brings one back.
 */
import { fieldLabel } from '../../../../shared/domain/fieldLabels';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import type { BundleManifest, DeletedWithEdits, OpAuthor } from '../../../../shared/sync';
import { TOMBSTONE_FIELD } from '../../../../shared/sync/tables';
import type { SciLedgerDb } from '../database';

export interface DeletedRecordEdit {
  table: string;
  /** 科技顾问, … */
  label: string;
  id: string;
  /** The record's name (or title), to recognise it. */
  name: string;
  /** "王科员（本机）" / "李科员（南宁办公室）" and when. */
  deletedBy: string;
  deletedAt: string;
  edits: { by: string; at: string; fields: string[] }[];
}

const NAME_FIELDS = ['name', 'title', 'topic', 'item', 'number'];

function recordName(row: Record<string, unknown> | undefined, id: string): string {
  const field = NAME_FIELDS.find((f) => typeof row?.[f] === 'string' && row[f] !== '');
  return field ? String(row?.[field]) : `编号 ${id.slice(0, 8)}`;
}

/** The clashes of one import, worded for the import summary. Reads the machine names it needs. */
export async function describeDeletedWithEdits(db: SciLedgerDb, clashes: readonly DeletedWithEdits[], manifest: Pick<BundleManifest, 'nodeId' | 'nodeName'>, localNodeId: string): Promise<DeletedRecordEdit[]> {
  const names = new Map<string, string>([[localNodeId, '本机'], [manifest.nodeId, manifest.nodeName || '对方电脑']]);
  const machine = async (nodeId: string) => {
    if (!names.has(nodeId)) names.set(nodeId, (await db.appliedBundles.where('nodeId').equals(nodeId).last())?.nodeName ?? `电脑 ${nodeId.slice(0, 8)}`);
    return names.get(nodeId) as string;
  };
  const who = async (a: OpAuthor) => `${a.operator}（${await machine(a.nodeId)}）`;
  const out: DeletedRecordEdit[] = [];
  for (const c of clashes) {
    const row = (await db.table(c.table).get(c.id)) as Record<string, unknown> | undefined;
    out.push({
      table: c.table,
      label: ledgerTables[c.table]?.label ?? c.table,
      id: c.id,
      name: recordName(row, c.id),
      deletedBy: await who(c.deletedBy),
      deletedAt: c.deletedBy.at,
      edits: await Promise.all(c.edits.map(async (e) => ({ by: await who(e), at: e.at, fields: e.fields.map((f) => fieldLabel(f, c.table)) }))),
    });
  }
  return out;
}

/**
 * 恢复: the record becomes live again, with every field as merged (the concurrent edit
 * included). An ordinary tracked edit, so the restore reaches the other machines like any change.
 */
export async function restoreDeletedRecord(db: SciLedgerDb, table: string, id: string): Promise<void> {
  if (!(table in ledgerTables)) throw new Error(`未知的台账表“${table}”`);
  const t = db.table(table as LedgerTableName);
  await db.transaction('rw', t, async () => {
    const row = (await t.get(id)) as Record<string, unknown> | undefined;
    if (!row) throw new Error(`${ledgerTables[table as LedgerTableName].label}中找不到这条记录`);
    if (row[TOMBSTONE_FIELD] === undefined || row[TOMBSTONE_FIELD] === null) return; // already live
    await t.put({ ...row, [TOMBSTONE_FIELD]: null, updatedAt: new Date(db.tracker.nowMs()).toISOString() });
  });
}
