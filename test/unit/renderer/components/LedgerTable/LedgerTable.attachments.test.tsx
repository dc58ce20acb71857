import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LedgerTable, type LedgerColumn, type LedgerPagedSource } from '../../../../../renderer/src/components/LedgerTable';
import { DbProvider } from '../../../../../renderer/src/db/DbContext';
import { addAttachments, removeAttachment } from '../../../../../renderer/src/db/attachments';
import type { SciLedgerDb } from '../../../../../renderer/src/db/database';
import { KeyIndex } from '../../../../../shared/search/keyIndex';
import { deriveKeyRow, ledgerKeySpecs } from '../../../../../shared/search/ledgerKeys';
import { freshDb } from '../../db/helpers';
import { pdfBytes, useStorableBlobs } from '../../db/attachments/attachmentHelpers';
import { stubGridLayout } from './support/gridLayout';

/**
 * 有/无附件 on the toolbar of every ledger whose records hold 附件 (issue 11): in memory (整改事项,
 * 聘金, 工作方案), paged (the rosters) and for a list that pages itself (服务日志); 清除全部筛选
 * resets it with the other filters.
 */
useStorableBlobs();

interface Item {
  id: string;
  name: string;
}
const ROWS: Item[] = [
  { id: 'i1', name: '培训通知' },
  { id: 'i2', name: '签到表' },
  { id: 'i3', name: '培训图片' },
  { id: 'i4', name: '申报指南' },
];
const COLUMNS: LedgerColumn<Item>[] = [{ id: 'name', header: '名称', accessor: (r) => r.name, width: 160, filter: 'text' }];
const ITEMS = { table: 'rectificationItems' };

beforeAll(stubGridLayout);
beforeEach(() => localStorage.clear());
afterEach(cleanup);

const shownIds = () => screen.queryAllByRole('row').map((r) => r.dataset.rowId).filter((id): id is string => !!id);
const count = () => Number(screen.getByTestId('ledger-count').dataset.count);

/** Live queries answer late on a loaded machine: wait for the state, not a fixed time. */
const eventually = (check: () => void) => waitFor(check, { timeout: 15_000 });

async function choose(label: '附件不限' | '有附件' | '无附件') {
  fireEvent.mouseDown(within(screen.getByTestId('attachment-filter')).getByRole('combobox'));
  const option = await waitFor(
    () => {
      const found = document.querySelectorAll<HTMLElement>(`.ant-select-item-option[title="${label}"]`);
      const last = found[found.length - 1];
      if (!last) throw new Error(`no option ${label}`);
      return last;
    },
    { timeout: 15_000 },
  );
  fireEvent.click(option);
}
const chosen = () => screen.getByTestId('attachment-filter').textContent;

async function withFiles(db: SciLedgerDb, table: string, ids: string[]) {
  const added = [];
  for (const id of ids) added.push(...(await addAttachments(db, table as never, id, [{ name: `${id}.pdf`, bytes: pdfBytes(ids.indexOf(id)) }])));
  return added;
}

describe('LedgerTable 有/无附件', () => {
  it('in memory: keeps the rows with files, or without, live as files come and go; 清除全部筛选 resets it', async () => {
    const db = await freshDb();
    const [fileOfI2] = await withFiles(db, 'rectificationItems', ['i2', 'i4']);
    render(
      <DbProvider db={db}>
        <LedgerTable<Item> tableId="items" columns={COLUMNS} rows={ROWS} getRowId={(r) => r.id} attachments={ITEMS} />
      </DbProvider>,
    );
    expect(chosen()).toContain('附件不限');
    expect(shownIds()).toEqual(['i1', 'i2', 'i3', 'i4']);

    await choose('有附件');
    await eventually(() => expect(shownIds()).toEqual(['i2', 'i4']));
    expect(screen.getByTestId('ledger-count').textContent).toContain('共 2 条（全部 4 条）');

    // A file removed elsewhere (another dialog, a sync) leaves the filtered list at once.
    await act(() => removeAttachment(db, fileOfI2.id));
    await eventually(() => expect(shownIds()).toEqual(['i4']));

    await choose('无附件');
    await eventually(() => expect(shownIds()).toEqual(['i1', 'i2', 'i3']));

    // With the quick search too, 清除全部筛选 clears both: every row, and the choice shows 附件不限.
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '培训' } });
    await eventually(() => expect(shownIds()).toEqual(['i1', 'i3']));
    fireEvent.click(screen.getByTestId('ledger-clear-filters'));
    await eventually(() => expect(shownIds()).toEqual(['i1', 'i2', 'i3', 'i4']));
    expect(chosen()).toContain('附件不限');
    // Kept mounted (a first keystroke must not mount it), hidden while nothing is filtered.
    expect(screen.getByTestId('ledger-clear-filters').style.display).toBe('none');
  });

  it('paged: narrows the key index’s matching ids (after search), and 清除全部筛选 resets it', async () => {
    const db = await freshDb();
    const people = ['陈思远', '林若溪', '周明哲', '陈晓'].map((name, i) => ({ id: `a${i}`, name, status: '已聘任', updatedAt: `2026-0${i + 1}-01T00:00:00.000Z` }));
    const byId = new Map(people.map((p) => [p.id, p]));
    const index = new KeyIndex(people.map((p) => deriveKeyRow('advisors', ledgerKeySpecs.advisors!, p as never)));
    const source: LedgerPagedSource<(typeof people)[number]> = {
      index,
      version: 0,
      defaultSort: { field: 'updatedAt', desc: false },
      observeRows: (ids, onRows) => {
        void Promise.resolve().then(() => onRows(new Map(ids.map((id) => [id, byId.get(id)!]))));
        return () => undefined;
      },
    };
    // 陈思远's files hang on his 聘金 record: the roster counts its children's files.
    const stipendId = crypto.randomUUID();
    await db.advisorStipends.add({ id: stipendId, advisorId: 'a0', year: 2026, amount: 300000, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } as never);
    await withFiles(db, 'advisorStipends', [stipendId]);
    const columns: LedgerColumn<(typeof people)[number]>[] = [{ id: 'name', header: '姓名', accessor: (r) => r.name, key: 'name', filter: 'text' }];
    render(
      <DbProvider db={db}>
        <LedgerTable tableId="roster" columns={columns} source={source} getRowId={(r) => r.id} attachments={{ table: 'advisors' }} />
      </DbProvider>,
    );
    await eventually(() => expect(count()).toBe(4));
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '陈' } });
    await eventually(() => expect(count()).toBe(2));
    await choose('有附件');
    await eventually(() => expect(shownIds()).toEqual(['a0']));
    await choose('无附件');
    await eventually(() => expect(shownIds()).toEqual(['a3']));
    fireEvent.click(screen.getByTestId('ledger-clear-filters'));
    await eventually(() => expect(count()).toBe(4));
    expect(chosen()).toContain('附件不限');
  });

  it('a list that pages itself is told the choice (and 附件不限 on 清除全部筛选) and its rows are shown as given', async () => {
    const db = await freshDb();
    await withFiles(db, 'serviceLogs', ['i2']);
    const onChange = vi.fn();
    render(
      <DbProvider db={db}>
        <LedgerTable<Item> tableId="logs" columns={COLUMNS} rows={ROWS} getRowId={(r) => r.id} attachments={{ table: 'serviceLogs', onChange }} />
      </DbProvider>,
    );
    await choose('有附件');
    await eventually(() => expect(onChange).toHaveBeenLastCalledWith('with'));
    // The list filters before paging; the grid does not filter its page a second time.
    expect(shownIds()).toEqual(['i1', 'i2', 'i3', 'i4']);
    fireEvent.click(screen.getByTestId('ledger-clear-filters'));
    await eventually(() => expect(onChange).toHaveBeenLastCalledWith('all'));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('is offered only where records hold 附件 (and a table of plain rows needs no database)', () => {
    render(<LedgerTable<Item> tableId="plain" columns={COLUMNS} rows={ROWS} getRowId={(r) => r.id} />);
    expect(screen.queryByTestId('attachment-filter')).toBeNull();
  });
});
