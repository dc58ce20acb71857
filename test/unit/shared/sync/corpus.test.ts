/**
 * The corpus of bad bundles (test/fixtures/bundles, made by make-corpus.ts): each file is refused
 * with a Chinese message naming the problem, before readBundle returns anything — so the
 * importer never reaches the merge and the database stays as it was.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundleError, applyOps, emptyMergeState, readBundle, readBundleAsync, type MergeState, type ReadBundleOptions } from '../../../../shared/sync';
import { CORPUS_LOCAL_NODE, CORPUS_SCHEMA_VERSION, buildCorpus, type CorpusCase } from '../../../fixtures/bundles/make-corpus';
import { snapshot } from './sim';

const dir = new URL('../../../fixtures/bundles/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as CorpusCase[];
const read = (file: string) => new Uint8Array(readFileSync(new URL(file, dir)));
const baseOptions: ReadBundleOptions = { currentSchemaVersion: CORPUS_SCHEMA_VERSION, localNodeId: CORPUS_LOCAL_NODE };

/** What the importer does: verify everything, then merge. */
function importInto(state: MergeState, bytes: Uint8Array, options: ReadBundleOptions): MergeState {
  const { ops } = readBundle(bytes, options);
  return applyOps(state, ops, { localNodeId: options.localNodeId }).state;
}

describe('bad bundle corpus', () => {
  it('the committed files are what make-corpus.ts builds', () => {
    const { cases: built, files } = buildCorpus();
    expect(cases).toEqual(JSON.parse(JSON.stringify(built)));
    for (const [name, bytes] of files) expect(read(name), name).toEqual(bytes);
  });

  it('valid.sclb, made by the same recipe, is accepted', () => {
    const { manifest, ops } = readBundle(read('valid.sclb'), baseOptions);
    expect(manifest.counts.ops).toBe(3);
    expect(ops.map((o) => o.fields.name)).toEqual(['顾问0', '顾问1', '顾问2']);
  });

  const local = applyOps(emptyMergeState(), readBundle(read('valid.sclb'), baseOptions).ops).state;
  const before = JSON.stringify(snapshot(local));

  it.each(cases.map((c) => [c.file, c] as const))('%s is refused', (_file, c) => {
    const options = { ...baseOptions, ...c.options };
    let returned: unknown;
    let error: unknown;
    try {
      returned = readBundle(read(c.file), options);
    } catch (err) {
      error = err;
    }
    expect(returned, c.recipe).toBeUndefined();
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code, (error as BundleError).message).toBe(c.code);
    expect((error as BundleError).message).toContain(c.message);
    expect((error as BundleError).message).toMatch(/[\u4e00-\u9fff]/);
    // The importer stops at the refusal: the state it would have written is untouched.
    let state = local;
    expect(() => (state = importInto(local, read(c.file), options))).toThrow(BundleError);
    expect(state).toBe(local);
    expect(JSON.stringify(snapshot(local))).toBe(before);
  });

  // Issue 10: the app reads with the native inflater and SHA-256; every refusal must be the same.
  it.each(cases.map((c) => [c.file, c] as const))('%s is refused the same way by readBundleAsync (native and pure)', async (_file, c) => {
    for (const native of [true, false]) {
      const error = await readBundleAsync(read(c.file), { ...baseOptions, ...c.options, native }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error, `native ${native}`).toBeInstanceOf(BundleError);
      expect((error as BundleError).code, (error as BundleError).message).toBe(c.code);
      expect((error as BundleError).message).toContain(c.message);
    }
  });

  it('readBundleAsync reads valid.sclb exactly as readBundle does', async () => {
    const sync = readBundle(read('valid.sclb'), baseOptions);
    expect(await readBundleAsync(read('valid.sclb'), baseOptions)).toEqual(sync);
    expect(await readBundleAsync(read('valid.sclb'), { ...baseOptions, native: false })).toEqual(sync);
  });

  it('covers every case of issue 4', () => {
    const codes = new Set(cases.map((c) => c.code));
    for (const code of ['truncated', 'corrupted', 'checksum-mismatch', 'newer-format', 'newer-schema', 'unknown-table', 'unknown-field', 'invalid-value', 'same-node', 'zip-bomb', 'oversized', 'too-many-entries', 'forbidden-key', 'missing-manifest', 'manifest-not-json'] as const) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});
