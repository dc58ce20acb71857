import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LedgerTable, columnStorageKey, type LedgerColumn, type LedgerPagedSource } from '../../../../../renderer/src/components/LedgerTable';
import { PlatformProvider, type Platform } from '../../../../../renderer/src/platform';
import { readWorkbook } from '../../../../../renderer/src/components/Excel/workbookIo';
import { KeyIndex } from '../../../../../shared/search/keyIndex';
import { deriveKeyRow, ledgerKeySpecs } from '../../../../../shared/search/ledgerKeys';
import { stubGridLayout } from './support/gridLayout';

/** 导出 Excel on a paged LedgerTable: the rows on screen, read block by block, never the whole table. */
interface Person {
  id: string;
  name: string;
  status: string;
  homeInstitution: string;
  termStart: string;
  paid: number;
  updatedAt: string;
}
const N = 1_200;
const people: Person[] = Array.from({ length: N }, (_, i) => ({
  id: `p${String(i).padStart(5, '0')}`,
  name: `${i % 2 ? '张' : '李'}某${i}`,
  status: i % 3 ? '推荐' : '已聘任',
  homeInstitution: `=示范大学${i % 7}`,
  termStart: '2025-01-01',
  paid: i * 10.5,
  updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
}));
const byId = new Map(people.map((p) => [p.id, p]));

const COLUMNS: LedgerColumn<Person>[] = [
  { id: 'name', header: '姓名', accessor: (r) => r.name, key: 'name', filter: 'text' },
  { id: 'status', header: '状态', accessor: (r) => r.status, key: 'status', filter: 'select' },
  { id: 'unit', header: '所在单位', accessor: (r) => r.homeInstitution, key: 'homeInstitution' },
  { id: 'termStart', header: '聘期开始', accessor: (r) => r.termStart },
  { id: 'paid', header: '聘金', accessor: (r) => r.paid, exportAs: 'amount' },
  { id: 'actions', header: '操作', accessor: () => '', cell: () => <button type="button">删除</button> },
];

beforeAll(stubGridLayout);
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('LedgerTable 导出 Excel', { timeout: 60_000 }, () => {
  it('writes the filtered rows in displayed order with the visible columns, reading the paged source in blocks', async () => {
    // The clerk hid 聘期开始 in 列显示.
    localStorage.setItem(columnStorageKey('people'), JSON.stringify({ v: 1, hidden: ['termStart'] }));
    const reads: number[] = [];
    const source: LedgerPagedSource<Person> = {
      index: new KeyIndex(people.map((p) => deriveKeyRow('advisors', ledgerKeySpecs.advisors!, p as unknown as Record<string, unknown>))),
      version: 0,
      defaultSort: { field: 'updatedAt', desc: true },
      observeRows: (ids, onRows) => {
        void Promise.resolve().then(() => onRows(new Map(ids.map((id) => [id, byId.get(id)!]))));
        return () => undefined;
      },
      readRows: async (ids) => {
        reads.push(ids.length);
        return new Map(ids.map((id) => [id, byId.get(id)!]));
      },
    };
    const saved: { suggestedName: string; bytes: Uint8Array }[] = [];
    const platform = { saveFile: async (r: { suggestedName: string; bytes: Uint8Array }) => (saved.push(r), { saved: true, path: r.suggestedName }) } as unknown as Platform;
    render(
      <PlatformProvider platform={platform}>
        <LedgerTable<Person> tableId="people" ariaLabel="人员名册" columns={COLUMNS} source={source} getRowId={(r) => r.id} />
      </PlatformProvider>,
    );
    await act(() => Promise.resolve());
    fireEvent.change(screen.getByRole('searchbox', { name: '快速搜索' }), { target: { value: '张' } });
    await waitFor(() => expect(screen.getByTestId('ledger-count').getAttribute('data-count')).toBe(String(N / 2)));

    fireEvent.click(screen.getByTestId('ledger-excel'));
    fireEvent.click(await screen.findByTestId('ledger-export-displayed'));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 30_000 });

    expect(saved[0].suggestedName).toMatch(/^人员名册_\d{8}\.xlsx$/);
    // 600 rows in blocks of at most 500: the whole ledger is never read at once.
    expect(reads).toEqual([500, 100]);
    const [sheet] = await readWorkbook(saved[0].bytes, 'x.xlsx');
    expect(sheet.rows[0]).toEqual(['人员名册']);
    expect(String(sheet.rows[1][0])).toContain(`筛选出的 ${N / 2} 条记录（共 ${N} 条）`);
    expect(sheet.rows[2]).toEqual(['姓名', '状态', '所在单位', '聘金']);
    // Newest first, as on screen; formula-like text neutralised; amounts numeric.
    expect(sheet.rows[3]).toEqual(['张某1199', '推荐', "'=示范大学2", 12589.5]);
    expect(sheet.rows).toHaveLength(3 + N / 2);
  });
});
