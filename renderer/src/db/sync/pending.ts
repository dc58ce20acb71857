/**
 * 待补全 (issue 10): records an import built that fail their table's schema — an update whose
 * create has not arrived yet. They wait in `pendingRecords`, out of every ledger, and complete
 * themselves when the missing ops are imported (slice.ts writeMerge). 数据交换 lists them.
 */
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import type { SciLedgerDb } from '../database';

export interface PendingRecordView {
  table: string;
  /** 科技顾问, … */
  label: string;
  id: string;
  /** A name to recognise it by, when the fields that arrived have one. */
  name: string | null;
  problem: string;
}

const NAME_FIELDS = ['name', 'title', 'topic', 'item', 'number'];

/** Every waiting record (there are few: each is a gap someone has to close). */
export async function listPendingRecords(db: SciLedgerDb): Promise<PendingRecordView[]> {
  const rows = await db.pendingRecords.toArray();
  return rows
    .map((r) => {
      const nameField = NAME_FIELDS.find((f) => typeof r.record[f] === 'string' && r.record[f] !== '');
      return {
        table: r.table,
        label: ledgerTables[r.table as LedgerTableName]?.label ?? r.table,
        id: r.id,
        name: nameField ? String(r.record[nameField]) : null,
        problem: r.problem,
      };
    })
    .sort((a, b) => (a.label === b.label ? (a.id < b.id ? -1 : 1) : a.label.localeCompare(b.label, 'zh-CN')));
}
