import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  MANIFEST_ENTRY,
  OPS_ENTRY,
  buildManifest,
  crc32,
  defaultBundleLimits,
  encodeOpsJsonl,
  readBundle,
  readZipEntries,
  writeBundle,
  zipBundle,
  type SyncOp,
  type WriteBundleInput,
} from '../../../../shared/sync';
import { SimNode, T0, snapshot } from './sim';

const ID = (n: number) => `7c9e6679-7425-40de-944b-${n.toString(16).padStart(12, '0')}`;
function op(n: number, node = 'node-a'): SyncOp {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    opId: `${(T0 + n * 1000).toString(16).padStart(16, '0')}-0000-${node}`,
    nodeId: node,
    table: n % 2 ? 'advisors' : 'rectificationItems',
    id: ID(n),
    fields: n % 2 ? { name: `顾问${n}`, status: '推荐', notes: '备注'.repeat(n % 7), updatedAt: at } : { status: '推进中', updatedAt: at },
    deleted: false,
    operator: '李科员',
    at,
    prev: {},
  };
}
const input = (ops: SyncOp[], patch: Partial<WriteBundleInput> = {}): WriteBundleInput => ({
  ops,
  nodeId: 'node-a',
  nodeName: '南宁办公室',
  schemaVersion: 2,
  bundleId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  createdAt: '2026-02-01T09:00:00.000Z',
  vector: {},
  kind: 'incremental',
  ...patch,
});
const options = { currentSchemaVersion: 2, localNodeId: 'node-b' };

describe('writeBundle / readBundle', () => {
  it('round-trips ops and the manifest', () => {
    const ops = [op(3), op(1), op(2)];
    const { manifest, ops: read } = readBundle(writeBundle(input(ops, { vector: { 'node-c': `${'0'.repeat(15)}1-0000-node-c` } })), options);
    expect(read).toEqual([op(1), op(2), op(3)]);
    expect(manifest).toMatchObject({
      format: 'sciledger-bundle',
      formatVersion: 2,
      schemaVersion: 2,
      nodeId: 'node-a',
      nodeName: '南宁办公室',
      kind: 'incremental',
      counts: { ops: 3, perTable: { advisors: 2, rectificationItems: 1 } },
      vector: { 'node-a': op(3).opId, 'node-c': `${'0'.repeat(15)}1-0000-node-c` },
    });
    expect(manifest.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads an older schema version and refuses tables the local database lacks', () => {
    expect(readBundle(writeBundle(input([op(1)], { schemaVersion: 1 })), options).ops).toHaveLength(1);
    expect(() => readBundle(writeBundle(input([op(2)])), { ...options, knownTables: ['advisors'] })).toThrow('未知的台账表“rectificationItems”');
  });

  it('refuses an op repeated in a bundle, and an op outside the manifest vector', () => {
    const bytes = encodeOpsJsonl([op(1)]);
    const twice = new Uint8Array([...bytes, ...bytes]);
    const manifest = { ...buildManifest(input([op(1), op(1)]), twice) };
    expect(() => readBundle(zipBundle(manifest, twice), options)).toThrow('操作编号重复');
    const m2 = { ...buildManifest(input([op(1)]), bytes), vector: {} };
    expect(() => readBundle(zipBundle(m2, bytes), options)).toThrow('vector');
  });

  it('refuses a clock beyond what decodeHlc holds (2^53 ms) in Chinese, in an op and in the vector — it used to throw HlcFormatError', () => {
    const huge = (node: string) => `ffffffffffffffff-0000-${node}`;
    const refusal = (manifest: unknown, bytes: Uint8Array) => {
      try {
        readBundle(zipBundle(manifest, bytes), options);
      } catch (error) {
        return error instanceof BundleError ? error.code : String(error);
      }
      return 'read';
    };
    const forged = { ...op(1), opId: huge('node-a') };
    const bytes = strToU8(`${JSON.stringify(forged)}\n`);
    expect(refusal({ ...buildManifest(input([op(1)]), bytes), vector: { 'node-a': huge('node-a') } }, bytes)).toBe('manifest-invalid');
    expect(refusal({ ...buildManifest(input([op(1)]), bytes), vector: { 'node-a': op(1).opId } }, bytes)).toBe('op-invalid');
  });

  it('a realistic 2,000-op bundle stays far below the default ratio cap', () => {
    const ops = Array.from({ length: 2000 }, (_, n) => op(n + 1));
    const zip = writeBundle(input(ops));
    const opsBytes = encodeOpsJsonl(ops);
    const entries = readZipEntries(zip, [MANIFEST_ENTRY, OPS_ENTRY], defaultBundleLimits);
    expect(entries.get(OPS_ENTRY)).toEqual(opsBytes);
    expect(opsBytes.length / zip.length).toBeLessThan(defaultBundleLimits.maxRatio / 4);
    expect(readBundle(zip, options).ops).toHaveLength(2000);
  }, 30_000);
});

describe('readZipEntries', () => {
  it('reads the names asked for, refuses any other entry, verifies CRC-32, refuses duplicate names', () => {
    const zip = zipSync({ 'a.txt': strToU8('甲'.repeat(100)), 'b.txt': strToU8('乙') }, { mtime: new Date(Date.UTC(2020, 0, 1)) });
    const got = readZipEntries(zip, ['a.txt', 'b.txt', 'missing'], defaultBundleLimits);
    expect([...got.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(() => readZipEntries(zip, ['a.txt'], defaultBundleLimits)).toThrow('不应存在的文件“b.txt”');
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    // Rename b.txt to a.txt in both headers: two entries with one name.
    const dup = zip.slice();
    for (let i = 0; i < dup.length - 5; i++) if (String.fromCharCode(...dup.subarray(i, i + 5)) === 'b.txt') dup[i] = 'a'.charCodeAt(0);
    expect(() => readZipEntries(dup, ['a.txt'], defaultBundleLimits)).toThrow('重复');
  });

  it('refuses a zip with no manifest or no ops', () => {
    expect(() => readBundle(zipSync({ [MANIFEST_ENTRY]: strToU8('{}') }), options)).toThrow('SciLedger 数据包');
    const bytes = encodeOpsJsonl([op(1)]);
    const manifest = buildManifest(input([op(1)]), bytes);
    expect(() => readBundle(zipSync({ [MANIFEST_ENTRY]: strToU8(JSON.stringify(manifest)) }), options)).toThrow('缺少操作文件');
  });
});

describe('relays through bundles', () => {
  it('A → B → C: C gets A’s edits from B’s bundle and converges', () => {
    const [a, b, c] = ['node-a', 'node-b', 'node-c'].map((n) => new SimNode(n));
    const id = ID(1);
    a.write('advisors', id, T0, (_b, at) => ({ id, name: '张三', honorific: '院士', homeInstitution: '广西大学', status: '推荐', createdAt: at, updatedAt: at }));
    b.importBundle(a.exportFor('node-b', T0 + 1000), T0 + 1000);
    b.write('advisors', id, T0 + 2000, (before, at) => ({ ...before, status: '已聘任', updatedAt: at }));
    c.importBundle(b.exportFor('node-c', T0 + 3000), T0 + 3000);
    expect(c.record('advisors', id)).toMatchObject({ name: '张三', status: '已聘任' });
    // C tells A what it has; A then only needs to send what C lacks (nothing).
    a.importBundle(c.exportFor('node-a', T0 + 4000), T0 + 4000);
    const back = readBundle(a.exportFor('node-c', T0 + 5000), { currentSchemaVersion: 2, localNodeId: 'node-c' });
    expect(back.ops).toEqual([]);
    expect(snapshot(a.state)).toEqual(snapshot(c.state));
    expect(snapshot(b.state)).toEqual(snapshot(c.state));
  });
});

describe('import messages say what the file is (issue 8 item 16)', async () => {
  const { readBundle } = await import('../../../../shared/sync');
  const { zipSync, strToU8 } = await import('fflate');
  const options = { currentSchemaVersion: 1, localNodeId: 'local' };
  const refusal = (bytes: Uint8Array) => {
    try {
      readBundle(bytes, options);
    } catch (error) {
      return { code: (error as { code: string }).code, message: (error as Error).message };
    }
    throw new Error('accepted');
  };
  it('an empty file is reported as empty, not as "not a zip"', () => {
    expect(refusal(new Uint8Array(0))).toEqual({ code: 'empty', message: '文件是空的（0 字节），不是数据包，可能复制时没有写入内容，请从原电脑重新复制' });
  });
  it('a renamed file is named for what it is, not as a half-copied bundle', () => {
    expect(refusal(strToU8('这不是数据包')).message).toBe('文件不是数据包：这是一个文本文件，不是 SciLedger 数据包（.sclb），请选择从“数据交换”导出的文件');
    expect(refusal(strToU8('%PDF-1.7 …')).message).toContain('这是一个PDF 文件');
    expect(refusal(zipSync({ '[Content_Types].xml': strToU8('<Types/>') })).code).toBe('not-a-bundle');
  });
  it('a cut copy is reported as truncated with its size', () => {
    const zip = zipSync({ 'ops.jsonl': strToU8('x'.repeat(2000)) }, { level: 0 });
    expect(refusal(zip.subarray(0, 1000))).toEqual({ code: 'truncated', message: '数据包不完整：文件在复制时被截断（只有 1000 字节，缺少结尾部分），请从原电脑重新复制' });
  });
});

describe('an update carried to the wrong machine (issue 10)', () => {
  const id = ID(7);
  const create = (_b: unknown, at: string) => ({ id, name: '张三', honorific: '院士', homeInstitution: '广西大学', status: '推荐', createdAt: at, updatedAt: at });

  function scenario(lenient: boolean) {
    const [a, b, c] = ['node-a', 'node-b', 'node-c'].map((n) => new SimNode(n));
    c.lenient = lenient;
    a.write('advisors', id, T0, create); // a1
    b.importBundle(a.exportFor('node-b', T0 + 1000), T0 + 1000);
    a.importBundle(b.exportFor('node-a', T0 + 1500), T0 + 1500); // A learns what B holds
    a.write('advisors', id, T0 + 2000, (before, at) => ({ ...before, status: '已聘任', updatedAt: at })); // a2
    const forB = a.exportFor('node-b', T0 + 3000); // holds a2 only
    return { a, b, c, forB };
  }

  it('names the target and the base, and the file is refused on C with a message saying what to do', () => {
    const { c, forB } = scenario(false);
    const { manifest } = readBundle(forB, { currentSchemaVersion: 2, localNodeId: 'node-b' });
    expect(manifest.target).toEqual({ nodeId: 'node-b', nodeName: 'PC node-b' });
    expect(Object.keys(manifest.base ?? {})).toContain('node-a');
    const before = c.state;
    let error: unknown;
    try {
      c.importBundle(forB, T0 + 4000);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).code).toBe('base-not-covered');
    expect((error as BundleError).message).toBe('此更新包是为「PC node-b」制作的，本机还缺少之前的数据。请「PC node-a」导出全量包，或先导入「PC node-a」以前给本机的更新包，再导入此包。');
    expect(c.state).toBe(before);
  });

  it('after the refusal, incremental updates alone bring all three machines to the same valid record', () => {
    const { a, b, c, forB } = scenario(false);
    expect(() => c.importBundle(forB, T0 + 4000)).toThrow(BundleError);
    b.importBundle(forB, T0 + 4500);
    let now = T0 + 5000;
    for (let round = 0; round < 2; round++) {
      for (const [from, to] of [[c, a], [a, c], [c, b], [b, c], [a, b], [b, a]] as const) to.importBundle(from.exportFor(to.nodeId, (now += 1000)), now);
    }
    for (const n of [a, b, c]) expect(n.record('advisors', id)).toMatchObject({ name: '张三', status: '已聘任' });
    expect(snapshot(c.state)).toEqual(snapshot(a.state));
    expect(snapshot(b.state)).toEqual(snapshot(a.state));
  });

  it('without the check (before issue 10) C shows a partial record and later updates never repair it', () => {
    const { a, c, forB } = scenario(true);
    c.importBundle(forB, T0 + 4000);
    expect(c.record('advisors', id)).toEqual({ id, status: '已聘任', updatedAt: expect.any(String) });
    let now = T0 + 5000;
    for (let round = 0; round < 2; round++) {
      a.importBundle(c.exportFor('node-a', (now += 1000)), now);
      c.importBundle(a.exportFor('node-c', (now += 1000)), now);
    }
    expect(c.record('advisors', id)?.name).toBeUndefined();
  });
});

describe('ops.jsonl decoded in chunks of whole lines (issue 10 read speed)', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => op(i + 1));
  const vector = (ops: SyncOp[]) => ({ vector: { 'node-a': ops[ops.length - 1].opId } });

  it('reads a bundle of many chunks exactly like one line at a time, with both readers', async () => {
    const { readBundleAsync } = await import('../../../../shared/sync');
    const ops = many(4000);
    const bytes = writeBundle(input(ops, vector(ops)));
    expect(encodeOpsJsonl(ops).length).toBeGreaterThan(3 * 256 * 1024);
    expect(readBundle(bytes, options).ops).toEqual(ops);
    expect((await readBundleAsync(bytes, options)).ops).toEqual(ops);
    expect((await readBundleAsync(bytes, { ...options, native: false })).ops).toEqual(ops);
  });

  it('names the line that is not UTF-8, also deep in a later chunk', async () => {
    const { readBundleAsync } = await import('../../../../shared/sync');
    const ops = many(4000);
    const opsBytes = encodeOpsJsonl(ops);
    // The name of op 3,001 (line 3,001) gets the bytes FF FE in place of two of its characters.
    let line = 1;
    let at = 0;
    while (line < 3001) if (opsBytes[at++] === 0x0a) line++;
    const nameAt = opsBytes.indexOf(0xe9, at); // first byte of 顾 (E9 A1 BE)
    const bad = opsBytes.slice();
    bad[nameAt] = 0xff;
    bad[nameAt + 1] = 0xfe;
    const zip = zipBundle(buildManifest(input(ops, vector(ops)), bad), bad);
    expect(() => readBundle(zip, options)).toThrow('第 3001 条操作含有无效的文字编码');
    await expect(readBundleAsync(zip, options)).rejects.toMatchObject({ code: 'not-utf8', message: expect.stringContaining('第 3001 条操作') });
  });

  it('an empty line, even at the end of a chunk, is refused as not JSON and named', () => {
    const ops = many(4000);
    const text = new TextDecoder().decode(encodeOpsJsonl(ops));
    const lines = text.split('\n');
    lines.splice(2500, 0, '');
    const bad = strToU8(lines.join('\n'));
    const zip = zipBundle(buildManifest(input(ops, vector(ops)), bad), bad);
    expect(() => readBundle(zip, options)).toThrow('第 2501 条操作不是有效的 JSON');
  });
});
