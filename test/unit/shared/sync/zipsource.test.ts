/**
 * A bundle read from a file in slices (zipsource.ts / bundleSource.ts, issue 10 "Speed and
 * memory") gives exactly what the same bytes give in memory: the same ops and files, the same
 * refusals — and it never reads the whole file at once, nor uses a range after releasing it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  SOURCE_SLICE_BYTES,
  readBundle,
  readBundleFromSource,
  writeBundleWithFiles,
  type ByteSource,
  type ReadBundleOptions,
  type SyncOp,
} from '../../../../shared/sync';
import { CORPUS_LOCAL_NODE, CORPUS_SCHEMA_VERSION, type CorpusCase } from '../../../fixtures/bundles/make-corpus';
import { T0 } from './sim';

/**
 * Like a Blob: every read is a fresh copy; a released range is overwritten, so a reader that
 * used one after releasing it would see garbage. Records every range read.
 */
function slicedSource(bytes: Uint8Array): ByteSource & { reads: [number, number][] } {
  const reads: [number, number][] = [];
  return {
    size: bytes.length,
    reads,
    read: async (start, end) => {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeLessThanOrEqual(bytes.length);
      reads.push([start, end]);
      return bytes.slice(start, end);
    },
    release: (b) => b.fill(0xaa),
  };
}

async function refusalOf(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

function refusalOfSync(fn: () => unknown): BundleError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BundleError);
    return err as BundleError;
  }
  throw new Error('not refused');
}

describe('the bad bundle corpus read in slices', () => {
  const dir = new URL('../../../fixtures/bundles/', import.meta.url);
  const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as CorpusCase[];
  const read = (file: string) => new Uint8Array(readFileSync(new URL(file, dir)));
  const base: ReadBundleOptions = { currentSchemaVersion: CORPUS_SCHEMA_VERSION, localNodeId: CORPUS_LOCAL_NODE };

  it.each(cases.map((c) => [c.file, c] as const))('%s: the same refusal as in memory (native and pure)', async (_file, c) => {
    const options = { ...base, ...c.options };
    const inMemory = refusalOfSync(() => readBundle(read(c.file), options));
    for (const native of [true, false]) {
      const sliced = await refusalOf(readBundleFromSource(slicedSource(read(c.file)), { ...options, native }));
      expect({ code: sliced.code, message: sliced.message }, `native ${native}`).toEqual({ code: inMemory.code, message: inMemory.message });
    }
  });

  it('valid.sclb: the same manifest and ops', async () => {
    const sync = readBundle(read('valid.sclb'), base);
    for (const native of [true, false]) expect(await readBundleFromSource(slicedSource(read('valid.sclb')), { ...base, native })).toEqual(sync);
  });
});

const ID = (n: number) => `7c9e6679-7425-40de-944b-${n.toString(16).padStart(12, '0')}`;
const hex = (b: Uint8Array) => bytesToHex(sha256(b));
/** Incompressible bytes (like scans), different per n. */
function randomBytes(n: number, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = 0x9e3779b9 ^ n;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
const opId = (n: number) => `${(T0 + n * 1000).toString(16).padStart(16, '0')}-0000-node-a`;
function attachmentOp(n: number, bytes: Uint8Array): SyncOp {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    opId: opId(n),
    nodeId: 'node-a',
    table: 'attachments',
    id: ID(n),
    fields: { table: 'advisorStipends', recordId: ID(900), name: `凭证${n}.jpg`, mime: 'image/jpeg', size: bytes.length, sha256: hex(bytes), addedBy: '李科员', addedAt: at, createdAt: at, updatedAt: at },
    deleted: false,
    operator: '李科员',
    at,
    prev: {},
  };
}
const advisorOp = (n: number): SyncOp => ({
  opId: opId(n),
  nodeId: 'node-a',
  table: 'advisors',
  id: ID(n),
  fields: { name: `顾问${n}`, updatedAt: new Date(T0 + n * 1000).toISOString() },
  deleted: false,
  operator: '李科员',
  at: new Date(T0 + n * 1000).toISOString(),
  prev: {},
});
const options = { currentSchemaVersion: 10, localNodeId: 'node-b' };

describe('a bundle with attachment files read in slices (issue 11)', () => {
  // Two stored files larger than a slice, and ops enough for several decode chunks.
  const a = randomBytes(1, 2.5 * 1024 * 1024);
  const b = randomBytes(2, 1500);
  const ops = [...Array.from({ length: 3000 }, (_, i) => advisorOp(i + 10)), attachmentOp(5000, a), attachmentOp(5001, b)];
  const write = () =>
    writeBundleWithFiles(
      { ops, nodeId: 'node-a', nodeName: '南宁办公室', schemaVersion: 10, bundleId: '0f8fad5b-d9cb-469f-a165-70867728950e', createdAt: '2026-02-01T09:00:00.000Z', vector: {}, kind: 'incremental' },
      [a, b].map((f) => ({ sha256: hex(f), size: f.length, read: async () => f })),
    );

  it('gives the same ops and files as the in-memory reader, each file with its range in the bundle', async () => {
    const { bytes } = await write();
    const sync = readBundle(bytes, options);
    for (const native of [true, false]) {
      const source = slicedSource(bytes);
      const read = await readBundleFromSource(source, { ...options, native });
      expect(read.manifest).toEqual(sync.manifest);
      expect(read.ops).toEqual(sync.ops);
      expect(read.files.map((f) => [f.sha256, f.size])).toEqual(sync.files.map((f) => [f.sha256, f.size]));
      for (const f of read.files) {
        const content = f.sha256 === hex(a) ? a : b;
        // By hash: vitest compares large arrays element by element, slowly.
        expect(hex(await f.bytes())).toBe(hex(content));
        expect(hex(bytes.subarray(f.range?.start, f.range?.end))).toBe(hex(content));
      }
      // Never the whole file at once: the end record, the directory, the ops in slices, one file per read.
      expect(Math.max(...source.reads.map(([s, e]) => e - s))).toBeLessThan(a.length + 1024);
      expect(source.reads.some(([s, e]) => s === 0 && e === bytes.length)).toBe(false);
    }
  });

  it('inflates a deflated entry larger than a slice one slice at a time, and verifies it', async () => {
    const { bytes } = await write();
    const entries = unzipSync(bytes);
    // The same bundle with file a deflated instead of stored (random bytes barely shrink).
    const deflated = zipSync({ 'manifest.json': entries['manifest.json'], 'ops.jsonl': entries['ops.jsonl'], ['files/' + hex(a)]: [a, { level: 6 }], ['files/' + hex(b)]: [b, { level: 0 }] });
    for (const native of [true, false]) {
      const source = slicedSource(deflated);
      const read = await readBundleFromSource(source, { ...options, native });
      const file = read.files.find((f) => f.sha256 === hex(a));
      expect(file?.range).toBeUndefined(); // not a plain range of the file: read through bytes()
      expect(hex((await file?.bytes()) ?? new Uint8Array(0))).toBe(hex(a));
      expect(Math.max(...source.reads.map(([s, e]) => e - s))).toBeLessThanOrEqual(SOURCE_SLICE_BYTES);
    }
  });

  it('refuses exactly as in memory: a file not matching its hash, an unexpected entry, an oversized file, a bad ratio', async () => {
    const { bytes } = await write();
    const entries = unzipSync(bytes);
    const tampered = entries['files/' + hex(b)].slice();
    tampered[10] ^= 0xff;
    const bad = {
      'file-hash-mismatch': zipSync({ ...entries, ['files/' + hex(b)]: [tampered, { level: 0 }] }),
      'unexpected-entry': zipSync({ ...entries, 'files/../../evil.txt': strToU8('x') }),
      'not-utf8': zipSync({ ...entries, 'manifest.json': Uint8Array.of(...strToU8('{"format":"'), 0xff, 0xfe, ...strToU8('"}')) }),
    };
    for (const [code, zip] of Object.entries(bad)) {
      const inMemory = refusalOfSync(() => readBundle(zip, options));
      expect(inMemory.code).toBe(code);
      for (const native of [true, false]) {
        const sliced = await refusalOf(readBundleFromSource(slicedSource(zip), { ...options, native }));
        expect({ code: sliced.code, message: sliced.message }).toEqual({ code: inMemory.code, message: inMemory.message });
      }
    }
    for (const [code, limits] of [
      ['oversized', { maxBytes: bytes.length - 1 }],
      ['zip-bomb', { maxUncompressed: a.length }],
      ['zip-bomb', { maxRatio: 1.5 }],
    ] as const) {
      const inMemory = refusalOfSync(() => readBundle(bytes, { ...options, ...limits }));
      expect(inMemory.code).toBe(code);
      const source = slicedSource(bytes);
      const sliced = await refusalOf(readBundleFromSource(source, { ...options, ...limits }));
      expect({ code: sliced.code, message: sliced.message }).toEqual({ code: inMemory.code, message: inMemory.message });
      // Refused from the directory alone: nothing was inflated or hashed.
      expect(source.reads.every(([s]) => s === 0 || s >= bytes.length - 70_000)).toBe(true);
    }
  });

  it('a cut copy (the file ends inside a file entry) is refused as truncated', async () => {
    const { bytes } = await write();
    const cut = bytes.subarray(0, bytes.length - 100);
    const inMemory = refusalOfSync(() => readBundle(cut, options));
    const sliced = await refusalOf(readBundleFromSource(slicedSource(cut), options));
    expect({ code: sliced.code, message: sliced.message }).toEqual({ code: inMemory.code, message: inMemory.message });
  });
});

describe('crc32 (slicing-by-8, continued over pieces)', () => {
  /** The definition, one bit at a time. */
  function reference(data: Uint8Array): number {
    let c = 0xffffffff;
    for (const byte of data) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  }

  it('equals the bitwise definition for every length up to 40, and over any split', async () => {
    const { crc32 } = await import('../../../../shared/sync');
    const data = randomBytes(7, 300);
    for (let n = 0; n <= 40; n++) expect(crc32(data.subarray(0, n))).toBe(reference(data.subarray(0, n)));
    for (const at of [0, 1, 7, 8, 9, 150, 299, 300]) expect(crc32(data.subarray(at), crc32(data.subarray(0, at)))).toBe(reference(data));
  });
});
