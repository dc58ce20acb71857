import { describe, expect, it } from 'vitest';
import { addAttachments, attachmentCounts, recordsWithAttachments, removeAttachment, restoreAttachment } from '../../../../../renderer/src/db/attachments';
import { schemaVersions } from '../../../../../renderer/src/db/schema';
import { advisor, freshDb, iso, oplog, reopen } from '../helpers';
import { node, send } from '../sync/syncHelpers';
import { pdfBytes, pngBytes, useStorableBlobs } from './attachmentHelpers';

useStorableBlobs();

const stipend = (advisorId: string, overrides: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), advisorId, year: 2026, amount: 60000, createdAt: iso, updatedAt: iso, ...overrides });

describe('附件 counts per record (有/无附件, issue 11)', () => {
  it('follow add, remove (tombstone) and restore, and are never logged or synced as a table', async () => {
    const db = await freshDb();
    const a = advisor();
    await db.advisors.add(a as never);
    const s = stipend(a.id);
    await db.advisorStipends.add(s as never);
    expect(await recordsWithAttachments(db, 'advisors')).toEqual(new Set());

    const [pdf, png] = await addAttachments(db, 'advisorStipends', s.id, [
      { name: '凭证.pdf', bytes: pdfBytes() },
      { name: '照片.png', bytes: pngBytes() },
    ]);
    expect(await db.attachmentCounts.toArray()).toEqual([{ table: 'advisorStipends', id: s.id, count: 2 }]);
    // The roster's 有附件: the advisor whose stipend carries the files.
    expect(await recordsWithAttachments(db, 'advisors')).toEqual(new Set([a.id]));

    await removeAttachment(db, pdf.id);
    expect((await attachmentCounts(db, 'advisorStipends')).get(s.id)).toBe(1);
    await removeAttachment(db, png.id);
    expect(await db.attachmentCounts.count()).toBe(0);
    expect(await recordsWithAttachments(db, 'advisors')).toEqual(new Set());
    await restoreAttachment(db, png.id);
    expect(await recordsWithAttachments(db, 'advisors')).toEqual(new Set([a.id]));
    expect((await oplog(db)).map((op) => String(op.table))).not.toContain('attachmentCounts');

    // A removed stipend no longer makes its advisor 有附件.
    await db.advisorStipends.update(s.id, { deletedAt: iso } as never);
    expect(await recordsWithAttachments(db, 'advisors')).toEqual(new Set());
  });

  it('are recomputed by the importing machine from the records it stores, never read from a bundle', async () => {
    const a = await node('甲');
    const b = await node('乙');
    const adv = advisor();
    await a.advisors.add(adv as never);
    const s = stipend(adv.id);
    await a.advisorStipends.add(s as never);
    const [file] = await addAttachments(a, 'advisorStipends', s.id, [{ name: '凭证.pdf', bytes: pdfBytes() }]);
    await send(a, b);
    expect(await b.attachmentCounts.toArray()).toEqual([{ table: 'advisorStipends', id: s.id, count: 1 }]);
    expect(await recordsWithAttachments(b, 'advisors')).toEqual(new Set([adv.id]));
    // The removal travels as a delete; the receiver's count follows.
    await removeAttachment(a, file.id);
    await send(a, b, { confirmLargeDelete: true });
    expect(await b.attachmentCounts.count()).toBe(0);
    expect(await recordsWithAttachments(b, 'advisors')).toEqual(new Set());
  });

  it('commissioners: files of a service log count for its commissioner', async () => {
    const db = await freshDb();
    const commissionerId = crypto.randomUUID();
    const logId = crypto.randomUUID();
    await db.serviceLogs.add({ id: logId, commissionerId, date: '2026-04-01', days: 1, mode: '线下', kind: '参与技术攻关', content: '现场指导', createdAt: iso, updatedAt: iso } as never);
    await addAttachments(db, 'serviceLogs', logId, [{ name: '签到表.pdf', bytes: pdfBytes() }]);
    expect(await recordsWithAttachments(db, 'commissioners')).toEqual(new Set([commissionerId]));
  });

  it('schema v17 counts the attachments already on file (a v14 database of the old shape)', async () => {
    const old = await freshDb({ versions: schemaVersions.filter((v) => v.version < 17) });
    const a = advisor();
    await old.advisors.add(a as never);
    const s = stipend(a.id);
    await old.advisorStipends.add(s as never);
    const sha = 'a'.repeat(64);
    const row = (overrides: Record<string, unknown>) => ({ id: crypto.randomUUID(), table: 'advisorStipends', recordId: s.id, name: '凭证.pdf', mime: 'application/pdf', size: 10, sha256: sha, addedBy: '李科员', addedAt: iso, createdAt: iso, updatedAt: iso, ...overrides });
    await old.attachments.bulkAdd([row({}), row({ name: '凭证2.pdf' }), row({ deletedAt: iso }), row({ table: 'advisorPlans', recordId: 'p1' })] as never);
    const log = await oplog(old);
    const db = await reopen(old);
    expect(db.verno).toBe(Math.max(...schemaVersions.map((v) => v.version)));
    expect(await oplog(db)).toEqual(log);
    expect(await db.attachmentCounts.orderBy(':id').toArray()).toEqual([
      { table: 'advisorPlans', id: 'p1', count: 1 },
      { table: 'advisorStipends', id: s.id, count: 2 },
    ]);
    expect(await recordsWithAttachments(db, 'advisors')).toEqual(new Set([a.id]));
    // And the write path keeps them from here on.
    await addAttachments(db, 'advisorStipends', s.id, [{ name: '新凭证.png', bytes: pngBytes(3) }]);
    expect((await attachmentCounts(db, 'advisorStipends')).get(s.id)).toBe(3);
  });
});
