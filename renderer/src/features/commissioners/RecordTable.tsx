import { useCallback } from 'react';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { useDb } from '../../db/DbContext';
import { RecordLedger, type RecordLedgerProps } from '../../components/RecordLedger/RecordLedger';
import { removeCommissionerRecord, restoreCommissionerRecord } from '../../db/repositories/commissionerFiles';

type Row = { id: string } & Record<string, unknown>;

export interface RecordTableProps<T extends Row> extends Omit<RecordLedgerProps<T>, 'remove' | 'restore' | 'actionsWidth'> {
  /** Ledger table the rows live in (删除 tombstones there). */
  table: LedgerTableName;
}

/**
 * A sub-ledger of the 科技特派员 module (派出单位, 派驻企业, 考核, 补助, 变更申请 …): the shared
 * RecordLedger, removing through the module's repository. New in a modal of 720 px.
 */
export function RecordTable<T extends Row>({ table, ...props }: RecordTableProps<T>) {
  const db = useDb();
  const remove = useCallback((row: T) => removeCommissionerRecord(db, table, row.id), [db, table]);
  const restore = useCallback((row: T) => restoreCommissionerRecord(db, table, row.id), [db, table]);
  return <RecordLedger {...props} modalWidth={props.modalWidth ?? 720} actionsWidth={[200, 110]} remove={remove} restore={restore} />;
}
