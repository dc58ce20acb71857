import { memo } from 'react';
import type { Header, Table } from '@tanstack/react-table';
import { Checkbox } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { ColumnFilterPopover } from './ColumnFilterPopover';
import { SELECTION_COLUMN_WIDTH } from './layout';
import type { CellValue, LedgerColumn } from './types';

/**
 * The sticky header row: select-all checkbox, then one columnheader per visible column with a
 * sort button (click: 升序 → 降序 → 不排序; shift-click adds a secondary sort) and a filter
 * button.
 */

interface Props<T> {
  table: Table<T>;
  ledgerColumns: ReadonlyMap<string, LedgerColumn<T>>;
  filterValues: (column: LedgerColumn<T>) => CellValue[];
  selectable: boolean;
  allSelected: boolean;
  someSelected: boolean;
  onToggleAll: () => void;
  width: number;
  /**
   * The table state the header shows (tanstack keeps it inside `table`, whose identity never
   * changes): passed so the memoised header re-renders when it changes, and only then — not on
   * every keystroke of a quick search.
   */
  tableState: unknown;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const SORT_TITLE = { asc: '升序，点击改为降序', desc: '降序，点击取消排序' } as const;

function LedgerHeaderImpl<T>(props: Props<T>) {
  const { table, ledgerColumns, filterValues, selectable, allSelected, someSelected, onToggleAll, width } = props;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div role="rowgroup" className="ledger-table__head" style={{ width }}>
      <div role="row" aria-rowindex={1} className="ledger-table__row ledger-table__row--head">
        {selectable && (
          <div role="columnheader" aria-colindex={1} className="ledger-table__cell ledger-table__cell--check" style={{ width: SELECTION_COLUMN_WIDTH }}>
            <Checkbox
              checked={allSelected}
              indeterminate={someSelected && !allSelected}
              onChange={onToggleAll}
              aria-label={allSelected ? '取消全选' : '全选筛选结果'}
              data-testid="ledger-select-all"
            />
          </div>
        )}
        {headers.map((header, i) => (
          <HeaderCell
            key={header.id}
            header={header}
            ledgerColumn={ledgerColumns.get(header.column.id)}
            filterValues={filterValues}
            colIndex={i + (selectable ? 2 : 1)}
          />
        ))}
      </div>
    </div>
  );
}

function HeaderCell<T>({
  header,
  ledgerColumn,
  filterValues,
  colIndex,
}: {
  header: Header<T, unknown>;
  ledgerColumn: LedgerColumn<T> | undefined;
  filterValues: (column: LedgerColumn<T>) => CellValue[];
  colIndex: number;
}) {
  const { column } = header;
  const sorted = column.getIsSorted();
  const label = ledgerColumn?.header ?? column.id;
  const canSort = column.getCanSort();
  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      aria-sort={sorted ? ARIA_SORT[sorted] : canSort ? 'none' : undefined}
      className={`ledger-table__cell ledger-table__cell--head${ledgerColumn?.pin === 'right' ? ' ledger-table__cell--pinned' : ''}`}
      style={{ width: header.getSize(), justifyContent: alignToFlex(ledgerColumn?.align) }}
    >
      {canSort ? (
        <button
          type="button"
          className="ledger-table__sort"
          onClick={column.getToggleSortingHandler()}
          title={`${label}：${sorted ? SORT_TITLE[sorted] : '点击升序排序'}`}
        >
          <span className="ledger-table__head-label">{label}</span>
          <span className="ledger-table__sort-icons" aria-hidden>
            <CaretUpOutlined className={sorted === 'asc' ? 'is-on' : undefined} />
            <CaretDownOutlined className={sorted === 'desc' ? 'is-on' : undefined} />
          </span>
        </button>
      ) : (
        <span className="ledger-table__head-label" title={label}>
          {label}
        </span>
      )}
      {ledgerColumn && column.getCanFilter() && (
        <ColumnFilterPopover column={column} ledgerColumn={ledgerColumn} filterValues={filterValues} />
      )}
    </div>
  );
}

/** Memoised: a search or a new page leaves the header as it is. */
export const LedgerHeader = memo(LedgerHeaderImpl) as typeof LedgerHeaderImpl;

export function alignToFlex(align: LedgerColumn<unknown>['align']): 'flex-start' | 'center' | 'flex-end' {
  return align === 'right' ? 'flex-end' : align === 'center' ? 'center' : 'flex-start';
}
