import { useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { LedgerTable, type LedgerColumn, type LedgerPagedSource } from '../../../../../renderer/src/components/LedgerTable';
import { ledgerCollator } from '../../../../../shared/search/collation';
import { KeyIndex } from '../../../../../shared/search/keyIndex';
import { deriveKeyRow, ledgerKeySpecs, type LedgerKeyRow } from '../../../../../shared/search/ledgerKeys';
import { stubGridLayout } from './support/gridLayout';

/** LedgerTable in paged mode: the same filters, sort, quick search, selection and keys as in memory. */
interface Person {
  id: string;
  name: string;
  status: string;
  homeInstitution: string;
  updatedAt: string;
}
const STATUSES = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平';
const N = 3_000;
const people: Person[] = Array.from({ length: N }, (_, i) => ({
  id: `p${String(i).padStart(5, '0')}`,
  name: i === 777 ? '曾国藩' : SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 3) % GIVEN.length],
  status: STATUSES[i % STATUSES.length],
  homeInstitution: `示范大学${i % 13}`,
  updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
}));
const byId = new Map(people.map((p) => [p.id, p]));
let derived: LedgerKeyRow[] | null = null;
/** Derived once for the file (pinyin of 3,000 names); each test gets its own index. */
const keyRows = (): LedgerKeyRow[] => (derived ??= people.map((p) => deriveKeyRow('advisors', ledgerKeySpecs.advisors!, p as unknown as Record<string, unknown>)));

const COLUMNS: LedgerColumn<Person>[] = [
  { id: 'name', header: '姓名', accessor: (r) => r.name, key: 'name', personName: true, filter: 'text' },
  { id: 'status', header: '状态', accessor: (r) => r.status, key: 'status', filter: 'select', filterOrder: STATUSES },
  { id: 'unit', header: '所在单位', accessor: (r) => r.homeInstitution, key: 'homeInstitution' },
  { id: 'note', header: '备注', accessor: () => '—' },
];

beforeAll(stubGridLayout);
beforeEach(() => localStorage.clear());
afterEach(cleanup);

function source(index: KeyIndex, version = 0, reads: string[][] = []): LedgerPagedSource<Person> {
  return {
    index,
    version,
    defaultSort: { field: 'updatedAt', desc: true },
    observeRows: (ids, onRows) => {
      reads.push([...ids]);
      void Promise.resolve().then(() => onRows(new Map(ids.map((id) => [id, byId.get(id)!]))));
      return () => undefined;
    },
  };
}
// The rows of the window are read after the paint (a task after the next frame; jsdom draws
// frames on a timer), then delivered (a microtask).
const flush = () =>
  act(async () => {
    await new Promise((r) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => setTimeout(r, 0)) : setTimeout(r, 120)));
    await new Promise((r) => setTimeout(r, 0));
    await Promise.resolve();
  });
const shownNames = () => screen.getAllByRole('row').filter((r) => r.dataset.rowId).map((r) => within(r).getAllByRole('gridcell')[0].textContent);
const count = () => Number(screen.getByTestId('ledger-count').getAttribute('data-count'));
const search = () => screen.getByRole('searchbox', { name: '快速搜索' });

describe('LedgerTable in paged mode', { timeout: 30_000 }, () => {
  it('shows every match in the count but reads only the rows in view, newest first by default', async () => {
    const reads: string[][] = [];
    render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(new KeyIndex(keyRows()), 0, reads)} getRowId={(r) => r.id} />);
    await flush();
    expect(count()).toBe(N);
    expect(shownNames()[0]).toBe(people[N - 1].name);
    expect(screen.getAllByRole('row').length).toBeLessThan(60);
    expect(Math.max(...reads.map((r) => r.length))).toBeLessThanOrEqual(100);
  });

  it('sorts by 姓名 in the collator’s order; a column without a key is not sortable', async () => {
    render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(new KeyIndex(keyRows()))} getRowId={(r) => r.id} />);
    await flush();
    fireEvent.click(within(screen.getAllByRole('columnheader')[0]).getByRole('button', { name: '姓名' }));
    await flush();
    const expected = [...people].sort((a, b) => ledgerCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)).slice(0, 5).map((p) => p.name);
    expect(shownNames().slice(0, 5)).toEqual(expected);
    expect(within(screen.getAllByRole('columnheader')[3]).queryByRole('button')).toBeNull();
  });

  it('finds by pinyin initials at once, but waits while an IME composition is open', async () => {
    render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(new KeyIndex(keyRows()))} getRowId={(r) => r.id} />);
    await flush();
    fireEvent.compositionStart(search());
    fireEvent.change(search(), { target: { value: "zeng'guo" } });
    expect(count()).toBe(N);
    fireEvent.change(search(), { target: { value: '曾国' } });
    fireEvent.compositionEnd(search());
    await flush();
    expect(count()).toBe(1);
    fireEvent.change(search(), { target: { value: 'ZGF' } });
    await flush();
    expect(count()).toBe(1);
    expect(shownNames()).toEqual(['曾国藩']);
  });

  it('selects all matching records, not just the rows in view, and 清除全部筛选 resets', async () => {
    const onSelectionChange = vi.fn();
    render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(new KeyIndex(keyRows()))} getRowId={(r) => r.id} selectable onSelectionChange={onSelectionChange} />);
    await flush();
    fireEvent.change(search(), { target: { value: '示范大学1' } });
    await flush();
    const matching = people.filter((p) => p.homeInstitution.startsWith('示范大学1')).length;
    expect(count()).toBe(matching);
    fireEvent.click(screen.getByRole('checkbox', { name: '全选筛选结果' }));
    expect(onSelectionChange.mock.lastCall?.[0]).toHaveLength(matching);
    fireEvent.click(screen.getByTestId('ledger-clear-filters'));
    await flush();
    expect(count()).toBe(N);
  });

  it('moves with the keyboard and activates a row with Enter', async () => {
    const onRowActivate = vi.fn();
    render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(new KeyIndex(keyRows()))} getRowId={(r) => r.id} onRowActivate={onRowActivate} />);
    await flush();
    const grid = screen.getByRole('grid');
    fireEvent.focus(grid);
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onRowActivate).toHaveBeenCalledWith(people[N - 2]);
  });

  it('follows a committed change: the index updates in place and the page shows it', async () => {
    const index = new KeyIndex(keyRows());
    const { rerender } = render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(index)} getRowId={(r) => r.id} />);
    await flush();
    fireEvent.change(search(), { target: { value: 'sxx' } });
    await flush();
    expect(count()).toBe(0);
    const renamed = { ...people[5], name: '单小贤', updatedAt: '2026-12-01T00:00:00.000Z' };
    byId.set(renamed.id, renamed);
    index.upsert([deriveKeyRow('advisors', ledgerKeySpecs.advisors!, renamed as unknown as Record<string, unknown>)]);
    rerender(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(index, 1)} getRowId={(r) => r.id} />);
    await flush();
    expect(count()).toBe(1);
    expect(shownNames()).toEqual(['单小贤']);
    byId.set(people[5].id, people[5]);
  });
});

/** What a keystroke, a sort or a write costs the grid: rows drawn again, DOM built again. */
describe('LedgerTable in paged mode draws only what changed', { timeout: 30_000 }, () => {
  /** A source whose reads the test delivers itself (as a live query does after a write). */
  function manualSource(index: KeyIndex) {
    const deliveries: ((rows: ReadonlyMap<string, Person>) => void)[] = [];
    const src: LedgerPagedSource<Person> = {
      index,
      version: 0,
      defaultSort: { field: 'updatedAt', desc: true },
      observeRows: (ids, onRows) => {
        deliveries.push(onRows);
        void Promise.resolve().then(() => onRows(new Map(ids.map((id) => [id, byId.get(id)!]))));
        return () => undefined;
      },
    };
    return { src, deliver: (rows: ReadonlyMap<string, Person>) => act(() => deliveries[deliveries.length - 1](rows)) };
  }
  const shownIds = () => screen.getAllByRole('row').map((r) => r.dataset.rowId).filter((id): id is string => Boolean(id));

  it('a row read again with the same data is not drawn again; the one that changed is', async () => {
    const drawn: string[] = [];
    const columns: LedgerColumn<Person>[] = [{ id: 'name', header: '姓名', accessor: (r) => r.name, key: 'name', cell: (r) => (drawn.push(r.id), r.name) }, ...COLUMNS.slice(1)];
    const { src, deliver } = manualSource(new KeyIndex(keyRows()));
    render(<LedgerTable<Person> tableId="paged" columns={columns} source={src} getRowId={(r) => r.id} />);
    await flush();
    const ids = shownIds();
    expect(ids.length).toBeGreaterThan(5);
    drawn.length = 0;
    // The live read after a write elsewhere: new objects, one of them with a new name.
    const changed = ids[2];
    await deliver(new Map(ids.map((id) => [id, id === changed ? { ...byId.get(id)!, name: '韦改名' } : { ...byId.get(id)! }])));
    expect(drawn).toEqual([changed]);
    expect(shownNames()[2]).toBe('韦改名');
    // The same read once more: nothing is drawn at all.
    drawn.length = 0;
    await deliver(new Map(ids.map((id) => [id, id === changed ? { ...byId.get(id)!, name: '韦改名' } : { ...byId.get(id)! }])));
    expect(drawn).toEqual([]);
  });

  it('reads the records of a search’s rows only after the results are painted', async () => {
    const reads: string[][] = [];
    render(<LedgerTable<Person> tableId="paged" columns={COLUMNS} source={source(new KeyIndex(keyRows()), 0, reads)} getRowId={(r) => r.id} />);
    await flush();
    const before = reads.length;
    fireEvent.change(search(), { target: { value: '示范大学3' } });
    // The task right after the keystroke (before the frame) starts no read …
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(reads.length).toBe(before);
    // … while the results are on screen already, drawn from their key rows.
    expect(count()).toBe(people.filter((p) => p.homeInstitution.startsWith('示范大学3')).length);
    expect(shownNames().length).toBeGreaterThan(0);
    await flush();
    expect(reads.length).toBe(before + 1);
  });

  it('a search rewrites the rows on screen in place, and a cell’s own state stays with its record', async () => {
    /** A cell with state of its own (like an open 作废 confirmation): it remembers whose it is. */
    function Owner({ id }: { id: string }) {
      const [owner] = useState(id);
      return <span data-testid="owner">{owner}</span>;
    }
    const columns: LedgerColumn<Person>[] = [...COLUMNS, { id: 'owner', header: '归属', accessor: (r) => r.id, cell: (r) => <Owner id={r.id} /> }];
    render(<LedgerTable<Person> tableId="paged" columns={columns} source={source(new KeyIndex(keyRows()))} getRowId={(r) => r.id} />);
    await flush();
    const firstRow = screen.getAllByRole('row').find((r) => r.dataset.rowId)!;
    const before = firstRow.dataset.rowId;
    fireEvent.change(search(), { target: { value: '示范大学7' } });
    await flush();
    const after = screen.getAllByRole('row').find((r) => r.dataset.rowId)!;
    expect(after.dataset.rowId).not.toBe(before);
    // The same element, its text rewritten (keys by id would have removed it and built another).
    expect(after).toBe(firstRow);
    for (const row of screen.getAllByRole('row').filter((r) => r.dataset.rowId)) expect(within(row).getByTestId('owner').textContent).toBe(row.dataset.rowId);
  });
});

