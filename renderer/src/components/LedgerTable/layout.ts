/**
 * Fixed geometry. Rows have one height so the virtualizer never measures the DOM (measuring
 * 100,000 rows is what makes big tables stutter); keep these in sync with LedgerTable.css.
 */
export const ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 40;
export const SELECTION_COLUMN_WIDTH = 44;
/** Rows rendered beyond the viewport on each side, so fast scrolling rarely shows blanks. */
export const OVERSCAN = 10;
export const DEFAULT_HEIGHT = 480;
export const DEFAULT_COLUMN_WIDTH = 140;

export const columnWidth = (column: { width?: number }): number => column.width ?? DEFAULT_COLUMN_WIDTH;
