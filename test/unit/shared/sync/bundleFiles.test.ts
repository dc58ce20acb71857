import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT_VERSION,
  planBundleParts,
  readBundle,
  readBundleAsync,
  writeBundle,
  writeBundleWithFiles,
  type BundleFileSource,
  type SyncOp,
  type WriteBundleInput,
} from '../../../../shared/sync';
import { T0 } from './sim';

const ID = (n: number) => `7c9e6679-7425-40de-944b-${n.toString(16).padStart(12, '0')}`;
const hex = (b: Uint8Array) => bytesToHex(sha256(b));
const fileBytes = (n: number, size = 1000 + n) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + n * 7) & 0xff);

function attachmentOp(n: number, bytes: Uint8Array, extra: Partial<SyncOp> = {}): SyncOp {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    opId: `${(T0 + n * 1000).toString(16).padStart(16, '0')}-0000-node-a`,
    nodeId: 'node-a',
    table: 'attachments',
    id: ID(n),
    fields: { table: 'advisorStipends', recordId: ID(900), name: `凭证${n}.pdf`, mime: 'application/pdf', size: bytes.length, sha256: hex(bytes), addedBy: '李科员', addedAt: at, createdAt: at, updatedAt: at },
    deleted: false,
    operator: '李科员',
    at,
    prev: {},
    ...extra,
  };
}
function advisorOp(n: number): SyncOp {
  const at = new Date(T0 + n * 1000).toISOString();
  return { opId: `${(T0 + n * 1000).toString(16).padStart(16, '0')}-0000-node-a`, nodeId: 'node-a', table: 'advisors', id: ID(n), fields: { name: `顾问${n}`, updatedAt: at }, deleted: false, operator: '李科员', at, prev: {} };
}
const input = (ops: SyncOp[]): Omit<WriteBundleInput, 'files'> => ({
  ops,
  nodeId: 'node-a',
  nodeName: '南宁办公室',
  schemaVersion: 10,
  bundleId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  createdAt: '2026-02-01T09:00:00.000Z',
  vector: {},
  kind: 'incremental',
});
const options = { currentSchemaVersion: 10, localNodeId: 'node-b' };
const source = (bytes: Uint8Array): BundleFileSource => ({ sha256: hex(bytes), size: bytes.length, read: async () => bytes });

describe('bundles with attachment files (issue 11)', () => {
  const a = fileBytes(1);
  const b = fileBytes(2);
  const ops = [advisorOp(1), attachmentOp(2, a), attachmentOp(3, b)];

  it('writes files/<sha256> entries, stored, and reads them back verified (pure and native readers)', async () => {
    const { bytes, manifest } = await writeBundleWithFiles(input(ops), [source(a), source(b)]);
    expect(manifest).toMatchObject({ formatVersion: BUNDLE_FORMAT_VERSION, files: { count: 2, bytes: a.length + b.length } });
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['files/' + hex(a), 'files/' + hex(b), 'manifest.json', 'ops.jsonl'].sort());
    for (const read of [readBundle(bytes, options), await readBundleAsync(bytes, options), await readBundleAsync(bytes, { ...options, native: false })]) {
      expect(read.ops).toEqual(ops);
      const files = new Map(await Promise.all(read.files.map(async (f) => [f.sha256, await f.bytes()] as const)));
      expect(files.get(hex(a))).toEqual(a);
      expect(files.get(hex(b))).toEqual(b);
    }
  });

  it('a bundle without files is still format 2 (older programs keep reading it)', async () => {
    const { manifest } = await writeBundleWithFiles(input([advisorOp(1)]), []);
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.files).toBeUndefined();
  });

  it('refuses the whole bundle when a file does not match its hash', async () => {
    const { bytes } = await writeBundleWithFiles(input(ops), [source(a), source(b)]);
    // Flip one byte inside the stored data of file a (and fix nothing else): the CRC or the hash must catch it.
    const entries = unzipSync(bytes);
    const name = 'files/' + hex(a);
    const tampered = entries[name].slice();
    tampered[10] ^= 0xff;
    const rezipped = zipSync({ ...entries, [name]: [tampered, { level: 0 }] });
    await expect(readBundleAsync(rezipped, options)).rejects.toMatchObject({ code: 'file-hash-mismatch' });
    expect(() => readBundle(rezipped, options)).toThrow(/校验值/);
  });

  it('refuses a zip entry outside files/, and a file no attachment op names', async () => {
    const { bytes } = await writeBundleWithFiles(input(ops), [source(a), source(b)]);
    const entries = unzipSync(bytes);
    const outside = zipSync({ ...entries, 'files/../../evil.txt': strToU8('x') });
    await expect(readBundleAsync(outside, options)).rejects.toMatchObject({ code: 'unexpected-entry' });
    const stray = fileBytes(9);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    manifest.files = { count: 3, bytes: a.length + b.length + stray.length };
    const extra = zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)), ['files/' + hex(stray)]: stray });
    await expect(readBundleAsync(extra, options)).rejects.toMatchObject({ code: 'file-unreferenced' });
    // A files/ entry the manifest does not count.
    const uncounted = zipSync({ ...entries, ['files/' + hex(stray)]: stray });
    await expect(readBundleAsync(uncounted, options)).rejects.toMatchObject({ code: 'counts-mismatch' });
  });

  it('an op may name a file the bundle does not carry (the receiver shows 文件未同步)', async () => {
    const { bytes } = await writeBundleWithFiles(input(ops), [source(a)]);
    const read = await readBundleAsync(bytes, options);
    expect(read.ops).toHaveLength(3);
    expect(read.files.map((f) => f.sha256)).toEqual([hex(a)]);
    // The plain writer (no files) still reads.
    expect(readBundle(writeBundle({ ...input(ops), kind: 'incremental' }), options).files).toEqual([]);
  });
});

describe('planBundleParts', () => {
  const files = Array.from({ length: 6 }, (_, i) => fileBytes(i + 10, 10_000));
  const ops = [advisorOp(1), ...files.map((f, i) => attachmentOp(i + 10, f)), { ...advisorOp(30), id: ID(1) }];
  const held = new Map(files.map((f) => [hex(f), f.length]));
  const reserve = 24 * 1024 * 1024;

  it('one part when the files fit', () => {
    const parts = planBundleParts(ops, held, reserve + 100_000, 'incremental');
    expect(parts).toHaveLength(1);
    expect(parts[0].files).toHaveLength(6);
  });

  it('incremental: each op in exactly one part, each part carries the files of its ops', () => {
    const parts = planBundleParts(ops, held, reserve + 25_000, 'incremental');
    expect(parts.length).toBe(3);
    expect(parts.flatMap((p) => p.ops).map((o) => o.opId).sort()).toEqual(ops.map((o) => o.opId).sort());
    for (const p of parts) {
      const named = p.ops.filter((o) => o.table === 'attachments').map((o) => (o.fields as { sha256: string }).sha256);
      expect([...named].sort()).toEqual([...p.files].sort());
      expect(p.files.reduce((n, sha) => n + (held.get(sha) ?? 0), 0)).toBeLessThanOrEqual(25_000);
    }
  });

  it('full: the first part holds every op (a restore needs the whole snapshot)', () => {
    const parts = planBundleParts(ops, held, reserve + 25_000, 'full');
    expect(parts[0].ops).toHaveLength(ops.length);
    expect(parts.slice(1).every((p) => p.ops.every((o) => o.table === 'attachments'))).toBe(true);
    expect(new Set(parts.flatMap((p) => p.files)).size).toBe(6);
  });

  it('a file this machine lacks is not planned', () => {
    const parts = planBundleParts(ops, new Map([...held].slice(0, 2)), reserve + 100_000, 'incremental');
    expect(parts[0].files).toHaveLength(2);
  });
});
