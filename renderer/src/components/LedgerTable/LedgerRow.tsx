import { Fragment, memo, type MouseEvent, type ReactNode } from 'react';
import { formatCellText } from './chineseCollation';
import { alignToFlex } from './LedgerHeader';
import { columnWidth, ROW_HEIGHT, SELECTION_COLUMN_WIDTH } from './layout';
import type { LedgerColumn } from './types';

export interface RowHandlers {
  /** Makes the row active; fired on mousedown so it wins over the grid's focus handler. */
  onPointerActivate: (index: number) => void;
  onDoubleClick: (index: number) => void;
  onToggle: (index: number, extendRange: boolean) => void;
}

interface Props<T> {
  row: T;
  rowId: string;
  /** Position in the filtered + sorted order. */
  index: number;
  /** Pixel offset inside the body. */
  top: number;
  domId: string;
  columns: readonly LedgerColumn<T>[];
  width: number;
  selectable: boolean;
  selected: boolean;
  active: boolean;
  handlers: RowHandlers;
}

/**
 * Plain text — the accessor's, or a custom cell that returns a string — sits in the ellipsis
 * span, so a long value (an enterprise's full name) ends in … and the cell's title shows it whole;
 * a bare text node in the nowrap cell would be cut off with no sign.
 *
 * The grid keys its rows by position (LedgerTable), so a new search result rewrites the text of
 * the cells on screen instead of building them again. Anything else a custom cell draws is keyed
 * by the record: a component with state of its own (an open 作废 confirmation, a dropdown) must
 * never pass to the record that takes its place.
 */
function cellContent(content: ReactNode, rowId: string): ReactNode {
  if (typeof content === 'string' || typeof content === 'number') return <span className="ledger-table__text">{content}</span>;
  return <Fragment key={rowId}>{content}</Fragment>;
}

function LedgerRowImpl<T>({ row, rowId, index, top, domId, columns, width, selectable, selected, active, handlers }: Props<T>) {
  const className =
    'ledger-table__row' +
    (index % 2 === 1 ? ' ledger-table__row--odd' : '') +
    (selected ? ' ledger-table__row--selected' : '') +
    (active ? ' ledger-table__row--active' : '');
  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={index + 2 /* the header is row 1 */}
      aria-selected={selectable ? selected : undefined}
      data-row-id={rowId}
      className={className}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT, width }}
      onMouseDown={() => handlers.onPointerActivate(index)}
      onDoubleClick={() => handlers.onDoubleClick(index)}
    >
      {selectable && (
        <div
          role="gridcell"
          aria-colindex={1}
          className="ledger-table__cell ledger-table__cell--check"
          style={{ width: SELECTION_COLUMN_WIDTH }}
          // Keep focus on the grid so arrow keys keep working after a click, and do not let a
          // quick double click on the box open the record.
          onMouseDown={(e: MouseEvent) => e.preventDefault()}
          onDoubleClick={(e: MouseEvent) => e.stopPropagation()}
        >
          <input
            type="checkbox"
            className="ledger-table__checkbox"
            checked={selected}
            tabIndex={-1}
            aria-label="选择此行"
            onChange={(e) => handlers.onToggle(index, Boolean((e.nativeEvent as globalThis.MouseEvent).shiftKey))}
          />
        </div>
      )}
      {columns.map((col, i) => {
        const value = col.accessor(row);
        const text = formatCellText(value);
        return (
          <div
            key={col.id}
            role="gridcell"
            aria-colindex={i + (selectable ? 2 : 1)}
            className={col.pin === 'right' ? 'ledger-table__cell ledger-table__cell--pinned' : 'ledger-table__cell'}
            style={{ width: columnWidth(col), justifyContent: alignToFlex(col.align) }}
            title={text || undefined}
          >
            {cellContent(col.cell ? col.cell(row) : text, rowId)}
          </div>
        );
      })}
    </div>
  );
}

// Rows re-render only when their own data/state changes, not on every scroll frame or keystroke.
export const LedgerRow = memo(LedgerRowImpl) as typeof LedgerRowImpl;
