import { useCallback } from 'react';
import { useDb } from '../../../db/DbContext';
import { RecordLedger, type RecordLedgerProps } from '../../../components/RecordLedger/RecordLedger';
import type { CreateInput, UpdateInput } from '../../../db/ledgerRepository';
import {
  addAdvisorRecord,
  removeAdvisorRecord,
  restoreAdvisorRecord,
  updateAdvisorRecord,
  type AdvisorRecord,
  type AdvisorRecordTable,
} from '../../../db/repositories/advisors';

export interface RecordListProps<T extends AdvisorRecordTable>
  extends Omit<RecordLedgerProps<AdvisorRecord<T>>, 'tableId' | 'context' | 'save' | 'remove' | 'restore' | 'actionsWidth' | 'onOpen' | 'readOnlyAdd' | 'excelImport' | 'height'> {
  table: T;
  advisorId: string;
}

/**
 * One sub-ledger of an advisor's file (工作记录, 咨询建议, 聘金, 方案, 评估): the shared
 * RecordLedger, saving and removing through the advisors' repository. Each tab only says what
 * its records look like.
 */
export function RecordList<T extends AdvisorRecordTable>({ table, advisorId, ...props }: RecordListProps<T>) {
  const db = useDb();
  const save = useCallback(
    (fields: Record<string, unknown>, row?: AdvisorRecord<T>) =>
      row ? updateAdvisorRecord(db, table, row.id, fields as UpdateInput<T>) : addAdvisorRecord(db, table, fields as CreateInput<T>),
    [db, table],
  );
  const remove = useCallback((row: AdvisorRecord<T>) => removeAdvisorRecord(db, table, row.id), [db, table]);
  const restore = useCallback((row: AdvisorRecord<T>) => restoreAdvisorRecord(db, table, row.id), [db, table]);
  return <RecordLedger {...props} tableId={`advisor-${table}`} context={{ advisorId }} save={save} remove={remove} restore={restore} />;
}
