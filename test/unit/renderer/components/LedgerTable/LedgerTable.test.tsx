import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { LedgerTable, type LedgerColumn } from '../../../../../renderer/src/components/LedgerTable';
import { columnStorageKey } from '../../../../../renderer/src/components/LedgerTable/useColumnVisibility';
import { stubGridLayout } from './support/gridLayout';

interface Advisor {
  id: string;
  name: string;
  unit: string;
  joined: string;
}
const ROWS: Advisor[] = [
  { id: 'a1', name: '张三', unit: '杭州市科技局', joined: '2024-03-01' },
  { id: 'a2', name: '李四', unit: '宁波大学', joined: '2023-12-31' },
  { id: 'a3', name: '王五', unit: '温州医科大学', joined: '2024-01-15' },
  { id: 'a4', name: '赵六', unit: '杭州电子科技大学', joined: '' },
];
const COLUMNS: LedgerColumn<Advisor>[] = [
  { id: 'name', header: '姓名', accessor: (r) => r.name, width: 100, filter: 'text' },
  { id: 'unit', header: '工作单位', accessor: (r) => r.unit, width: 200, filter: 'select' },
  { id: 'joined', header: '入库日期', accessor: (r) => r.joined, width: 120, filter: 'dateRange' },
];

// jsdom has no layout: give the scroller a size so the virtualizer renders rows.
beforeAll(stubGridLayout);
beforeEach(() => localStorage.clear());
afterEach(cleanup);

function renderTable(props: Partial<Parameters<typeof LedgerTable<Advisor>>[0]> = {}) {
  return render(
    <LedgerTable<Advisor> tableId="advisors" columns={COLUMNS} rows={ROWS} getRowId={(r) => r.id} {...props} />,
  );
}
const grid = () => screen.getByRole('grid');
const shownNames = () =>
  screen.getAllByRole('row').filter((r) => r.dataset.rowId).map((r) => within(r).getAllByRole('gridcell').map((c) => c.textContent)).map((cells) => cells.find((t) => t && /[张李王赵]/.test(t)));
const countText = () => screen.getByTestId('ledger-count').textContent;

describe('LedgerTable', () => {
  it('a long value ends in … with its whole text in the cell title, from the accessor or a custom text cell', () => {
    const long = '广西壮族自治区示范智能装备制造股份有限公司南宁分公司';
    const rows = [{ ...ROWS[0], unit: long }];
    const columns: LedgerColumn<Advisor>[] = [COLUMNS[0], { id: 'unit', header: '工作单位', accessor: (r) => r.unit, width: 120, cell: (r) => r.unit }];
    renderTable({ rows, columns });
    const cell = screen.getAllByRole('gridcell').find((c) => c.textContent === long)!;
    expect(cell.getAttribute('title')).toBe(long);
    // The ellipsis span (text-overflow: ellipsis), not a bare text node clipped without a sign.
    expect(cell.querySelector('.ledger-table__text')?.textContent).toBe(long);
  });

  it('renders an ARIA grid with a row count and Chinese counts', () => {
    renderTable();
    expect(grid().getAttribute('aria-rowcount')).toBe('5');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['姓名', '工作单位', '入库日期']);
    expect(shownNames()).toEqual(['张三', '李四', '王五', '赵六']);
    expect(countText()).toContain('共 4 条');
  });

  it('sorts by pinyin on header click: asc, desc, none', () => {
    renderTable();
    const sortButton = within(screen.getAllByRole('columnheader')[0]).getByRole('button', { name: '姓名' });
    fireEvent.click(sortButton);
    expect(shownNames()).toEqual(['李四', '王五', '张三', '赵六']);
    expect(screen.getAllByRole('columnheader')[0].getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(sortButton);
    expect(shownNames()).toEqual(['赵六', '张三', '王五', '李四']);
    fireEvent.click(sortButton);
    expect(shownNames()).toEqual(['张三', '李四', '王五', '赵六']);
  });

  it('keeps empty dates last when sorting descending', () => {
    renderTable();
    const dateSort = within(screen.getAllByRole('columnheader')[2]).getByRole('button', { name: '入库日期' });
    fireEvent.click(dateSort);
    fireEvent.click(dateSort);
    expect(shownNames()).toEqual(['张三', '王五', '李四', '赵六']);
  });

  it('quick search filters rows and updates the count', () => {
    renderTable();
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: ' 杭州 ' } });
    expect(shownNames()).toEqual(['张三', '赵六']);
    expect(countText()).toContain('共 2 条（全部 4 条）');
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '不存在' } });
    expect(screen.getByTestId('ledger-empty').textContent).toContain('没有符合条件的记录');
  });

  it('reports the displayed rows (filtered, in order) for printing', () => {
    const onDisplayedRowsChange = vi.fn();
    renderTable({ onDisplayedRowsChange });
    expect(onDisplayedRowsChange).toHaveBeenLastCalledWith(ROWS);
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '杭州' } });
    expect(onDisplayedRowsChange.mock.lastCall?.[0].map((r: Advisor) => r.name)).toEqual(['张三', '赵六']);
  });

  it('applies a text column filter from the header popover', async () => {
    renderTable();
    fireEvent.click(screen.getByRole('button', { name: '筛选 姓名' }));
    const input = await screen.findByRole('textbox', { name: '筛选文字' });
    fireEvent.change(input, { target: { value: '四' } });
    expect(shownNames()).toEqual(['李四']);
    expect(screen.getByRole('button', { name: '筛选 姓名' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows emptyText when there are no rows', () => {
    renderTable({ rows: [], emptyText: '暂无专家' });
    expect(screen.getByTestId('ledger-empty').textContent).toContain('暂无专家');
  });
});

describe('LedgerTable column visibility', () => {
  const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

  it('remembers hidden columns per table across remounts', async () => {
    const { unmount } = renderTable();
    fireEvent.click(screen.getByTestId('ledger-column-chooser'));
    const panel = await screen.findByTestId('ledger-column-panel');
    fireEvent.click(within(panel).getByRole('checkbox', { name: '工作单位' }));
    expect(headers()).toEqual(['姓名', '入库日期']);
    expect(JSON.parse(localStorage.getItem(columnStorageKey('advisors'))!).hidden).toEqual(['unit']);
    unmount();
    renderTable();
    expect(headers()).toEqual(['姓名', '入库日期']);
    cleanup();
    renderTable({ tableId: 'other' });
    expect(headers()).toEqual(['姓名', '工作单位', '入库日期']);
  });

  it.each([
    ['not JSON', '{oops'],
    ['wrong shape', '{"hidden": 5}'],
    ['every column hidden', '{"v":1,"hidden":["name","unit","joined"]}'],
  ])('ignores corrupt stored visibility (%s)', (_label, stored) => {
    localStorage.setItem(columnStorageKey('advisors'), stored);
    renderTable();
    expect(headers()).toEqual(['姓名', '工作单位', '入库日期']);
  });

  it('drops unknown ids from storage but keeps the known ones', () => {
    localStorage.setItem(columnStorageKey('advisors'), '{"v":1,"hidden":["gone","joined"]}');
    renderTable();
    expect(headers()).toEqual(['姓名', '工作单位']);
  });

  it('quick search only looks at visible columns', () => {
    localStorage.setItem(columnStorageKey('advisors'), '{"v":1,"hidden":["unit"]}');
    renderTable();
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '杭州' } });
    expect(countText()).toContain('共 0 条');
  });
});

describe('LedgerTable keyboard and selection', () => {
  it('moves the active row with the keyboard and activates it with Enter', () => {
    const onRowActivate = vi.fn();
    renderTable({ onRowActivate });
    const g = grid();
    act(() => g.focus());
    const activeRow = () => document.getElementById(g.getAttribute('aria-activedescendant') ?? '')?.dataset.rowId;
    expect(activeRow()).toBe('a1');
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    expect(activeRow()).toBe('a3');
    fireEvent.keyDown(g, { key: 'ArrowUp' });
    expect(activeRow()).toBe('a2');
    fireEvent.keyDown(g, { key: 'End' });
    expect(activeRow()).toBe('a4');
    fireEvent.keyDown(g, { key: 'Home' });
    fireEvent.keyDown(g, { key: 'PageDown' });
    expect(activeRow()).toBe('a4');
    fireEvent.keyDown(g, { key: 'Enter' });
    expect(onRowActivate).toHaveBeenCalledTimes(1);
    expect(onRowActivate).toHaveBeenCalledWith(ROWS[3]);
  });

  it('activates a row on double click', () => {
    const onRowActivate = vi.fn();
    renderTable({ onRowActivate });
    fireEvent.doubleClick(screen.getAllByRole('row').find((r) => r.dataset.rowId === 'a2')!);
    expect(onRowActivate).toHaveBeenCalledWith(ROWS[1]);
  });

  it('toggles selection with Space and checkboxes, and shows 已选 N 条', () => {
    const onSelectionChange = vi.fn();
    renderTable({ selectable: true, onSelectionChange });
    const g = grid();
    act(() => g.focus());
    fireEvent.keyDown(g, { key: ' ' });
    expect(onSelectionChange).toHaveBeenLastCalledWith(['a1']);
    expect(screen.getByTestId('ledger-selected-count').textContent).toBe('已选 1 条');
    const row = (id: string) => screen.getAllByRole('row').find((r) => r.dataset.rowId === id)!;
    expect(row('a1').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(row('a3')).getByRole('checkbox'));
    expect(screen.getByTestId('ledger-selected-count').textContent).toBe('已选 2 条');
    // Shift-click extends from the last toggled row (a3) to a4.
    fireEvent.click(within(row('a4')).getByRole('checkbox'), { shiftKey: true });
    expect(onSelectionChange).toHaveBeenLastCalledWith(['a1', 'a3', 'a4']);
  });

  it('draws rows without antd components (a sort or a keystroke re-mounts every row in view)', () => {
    renderTable({ selectable: true });
    const rows = screen.getAllByRole('row').filter((r) => r.dataset.rowId);
    expect(rows).toHaveLength(ROWS.length);
    // antd's CSS-in-JS registers and removes styles per mounted component: rows carry none.
    for (const r of rows) expect(r.querySelector('[class*="ant-"]')).toBeNull();
  });

  it('select-all selects only the filtered rows', () => {
    const onSelectionChange = vi.fn();
    renderTable({ selectable: true, onSelectionChange });
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '杭州' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '全选筛选结果' }));
    expect(onSelectionChange).toHaveBeenLastCalledWith(['a1', 'a4']);
    expect(screen.getByTestId('ledger-selected-count').textContent).toBe('已选 2 条');
    fireEvent.click(screen.getByRole('checkbox', { name: '取消全选' }));
    expect(onSelectionChange).toHaveBeenLastCalledWith([]);
  });

  it('drops selected ids whose rows disappear', () => {
    const onSelectionChange = vi.fn();
    const { rerender } = renderTable({ selectable: true, onSelectionChange });
    fireEvent.click(screen.getByRole('checkbox', { name: '全选筛选结果' }));
    rerender(
      <LedgerTable<Advisor> tableId="advisors" columns={COLUMNS} rows={ROWS.slice(1)} getRowId={(r) => r.id} selectable onSelectionChange={onSelectionChange} />,
    );
    expect(onSelectionChange).toHaveBeenLastCalledWith(['a2', 'a3', 'a4']);
    expect(screen.getByTestId('ledger-selected-count').textContent).toBe('已选 3 条');
  });
});
