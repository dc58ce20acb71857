/**
 * The desktop 导入 path end to end with only the Electron edge mocked (issue 10): the clerk picks
 * a bundle in the main process's dialog, the main process opens it (file-open.ts) and keeps it
 * behind a handle (file-handles.ts), and the renderer's reader takes it a range at a time over
 * the IPC gate (ipc.ts, contract.ts, desktop.ts). The result must be exactly what the same bytes
 * give — records, files, refusals — and no single read may cover the whole file.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILE_READ_MAX_BYTES } from '../../../../../shared/ipc';
import { closeBundle } from '../../../../../renderer/src/db/sync/bundleInput';
import { addAttachments, readAttachmentBytes } from '../../../../../renderer/src/db/attachments';
import { BundleError, dumpLedgers, exportBundle, getLocalVector, importBundle, previewBundle } from './api';
import { getNodeId } from '../../../../../renderer/src/db/meta';
import { runSync } from '../../../../../renderer/src/features/exchange/runSync';
import { createSyncDeps } from '../../../../../renderer/src/features/exchange/syncDeps';
import { dumpAll, node } from './syncHelpers';
import { advisor } from '../helpers';
import { corpusCases, corpusNode, readCorpusFile } from './corpusHelpers';
import { pngBytes, scannedPdf, stipendId, useStorableBlobs } from '../attachments/attachmentHelpers';
import { desktopOverIpc } from '../../../electron/desktopOverIpc';

useStorableBlobs();

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A file on this PC, as the clerk would pick it. */
async function onDisk(bytes: Uint8Array, name = '南宁-给「柳州」-更新.sclb'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sciledger-desktop-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** The desktop app with a mocked Electron edge: the dialog answers `picked`; the whole file never crosses IPC. */
function desktop(picked: string, userData = path.dirname(picked)) {
  return desktopOverIpc({ userData, picked, forbidden: ['file:open'] });
}

async function bundleWithFiles() {
  const a = await node('南宁');
  const b = await node('柳州');
  const [p, q] = await addAttachments(a, 'advisorStipends', stipendId, [
    { name: '凭证.pdf', bytes: scannedPdf(300_000, 1) },
    { name: '照片.png', bytes: pngBytes(3) },
  ]);
  await a.advisors.bulkAdd(Array.from({ length: 50 }, (_, i) => advisor({ name: `顾问${i}` })) as never);
  const { bytes } = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) });
  return { a, b, bytes, files: [p, q] };
}

describe('desktop 导入: a bundle read from its file through the main process, in slices', () => {
  it('imports exactly as its bytes do, and no read covers the whole file', async () => {
    const { a, b, bytes, files } = await bundleWithFiles();
    const { platform, reads, files: open } = desktop(await onDisk(bytes));
    const picked = await platform.pickFile!({ filters: [{ name: 'SciLedger 数据包', extensions: ['sclb'] }] });
    expect(picked).toMatchObject({ name: '南宁-给「柳州」-更新.sclb', content: { size: bytes.length } });
    const c = await node('梧州');
    const preview = await previewBundle(c, picked!.content);
    const viaFile = await importBundle(c, picked!.content);
    const viaBytes = await importBundle(b, bytes);
    expect(viaFile).toEqual(viaBytes);
    expect(preview.newOps).toBe(viaBytes.applied);
    expect(viaFile.filesStored).toBe(2);
    expect(await dumpLedgers(c)).toEqual(await dumpLedgers(a));
    for (const f of files) expect(Array.from((await readAttachmentBytes(c, f.sha256)) ?? [])).toEqual(Array.from((await readAttachmentBytes(a, f.sha256)) ?? []));

    expect(bytes.length).toBeGreaterThan(2 * 65_557); // more than the end-record read, so the claim means something
    expect(reads.length).toBeGreaterThan(3);
    for (const r of reads) {
      expect(r.end - r.start).toBeLessThanOrEqual(FILE_READ_MAX_BYTES);
      expect(r.end - r.start).toBeLessThan(bytes.length);
    }
    // Done with it: the main process's handle is closed, and a late read is refused.
    expect(open.openCount()).toBe(1);
    await closeBundle(picked!.content);
    expect(open.openCount()).toBe(0);
    await expect(importBundle(await node('百色'), picked!.content)).rejects.toThrow('数据包文件已关闭');
  });

  it('stops with the main process’s Chinese message when the file changes while it is read, the database unchanged', async () => {
    const { b, bytes } = await bundleWithFiles();
    const file = await onDisk(bytes);
    const { platform } = desktop(file);
    const picked = await platform.pickFile!({});
    const before = await dumpAll(b);
    await writeFile(file, bytes.subarray(0, bytes.length - 100)); // still being copied from the USB stick
    await expect(importBundle(b, picked!.content)).rejects.toThrow(/在读取过程中被修改.*本机数据未改变/);
    expect(await dumpAll(b)).toBe(before);
  });
});

describe('desktop 同步: the sync folder’s bundles read through the same handles', () => {
  it('imports another machine’s bundle from the folder in slices, writes its own, and leaves no file open', async () => {
    const { a, bytes } = await bundleWithFiles();
    const usb = await mkdtemp(path.join(tmpdir(), 'sciledger-usb-'));
    const userData = await mkdtemp(path.join(tmpdir(), 'sciledger-user-'));
    dirs.push(usb, userData);
    const from = await getNodeId(a);
    await mkdir(path.join(usb, 'outbox', from), { recursive: true });
    await writeFile(path.join(usb, 'outbox', from, `${crypto.randomUUID()}.sclb`), bytes);
    const { platform, reads, files } = desktop(usb, userData);
    expect(await platform.syncFolder.choose()).toEqual({ label: usb });
    const c = await node('梧州');
    await c.advisors.add(advisor({ name: '黄立新' }) as never);
    const summary = await runSync(createSyncDeps(c, platform, await getNodeId(c), async () => true, () => {}));
    expect(summary.skippedFiles).toEqual([]);
    expect(summary.imported).toHaveLength(1);
    expect((await dumpLedgers(c)).advisors).toHaveLength((await dumpLedgers(a)).advisors.length + 1);
    expect(summary.written?.opCount).toBeGreaterThan(0);
    expect(await readdir(path.join(usb, 'outbox', await getNodeId(c)))).toHaveLength(1);
    expect(reads.length).toBeGreaterThan(3);
    for (const r of reads) expect(r.end - r.start).toBeLessThan(bytes.length);
    expect(files.openCount()).toBe(0);
  });
});

describe('the bad-bundle corpus through the desktop path', () => {
  const cases = corpusCases().filter((c) => !c.options);

  it('refuses every bundle with the same code and message as its bytes, the database unchanged', async () => {
    expect(cases.length).toBeGreaterThan(15);
    const db = await corpusNode();
    const before = await dumpAll(db);
    for (const c of cases) {
      const bytes = readCorpusFile(c.file);
      const { platform, files } = desktop(await onDisk(bytes, c.file));
      const picked = await platform.pickFile!({});
      const fromBytes = await importBundle(db, bytes).catch((e: unknown) => e);
      const fromFile = await importBundle(db, picked!.content).catch((e: unknown) => e);
      expect(fromBytes, c.file).toBeInstanceOf(BundleError);
      expect(fromFile, c.file).toBeInstanceOf(BundleError);
      expect({ code: (fromFile as BundleError).code, message: (fromFile as BundleError).message }, c.file).toEqual({
        code: (fromBytes as BundleError).code,
        message: (fromBytes as BundleError).message,
      });
      await closeBundle(picked!.content);
      expect(files.openCount()).toBe(0);
    }
    expect(await dumpAll(db)).toBe(before);
  });
});
