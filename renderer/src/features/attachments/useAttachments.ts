import { useLiveQuery } from 'dexie-react-hooks';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { useDb } from '../../db/DbContext';
import { attachmentCounts, listAttachments, type AttachmentView } from '../../db/attachments';

/** The attachments of one record, live (re-read when any attachment changes, sync included). */
export function useAttachmentList(table: LedgerTableName, recordId: string): AttachmentView[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listAttachments(db, table, recordId), [db, table, recordId]);
}

/**
 * Live attachments per record of a table (records without any are absent): the count badge of
 * each row and the 有/无附件 filter read it. One index range over the table's attachments.
 */
export function useAttachmentCounts(table: LedgerTableName): Map<string, number> {
  const db = useDb();
  return useLiveQuery(() => attachmentCounts(db, table), [db, table]) ?? EMPTY;
}
const EMPTY = new Map<string, number>();
