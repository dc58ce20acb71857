/**
 * Issue 10 in the 数据交换 screens: 已删除的记录在对方有修改 with its 恢复 button (the restore is a
 * tracked edit), and the 待补全 notice for records waiting for their missing ops.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { DbProvider } from '../../../../../renderer/src/db/DbContext';
import type { SciLedgerDb } from '../../../../../renderer/src/db/database';
import { DeletedWithEditsList } from '../../../../../renderer/src/features/exchange/DeletedWithEditsList';
import { PendingRecordsNotice } from '../../../../../renderer/src/features/exchange/PendingRecordsNotice';
import { advisor, freshDb, iso, oplog } from '../../db/helpers';

afterEach(() => cleanup());

const inApp = (db: SciLedgerDb, node: React.ReactNode) =>
  render(
    <DbProvider db={db}>
      <App>{node}</App>
    </DbProvider>,
  );

describe('DeletedWithEditsList', () => {
  it('names the record, who deleted it and what the other machine edited; 恢复 makes it live again as a tracked edit', async () => {
    const db = await freshDb();
    const x = advisor({ deletedAt: iso, notes: '已补交材料' });
    await db.advisors.add(x);
    inApp(
      db,
      <DeletedWithEditsList
        items={[{ table: 'advisors', label: '科技顾问', id: x.id, name: x.name, deletedBy: '王科员（本机）', deletedAt: iso, edits: [{ by: '李科员（乙）', at: iso, fields: ['备注'] }] }]}
      />,
    );
    expect(screen.getByText('已删除的记录在对方有修改（1 条）')).toBeTruthy();
    expect(screen.getByText(`科技顾问：${x.name}`)).toBeTruthy();
    expect(screen.getByText(/李科员（乙）于 .* 修改了备注。/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /^恢\s*复$/ }));
    await waitFor(async () => expect((await db.advisors.get(x.id))?.deletedAt).toBeNull());
    expect((await oplog(db)).at(-1)).toMatchObject({ id: x.id, fields: { deletedAt: null } });
    expect(await screen.findByRole('button', { name: '已恢复' })).toBeTruthy();
  });
});

describe('PendingRecordsNotice', () => {
  it('is absent when nothing waits, and tells how many records wait and what to do', async () => {
    const db = await freshDb();
    const { container } = inApp(db, <PendingRecordsNotice />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
    const id = crypto.randomUUID();
    await db.pendingRecords.put({ table: 'advisors', id, record: { id, name: '陈思远', updatedAt: iso }, problem: '字段“称号”：必填' });
    expect(await screen.findByText(/待补全：1 条记录只收到了后来的修改/)).toBeTruthy();
    expect(screen.getByText('科技顾问：陈思远（字段“称号”：必填）')).toBeTruthy();
    expect(screen.getByText(/全量导出/)).toBeTruthy();
  });
});
