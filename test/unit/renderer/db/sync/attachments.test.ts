import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addAttachments, listAttachments, readAttachmentBytes, removeAttachment, restoreAttachment } from '../../../../../renderer/src/db/attachments';
import { PART_OPS_RESERVE } from '../../../../../shared/sync';
import { dumpLedgers, exportBundle, getLocalVector, importBundle, restoreFromBundle } from './api';
import { dumpAll, node, send } from './syncHelpers';
import { pdfBytes, pngBytes, stipendId, useStorableBlobs } from '../attachments/attachmentHelpers';

useStorableBlobs();

const bytesOf = async (db: Parameters<typeof readAttachmentBytes>[0], sha: string) => Array.from((await readAttachmentBytes(db, sha)) ?? []);

describe('附件 in sync bundles (issue 11)', () => {
  it('a bundle carries the files its ops reference; the receiver sees and reads them', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const pdf = pdfBytes();
    const png = pngBytes();
    const [p, q] = await addAttachments(a, 'advisorStipends', stipendId, [
      { name: '凭证.pdf', bytes: pdf },
      { name: '照片.png', bytes: png },
    ]);
    const result = await send(a, b);
    expect(result.filesStored).toBe(2);
    expect((await listAttachments(b, 'advisorStipends', stipendId)).map((x) => [x.name, x.available])).toEqual([
      ['凭证.pdf', true],
      ['照片.png', true],
    ]);
    expect(await bytesOf(b, p.sha256)).toEqual(Array.from(pdf));
    expect(await bytesOf(b, q.sha256)).toEqual(Array.from(png));
    expect(await dumpLedgers(b)).toEqual(await dumpLedgers(a));
  });

  it('a file already present is not written again', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const pdf = pdfBytes();
    await addAttachments(b, 'advisorPlans', crypto.randomUUID(), [{ name: '备案.pdf', bytes: pdf }]);
    const [att] = await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdf }]);
    const storedBefore = (await b.attachmentBlobs.get(att.sha256))?.storedAt;
    const result = await send(a, b);
    expect(result.filesStored).toBe(0);
    expect((await b.attachmentBlobs.get(att.sha256))?.storedAt).toBe(storedBefore);
  });

  it('an op whose file is in neither the bundle nor the DB is kept: 文件未同步 until a later bundle brings it', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const pdf = pdfBytes();
    const [att] = await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdf }]);
    // A relay that lacks the bytes: A's copy of the file is gone (as on a machine that got the op only).
    const blob = await a.attachmentBlobs.get(att.sha256);
    await a.attachmentBlobs.delete(att.sha256);
    await send(a, b);
    expect((await listAttachments(b, 'advisorStipends', stipendId)).map((x) => x.available)).toEqual([false]);
    expect(await readAttachmentBytes(b, att.sha256)).toBeNull();
    // The bytes come back on A; a later (full) bundle brings them to B.
    await a.attachmentBlobs.put(blob!);
    const full = await exportBundle(a, { kind: 'full' });
    const result = await importBundle(b, full.bytes);
    expect(result.filesStored).toBe(1);
    expect((await listAttachments(b, 'advisorStipends', stipendId)).map((x) => x.available)).toEqual([true]);
  });

  it('a bundle whose file does not match its hash is refused whole; the database is unchanged', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const [att] = await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdfBytes() }]);
    await a.advisors.add({ id: crypto.randomUUID(), name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐', createdAt: att.addedAt, updatedAt: att.addedAt } as never);
    const { bytes } = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) });
    const entries = unzipSync(bytes);
    const name = `files/${att.sha256}`;
    const tampered = entries[name].slice();
    tampered[12] ^= 0x01;
    const bad = zipSync({ ...entries, [name]: [tampered, { level: 0 }] });
    const before = await dumpAll(b);
    await expect(importBundle(b, bad)).rejects.toMatchObject({ code: 'file-hash-mismatch' });
    await expect(importBundle(b, zipSync({ ...entries, 'evil/x.txt': strToU8('x') }))).rejects.toMatchObject({ code: 'unexpected-entry' });
    expect(await dumpAll(b)).toBe(before);
  });

  it('files are stored ahead of the records; when the records are then not written, the files nothing references are dropped', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const adv = { id: crypto.randomUUID(), name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    await a.advisors.add(adv as never);
    // B holds a record whose file never arrived (文件未同步): its bytes are in the next bundle too.
    const [waiting] = await addAttachments(a, 'advisorPlans', crypto.randomUUID(), [{ name: '备案.pdf', bytes: pdfBytes(7) }]);
    const blob = await a.attachmentBlobs.get(waiting.sha256);
    await a.attachmentBlobs.delete(waiting.sha256);
    await send(a, b);
    await a.attachmentBlobs.put(blob!);
    expect(await readAttachmentBytes(b, waiting.sha256)).toBeNull();

    // The bundle adds a new file and deletes B's only advisor: the import asks first (refused).
    const [fresh] = await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdfBytes(99) }]);
    await a.advisors.delete(adv.id);
    const { bytes } = await exportBundle(a, { kind: 'full' });
    const ledgersBefore = await dumpLedgers(b);
    await expect(importBundle(b, bytes)).rejects.toMatchObject({ code: 'LARGE_DELETE' });
    expect(await dumpLedgers(b)).toEqual(ledgersBefore);
    // The new file, written ahead, is gone again; the one B's record was waiting for stays.
    expect(await b.attachmentBlobs.get(fresh.sha256)).toBeUndefined();
    expect(await bytesOf(b, waiting.sha256)).toEqual(Array.from(pdfBytes(7)));
    // Confirmed, the same bundle imports whole.
    const result = await importBundle(b, bytes, { confirmLargeDelete: true });
    expect(result.filesStored).toBe(1);
    expect(await bytesOf(b, fresh.sha256)).toEqual(Array.from(pdfBytes(99)));
    expect(await dumpLedgers(b)).toEqual(await dumpLedgers(a));
  });

  it('a refused import leaves the database exactly as it was, the files written ahead included', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const adv = { id: crypto.randomUUID(), name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    await a.advisors.add(adv as never);
    await send(a, b);
    await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdfBytes(5) }, { name: '照片.png', bytes: pngBytes(9) }]);
    await a.advisors.delete(adv.id);
    const { bytes } = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) });
    const before = await dumpAll(b);
    await expect(importBundle(b, bytes)).rejects.toMatchObject({ code: 'LARGE_DELETE' });
    expect(await dumpAll(b)).toBe(before);
  });

  it('an export over the size cap is split into parts that apply in any order (here: reversed)', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const records = Array.from({ length: 5 }, () => crypto.randomUUID());
    for (const [i, id] of records.entries()) await addAttachments(a, 'advisorStipends', id, [{ name: `凭证${i}.pdf`, bytes: pdfBytes(20_000 + i) }]);
    await a.advisors.add({ id: crypto.randomUUID(), name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } as never);
    const [first] = await addAttachments(a, 'advisorStipends', records[0], [{ name: '补充.png', bytes: pngBytes(3) }]);
    await removeAttachment(a, first.id);
    const out = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b), capBytes: PART_OPS_RESERVE + 45_000 });
    expect(out.parts.length).toBeGreaterThanOrEqual(3);
    for (const part of out.parts) expect(part.bytes.length).toBeLessThan(PART_OPS_RESERVE + 45_000);
    expect(out.parts.map((p) => p.fileName)).toEqual(out.parts.map((_, i) => expect.stringContaining(`第${i + 1}包共${out.parts.length}包`)));
    for (const part of [...out.parts].reverse()) await importBundle(b, part.bytes, { confirmLargeDelete: true });
    expect(await dumpLedgers(b)).toEqual(await dumpLedgers(a));
    expect(await b.attachmentBlobs.count()).toBe(await a.attachmentBlobs.count());
    expect((await b.pendingRecords.count())).toBe(0);
  });

  it('a delete syncs as a tombstone and is restorable on the other side', async () => {
    const a = await node('南宁');
    const b = await node('柳州');
    const [att] = await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdfBytes() }]);
    await send(a, b);
    await removeAttachment(a, att.id);
    await send(a, b, { confirmLargeDelete: true }); // 1 of 1 attachments: the usual large-delete question
    const [onB] = await listAttachments(b, 'advisorStipends', stipendId);
    expect(onB.deletedAt).toBeTruthy();
    expect(onB.available).toBe(true); // the bytes stay: 恢复 needs no new transfer
    await restoreAttachment(b, att.id);
    await send(b, a);
    expect((await listAttachments(a, 'advisorStipends', stipendId))[0].deletedAt).toBeNull();
  });

  it('a backup (full bundle) carries the files and restoring it restores them', async () => {
    const a = await node('南宁');
    const pdf = pdfBytes();
    const [att] = await addAttachments(a, 'advisorStipends', stipendId, [{ name: '凭证.pdf', bytes: pdf }]);
    const backup = await exportBundle(a, { kind: 'full' });
    expect(backup.fileCount).toBe(1);
    const fresh = await node('新电脑');
    const { filesStored } = await restoreFromBundle(fresh, backup.bytes);
    expect(filesStored).toBe(1);
    expect(await bytesOf(fresh, att.sha256)).toEqual(Array.from(pdf));
    expect((await listAttachments(fresh, 'advisorStipends', stipendId)).map((x) => x.name)).toEqual(['凭证.pdf']);
  });

  it('a split backup: the first part restores every record, the later parts restore their files only', async () => {
    const a = await node('南宁');
    const ids = Array.from({ length: 4 }, () => crypto.randomUUID());
    for (const [i, id] of ids.entries()) await addAttachments(a, 'advisorStipends', id, [{ name: `凭证${i}.pdf`, bytes: pdfBytes(20_000 + i) }]);
    const backup = await exportBundle(a, { kind: 'full', capBytes: PART_OPS_RESERVE + 45_000 });
    expect(backup.parts.length).toBeGreaterThan(1);
    const fresh = await node('新电脑');
    await restoreFromBundle(fresh, backup.parts[0].bytes);
    expect(await dumpLedgers(fresh)).toEqual(await dumpLedgers(a));
    const ledgersAfterFirst = await dumpLedgers(fresh);
    for (const part of backup.parts.slice(1)) await restoreFromBundle(fresh, part.bytes);
    expect(await dumpLedgers(fresh)).toEqual(ledgersAfterFirst);
    expect(await fresh.attachmentBlobs.count()).toBe(4);
    for (const id of ids) expect((await listAttachments(fresh, 'advisorStipends', id)).map((x) => x.available)).toEqual([true]);
  });
});
