import type { DocumentInput } from '../../../../shared/documents/registry';
import type { CellValue, LedgerColumn } from '../LedgerTable';

/** Columns that are controls on screen, not data on paper. */
const SCREEN_ONLY_COLUMNS = new Set(['actions', 'select']);

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** A cell as printed: the column's own text when it renders plain text, else its value. */
export function printedCell<T>(column: LedgerColumn<T>, row: T): string {
  const rendered = column.cell?.(row);
  if (typeof rendered === 'string' || typeof rendered === 'number') return String(rendered);
  return valueText(column.accessor(row));
}

export interface ListingSource<T> {
  title: string;
  columns: readonly LedgerColumn<T>[];
  /** Ids of the columns hidden on screen (列显示): not printed either. */
  hiddenColumnIds: readonly string[];
  /** The rows on screen, in their displayed order. */
  rows: readonly T[];
  scopeDescription: string;
  organisation: string;
  generatedOn: string;
}

/** What the screen shows, as the 名册 builder's input (shared/documents/ledgers/ledger-listing). */
export function ledgerListingInput<T>(source: ListingSource<T>): DocumentInput<'ledgerListing'> {
  const hidden = new Set(source.hiddenColumnIds);
  const printed = source.columns.filter((c) => !hidden.has(c.id) && !SCREEN_ONLY_COLUMNS.has(c.id));
  return {
    title: source.title,
    columns: printed.map((c) => ({ header: c.header, screenWidth: c.width ?? 140, align: c.align })),
    rows: source.rows.map((row) => printed.map((c) => printedCell(c, row))),
    scopeDescription: source.scopeDescription,
    organisation: source.organisation,
    generatedOn: source.generatedOn,
  };
}
