import { useMemo, useState } from 'react';
import type { Column } from '@tanstack/react-table';
import { Button, Checkbox, DatePicker, Input, Popover } from 'antd';
import { FilterFilled, FilterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { distinctOptions } from './columnFilters';
import { useImeInput } from './useImeInput';
import { matchesAllTerms, parseSearchQuery, searchText } from '../../../../shared/search/searchKeys';
import type { CellValue, DateRangeFilterValue, LedgerColumn, SelectFilterValue } from './types';

/**
 * The funnel button in a column header and its popover. Controls mount only while the popover is
 * open (destroyOnHidden), so the distinct values of a select column are computed on demand.
 */

interface Props<T> {
  column: Column<T, unknown>;
  ledgerColumn: LedgerColumn<T>;
  filterValues: (column: LedgerColumn<T>) => CellValue[];
}

export function ColumnFilterPopover<T>({ column, ledgerColumn, filterValues }: Props<T>) {
  const [open, setOpen] = useState(false);
  // Remounts the controls on 重置 so the text box forgets what was typed.
  const [resetCount, setResetCount] = useState(0);
  const active = column.getIsFiltered();
  const kind = ledgerColumn.filter ?? 'none';
  if (kind === 'none') return null;

  const content = (
    <div className="ledger-table__filter-panel" data-testid={`ledger-filter-panel-${column.id}`} key={resetCount}>
      {kind === 'text' && <TextFilter column={column} />}
      {kind === 'select' && <SelectFilter column={column} filterValues={filterValues} ledgerColumn={ledgerColumn} />}
      {kind === 'dateRange' && <DateRangeFilter column={column} />}
      <div className="ledger-table__filter-actions">
        <Button
          size="small"
          type="link"
          disabled={!active}
          onClick={() => {
            column.setFilterValue(undefined);
            setResetCount((n) => n + 1);
          }}
        >
          重置
        </Button>
        <Button size="small" type="primary" onClick={() => setOpen(false)}>
          确定
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
    >
      <button
        type="button"
        className={`ledger-table__filter-trigger${active ? ' ledger-table__filter-trigger--active' : ''}`}
        aria-label={`筛选 ${ledgerColumn.header}`}
        aria-pressed={active}
      >
        {active ? <FilterFilled /> : <FilterOutlined />}
      </button>
    </Popover>
  );
}

function TextFilter<T>({ column }: { column: Column<T, unknown> }) {
  const input = useImeInput((column.getFilterValue() as string | undefined) ?? '', (text) => column.setFilterValue(text));
  return <Input autoFocus allowClear placeholder="包含文字" {...input} aria-label="筛选文字" />;
}

/**
 * The values as a checkbox list inside the panel rather than a dropdown: a dropdown opened over
 * the panel covered its own 确定 button. Long lists get a search box and scroll in place.
 */
function SelectFilter<T>({
  column,
  filterValues,
  ledgerColumn,
}: {
  column: Column<T, unknown>;
  filterValues: (column: LedgerColumn<T>) => CellValue[];
  ledgerColumn: LedgerColumn<T>;
}) {
  const options = useMemo(() => distinctOptions(filterValues(ledgerColumn), ledgerColumn.filterOrder), [filterValues, ledgerColumn]);
  const [find, setFind] = useState('');
  // Shown from local state: a paged ledger re-queries 100,000 key rows on each tick, and the box
  // must answer the click at once, not when the table state has gone round (the panel is
  // remounted on 重置, so the local copy never outlives the filter it mirrors).
  const [value, setValue] = useState<SelectFilterValue>(() => (column.getFilterValue() as SelectFilterValue | undefined) ?? []);
  const terms = parseSearchQuery(find);
  const shown = terms.length === 0 ? options : options.filter((o) => matchesAllTerms(searchText([{ text: o.label }]), terms));
  return (
    <div className="ledger-table__filter-select">
      {options.length > 8 && <Input size="small" allowClear placeholder="查找取值" value={find} onChange={(e) => setFind(e.target.value)} aria-label="查找取值" />}
      <Checkbox.Group
        className="ledger-table__filter-options"
        aria-label="筛选取值"
        value={value}
        onChange={(next) => {
          setValue(next as string[]);
          column.setFilterValue(next as string[]);
        }}
      >
        {shown.map((o) => (
          <Checkbox key={o.value} value={o.value}>
            {o.label}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </div>
  );
}

const DATE_FORMAT = 'YYYY-MM-DD';

function DateRangeFilter<T>({ column }: { column: Column<T, unknown> }) {
  const [from, to] = (column.getFilterValue() as DateRangeFilterValue | undefined) ?? ['', ''];
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      format={DATE_FORMAT}
      placeholder={['开始日期', '结束日期']}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(dates) => {
        const next: DateRangeFilterValue = [
          dates?.[0]?.format(DATE_FORMAT) ?? '',
          dates?.[1]?.format(DATE_FORMAT) ?? '',
        ];
        column.setFilterValue(next);
      }}
    />
  );
}
