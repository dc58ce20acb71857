import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { Button, Input } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { ColumnChooser } from './ColumnChooser';
import { useImeInput } from './useImeInput';
import type { ColumnVisibility } from './useColumnVisibility';
import type { LedgerColumn } from './types';

interface Props<T> {
  query: string;
  onQueryChange: (query: string) => void;
  /** Filters of the ledger outside its columns (有/无附件), beside the search box. */
  filters?: ReactNode;
  extra?: ReactNode;
  /** 导出 Excel (every ledger) and 导入 Excel (ledgers with an import target). */
  excel?: ReactNode;
  columns: readonly LedgerColumn<T>[];
  visibility: ColumnVisibility;
  /** null while a paged ledger is still counting. */
  shownCount: number | null;
  totalCount: number;
  filtered: boolean;
  onClearFilters: () => void;
  selectable: boolean;
  selectedCount: number;
}

// One formatter: toLocaleString builds a new one on every call (most of the toolbar's time per keystroke).
const countFormat = new Intl.NumberFormat('zh-CN');
const formatCount = (n: number) => countFormat.format(n);
const HIDDEN: CSSProperties = { display: 'none' };

/** Quick search, the caller's extra buttons, the counts and the column chooser. */
export function LedgerToolbar<T>(props: Props<T>) {
  const { query, onQueryChange, extra, columns, visibility } = props;
  const search = useImeInput(query, onQueryChange);
  const { shownCount, totalCount, filtered, selectable, selectedCount, onClearFilters } = props;
  // Always mounted, hidden while nothing is filtered: the first keystroke of a search would
  // otherwise mount an antd Button (and register its styles) on the way to painting the results.
  const clearButton = useMemo(
    () => (
      <Button type="link" size="small" icon={<ClearOutlined />} onClick={onClearFilters} data-testid="ledger-clear-filters" aria-label="清除全部筛选" title="清除全部筛选" style={filtered ? undefined : HIDDEN}>
        <span className="ledger-table__label">清除全部筛选</span>
      </Button>
    ),
    [filtered, onClearFilters],
  );
  return (
    <div className={filtered ? 'ledger-table__toolbar ledger-table__toolbar--filtered' : 'ledger-table__toolbar'}>
      <Input.Search
        className="ledger-table__search"
        placeholder="快速搜索"
        aria-label="快速搜索"
        allowClear
        {...search}
        onSearch={(value) => onQueryChange(value)}
        data-testid="ledger-quick-search"
      />
      {props.filters}
      {clearButton}
      {extra && <div className="ledger-table__extra">{extra}</div>}
      {props.excel && <div className="ledger-table__excel">{props.excel}</div>}
      <div className="ledger-table__spacer" />
      <span className="ledger-table__count" role="status" aria-live="polite" data-testid="ledger-count" data-count={shownCount ?? undefined}>
        共 {shownCount === null ? '…' : formatCount(shownCount)} 条{filtered && shownCount !== null && shownCount !== totalCount ? `（全部 ${formatCount(totalCount)} 条）` : ''}
        {selectable && (
          <span className="ledger-table__selected" data-testid="ledger-selected-count" data-count={selectedCount}>
            已选 {formatCount(selectedCount)} 条
          </span>
        )}
      </span>
      <ColumnChooser columns={columns} visibility={visibility} />
    </div>
  );
}
