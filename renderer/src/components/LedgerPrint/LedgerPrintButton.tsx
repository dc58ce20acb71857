import { useDb } from '../../db/DbContext';
import { readSetting } from '../../features/settings/settingsStore';
import { DocumentActions } from '../DocumentActions';
import { localToday } from '../forms/submitRecord';
import type { LedgerColumn } from '../LedgerTable';
import { readHiddenColumns } from '../LedgerTable/useColumnVisibility';
import { ledgerListingInput } from './ledgerListingInput';

export interface LedgerPrintButtonProps<T> {
  /** The LedgerTable's tableId: its 列显示 choice decides the printed columns. */
  tableId: string;
  /** Document title, e.g. 科技顾问名册. */
  title: string;
  columns: readonly LedgerColumn<T>[];
  /** How many rows are on screen (after filters and quick search). */
  displayedCount: number;
  /**
   * The rows on screen in displayed order: given (a small in-memory list, LedgerTable
   * onDisplayedRowsChange) or read when the clerk prints (a paged ledger, onDisplayedIdsChange).
   */
  rows: readonly T[] | (() => Promise<readonly T[]>);
  /** All rows of the ledger, to say whether the list is filtered. */
  totalCount: number;
}

/** 打印名册 for a roster (a title ending in 名册), 打印列表 for any other list. */
export function printButtonLabel(title: string): string {
  return title.endsWith('名册') ? '打印名册' : '打印列表';
}

/**
 * 打印名册 / 打印列表: the ledger as a Word table built from the rows and columns on screen (issue 8 item
 * 11), previewed first; the preview carries 保存 / 打印. Placed in a LedgerTable's toolbar.
 */
export function LedgerPrintButton<T>({ tableId, title, columns, displayedCount, rows, totalCount }: LedgerPrintButtonProps<T>) {
  const db = useDb();
  async function getInput() {
    const organisation = await readSetting(db, 'organisation');
    const printed = typeof rows === 'function' ? await rows() : rows;
    return ledgerListingInput({
      title,
      columns,
      hiddenColumnIds: readHiddenColumns(tableId, columns),
      rows: printed,
      scopeDescription: printed.length === totalCount ? `全部 ${totalCount} 条记录` : `筛选出的 ${printed.length} 条记录（共 ${totalCount} 条）`,
      organisation: organisation.department,
      generatedOn: localToday(),
    });
  }
  return <DocumentActions kind="ledgerListing" getInput={getInput} actions={['preview']} labels={{ preview: printButtonLabel(title) }} disabled={displayedCount === 0} />;
}
