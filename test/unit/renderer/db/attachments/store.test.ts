import { describe, expect, it } from 'vitest';
import { addAttachments, attachmentCounts, attachmentUsage, listAttachments, readAttachmentBytes, removeAttachment, restoreAttachment, saveAttachmentSettings, AttachmentError } from '../../../../../renderer/src/db/attachments';
import { schemaVersions } from '../../../../../renderer/src/db/schema';
import { pureSha256Hex } from '../../../../../shared/attachments';
import { advisor, freshDb, oplog, reopen } from '../helpers';
import { dumpAll } from '../sync/syncHelpers';
import { pdfBytes, pngBytes, stipendId, useStorableBlobs } from './attachmentHelpers';

useStorableBlobs();

describe('附件 storage (issue 11)', () => {
  it('stores a file once by SHA-256, links it through the tracked write path, and reads it back', async () => {
    const db = await freshDb();
    db.setCurrentOperator('李科员');
    const pdf = pdfBytes();
    const [a] = await addAttachments(db, 'advisorStipends', stipendId, [{ name: '聘金凭证.pdf', bytes: pdf }]);
    expect(a).toMatchObject({ table: 'advisorStipends', recordId: stipendId, name: '聘金凭证.pdf', mime: 'application/pdf', size: pdf.length, addedBy: '李科员' });
    expect(a.sha256).toBe(await pureSha256Hex(pdf));
    expect(Array.from((await readAttachmentBytes(db, a.sha256)) ?? [])).toEqual(Array.from(pdf));
    const log = await oplog(db);
    expect(log.at(-1)).toMatchObject({ table: 'attachments', id: a.id, operator: '李科员', fields: { sha256: a.sha256, size: pdf.length } });

    // The same scan on another record: a second attachment record, still one stored file.
    const other = crypto.randomUUID();
    const [b] = await addAttachments(db, 'advisorPlans', other, [{ name: 'C:\\扫描\\聘金凭证.pdf', bytes: pdf }]);
    expect(b.sha256).toBe(a.sha256);
    expect(b.name).toBe('聘金凭证.pdf');
    expect(await db.attachmentBlobs.count()).toBe(1);
    expect((await attachmentUsage(db, { estimate: async () => null })).storedBytes).toBe(pdf.length);
  });

  it('removal is a tombstone (synced as a delete), 恢复 brings it back; counts follow', async () => {
    const db = await freshDb();
    const [a, b] = await addAttachments(db, 'advisorStipends', stipendId, [
      { name: '凭证.pdf', bytes: pdfBytes() },
      { name: '现场照片.png', bytes: pngBytes() },
    ]);
    expect((await attachmentCounts(db, 'advisorStipends')).get(stipendId)).toBe(2);
    await removeAttachment(db, a.id);
    expect((await oplog(db)).at(-1)).toMatchObject({ table: 'attachments', id: a.id, deleted: true });
    expect((await attachmentCounts(db, 'advisorStipends', [stipendId])).get(stipendId)).toBe(1);
    const listed = await listAttachments(db, 'advisorStipends', stipendId);
    expect(listed.map((x) => [x.name, Boolean(x.deletedAt), x.available])).toEqual([
      ['现场照片.png', false, true],
      ['凭证.pdf', true, true],
    ]);
    await restoreAttachment(db, a.id);
    expect((await attachmentCounts(db, 'advisorStipends')).get(stipendId)).toBe(2);
    expect(b.mime).toBe('image/png');
  });

  it('refuses bad input with a Chinese message naming the file, and stores nothing', async () => {
    const db = await freshDb();
    await saveAttachmentSettings(db, { limitMb: 1 });
    const before = await dumpAll(db);
    const big = new Uint8Array(1024 * 1024 + 1);
    const cases: [string, Uint8Array, RegExp][] = [
      ['大文件.pdf', big, /大文件\.pdf.*超过每个附件 1\.0 MB 的上限/],
      ['空.pdf', new Uint8Array(0), /空\.pdf.*空文件/],
      ['../..', pdfBytes(), /文件名“.*”无效/],
      ['\u0001\u0002', pdfBytes(), /无效/],
    ];
    for (const [name, bytes, message] of cases) {
      // A good file in the same pick is not stored either: all or nothing.
      await expect(addAttachments(db, 'advisorStipends', stipendId, [{ name: 'ok.png', bytes: pngBytes() }, { name, bytes }])).rejects.toThrow(message);
    }
    expect(await dumpAll(db)).toBe(before);
  });

  it('cleans a name with path separators and control characters into a display name', async () => {
    const db = await freshDb();
    const [a] = await addAttachments(db, 'advisorStipends', stipendId, [{ name: '../../etc/凭\u0007证:1.pdf', bytes: pdfBytes() }]);
    expect(a.name).toBe('凭证_1.pdf');
  });

  it('disk full: refused before writing when the estimate says so, rolled back when the write fails; the message says how much is needed', async () => {
    const db = await freshDb();
    const before = await dumpAll(db);
    const pdf = pdfBytes(5000);
    await expect(addAttachments(db, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdf }], { estimate: async () => ({ usage: 1000, quota: 2000 }) })).rejects.toThrow(/磁盘空间不足.*需要约 5 KB.*可用约 1000 字节/);
    expect(await dumpAll(db)).toBe(before);

    // The browser's estimate is not a promise: the write itself may fail with QuotaExceededError.
    db.attachmentBlobs.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const err = await addAttachments(db, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdf }], { estimate: async () => null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AttachmentError);
    expect((err as AttachmentError).code).toBe('quota');
    expect((err as Error).message).toMatch(/需要约 5 KB/);
    expect(await dumpAll(db)).toBe(before); // neither the record, its oplog entry nor the bytes
  });

  it('schema v10 and later upgrade a v9 database: existing records and oplog kept, attachments usable', async () => {
    const old = await freshDb({ versions: schemaVersions.filter((v) => v.version < 10) });
    const a = advisor();
    await old.advisors.add(a as never);
    const log = await oplog(old);
    const db = await reopen(old);
    expect(db.verno).toBe(Math.max(...schemaVersions.map((v) => v.version)));
    expect(await db.advisors.get(a.id)).toEqual(a);
    expect(await oplog(db)).toEqual(log);
    const [att] = await addAttachments(db, 'advisors', a.id, [{ name: '推荐函.pdf', bytes: pdfBytes() }]);
    expect((await attachmentCounts(db, 'advisors')).get(a.id)).toBe(1);
    expect(await readAttachmentBytes(db, att.sha256)).not.toBeNull();
  });
});
