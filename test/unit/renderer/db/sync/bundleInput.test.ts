/**
 * A bundle given as a File/Blob (the web platform's file input or folder handle) is read in
 * slices and its attachment files are stored as slices of it (issue 10 read memory, issue 11
 * import memory): the same records, files and refusals as the same bytes in memory.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addAttachments, readAttachmentBytes } from '../../../../../renderer/src/db/attachments';
import { blobSource, bundleSource } from '../../../../../renderer/src/db/sync/bundleInput';
import { storeFilesAhead } from '../../../../../renderer/src/db/sync/attachmentFiles';
import { dumpLedgers, exportBundle, getLocalVector, importBundle, previewBundle, readBundleForTest } from './api';
import { dumpAll, node } from './syncHelpers';
import { pdfBytes, pngBytes, stipendId, useStorableBlobs } from '../attachments/attachmentHelpers';

useStorableBlobs();

/** A bundle as the file input gives it. */
const fileOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** The manifest with the first byte of its first Chinese character made invalid UTF-8. */
function notUtf8(manifest: Uint8Array): Uint8Array {
  const out = manifest.slice();
  out[out.findIndex((x) => x >= 0xe0)] = 0xff;
  return out;
}

async function twoMachinesWithFiles() {
  const a = await node('南宁');
  const b = await node('柳州');
  const [p, q] = await addAttachments(a, 'advisorStipends', stipendId, [
    { name: '凭证.pdf', bytes: pdfBytes(5000) },
    { name: '照片.png', bytes: pngBytes(3) },
  ]);
  await a.advisors.add({ id: crypto.randomUUID(), name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学', status: '推荐', createdAt: p.addedAt, updatedAt: p.addedAt } as never);
  const { bytes } = await exportBundle(a, { kind: 'incremental', receiverVector: await getLocalVector(b) });
  return { a, b, bytes, files: [p, q] };
}

describe('a bundle given as a Blob', () => {
  it('imports exactly as its bytes do: the same records, the same files', async () => {
    const { a, b, bytes, files } = await twoMachinesWithFiles();
    const c = await node('梧州');
    const viaBytes = await importBundle(b, bytes);
    const viaBlob = await importBundle(c, fileOf(bytes));
    expect(viaBlob).toEqual(viaBytes);
    expect(viaBlob.filesStored).toBe(2);
    expect(await dumpLedgers(c)).toEqual(await dumpLedgers(b));
    expect(await dumpLedgers(c)).toEqual(await dumpLedgers(a));
    for (const f of files) expect(Array.from((await readAttachmentBytes(c, f.sha256)) ?? [])).toEqual(Array.from((await readAttachmentBytes(a, f.sha256)) ?? []));
    const preview = await previewBundle(await node('百色'), fileOf(bytes));
    expect(preview.newOps).toBe(viaBytes.applied);
  });

  it('stores each file as a slice of the bundle, without copying it through the page', async () => {
    const { b, bytes, files } = await twoMachinesWithFiles();
    const blob = fileOf(bytes);
    const read = await readBundleForTest(b, blob);
    // bytes() would copy the file into the page: with the bundle's Blob at hand it is not called.
    const noCopies = read.files.map((f) => ({ ...f, bytes: () => Promise.reject(new Error('copied into the page')) }));
    const written = await storeFilesAhead(b, noCopies, read.ops, new Date().toISOString(), { bundle: blob });
    expect(written.sort()).toEqual(files.map((f) => f.sha256).sort());
    const row = await b.attachmentBlobs.get(files[0].sha256);
    expect(row?.blob.type).toBe('application/pdf');
    expect(row?.size).toBe(files[0].size);
    expect((await readAttachmentBytes(b, files[0].sha256))?.length).toBe(files[0].size);
  });

  it('refuses as its bytes do — a file not matching its hash, an unexpected entry, text that is not UTF-8 — with the database unchanged', async () => {
    const { b, bytes, files } = await twoMachinesWithFiles();
    const entries = unzipSync(bytes);
    const name = `files/${files[0].sha256}`;
    const tampered = entries[name].slice();
    tampered[12] ^= 0x01;
    const bad = [
      zipSync({ ...entries, [name]: [tampered, { level: 0 }] }),
      zipSync({ ...entries, 'evil/x.txt': strToU8('x') }),
      zipSync({ ...entries, 'manifest.json': notUtf8(entries['manifest.json']) }),
    ];
    const before = await dumpAll(b);
    const codes: string[] = [];
    for (const zip of bad) {
      const fromBytes = await importBundle(b, zip).catch((e: unknown) => e as { code: string; message: string });
      const fromBlob = await importBundle(b, fileOf(zip)).catch((e: unknown) => e as { code: string; message: string });
      expect(fromBlob).toMatchObject({ code: (fromBytes as { code: string }).code, message: (fromBytes as { message: string }).message });
      codes.push((fromBlob as { code: string }).code);
    }
    expect(codes).toEqual(['file-hash-mismatch', 'unexpected-entry', 'not-utf8']);
    expect(await dumpAll(b)).toBe(before);
  });

  it('a Blob is read in ranges, each released after use; bytes are read as views', async () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const source = blobSource(fileOf(bytes));
    const range = await source.read(10, 20);
    expect(Array.from(range)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    source.release?.(range);
    // Where the runtime has ArrayBuffer.prototype.transfer (Chromium, Node ≥ 21) the copy is freed now.
    if (typeof (ArrayBuffer.prototype as { transfer?: unknown }).transfer === 'function') expect(range.byteLength).toBe(0);
    const view = await bundleSource(bytes).read(10, 20);
    expect(view.buffer).toBe(bytes.buffer);
    expect(bundleSource(bytes).release).toBeUndefined();
  });
});
