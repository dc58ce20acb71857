import { describe, expect, it } from 'vitest';
import { folderVector, readingOrder, shouldImport } from '../../../../../renderer/src/features/exchange/folderPlan';
import { runSync, type BundlePreviewLike, type SyncDeps } from '../../../../../renderer/src/features/exchange/runSync';

const ME = '11111111-1111-4111-8111-111111111111';
const A = '22222222-2222-4222-8222-222222222222';
const B = '33333333-3333-4333-8333-333333333333';
const op = (node: string, n: number) => `${n.toString(16).padStart(16, '0')}-0000-${node}`;

const entry = (nodeId: string, bundleId: string, modifiedAt: string) => ({ nodeId, bundleId, size: 10, modifiedAt });

describe('sync folder plan', () => {
  it('reads our own outbox first, then the others oldest first', () => {
    const { own, others } = readingOrder([entry(A, 'a2', '2026-02'), entry(ME, 'm1', '2026-03'), entry(B, 'b1', '2026-01'), entry(A, 'a1', '2026-01')], ME);
    expect(own.map((e) => e.bundleId)).toEqual(['m1']);
    expect(others.map((e) => e.bundleId)).toEqual(['a1', 'b1', 'a2']);
  });

  it('merges the manifests’ vectors into what the folder holds', () => {
    expect(folderVector([{ vector: { [A]: op(A, 5), [B]: op(B, 2) } }, { vector: { [A]: op(A, 3), [ME]: op(ME, 9) } }])).toEqual({ [A]: op(A, 5), [B]: op(B, 2), [ME]: op(ME, 9) });
    expect(folderVector([])).toEqual({});
  });

  it('imports every bundle not yet applied, even one with nothing new (to record it)', () => {
    expect(shouldImport({ alreadyApplied: true, newOps: 3 })).toBe(false);
    expect(shouldImport({ alreadyApplied: false, newOps: 0 })).toBe(true);
  });
});

interface Bundle {
  nodeId: string;
  bundleId: string;
  bad?: string;
  applied?: boolean;
  newOps?: number;
  largeDelete?: boolean;
  vector: Record<string, string>;
}

function fakeDeps(bundles: Bundle[], over: Partial<SyncDeps> = {}) {
  const calls: string[] = [];
  const written: { bundleId: string }[] = [];
  let exportedFor: Record<string, string> | null = null;
  const byId = new Map(bundles.map((b) => [b.bundleId, b]));
  const decode = (bytes: Uint8Array) => byId.get(new TextDecoder().decode(bytes))!;
  const deps: SyncDeps = {
    ownNodeId: ME,
    list: async () => ({ entries: bundles.map((b, i) => entry(b.nodeId, b.bundleId, `2026-01-0${i + 1}`)), skipped: [{ name: 'x.tmp', reason: '临时文件' }] }),
    read: async (e) => new TextEncoder().encode(e.bundleId),
    readOwnManifest: (bytes) => {
      const b = decode(bytes);
      if (b.bad) throw new Error(b.bad);
      return { vector: b.vector };
    },
    preview: async (bytes): Promise<BundlePreviewLike> => {
      const b = decode(bytes);
      if (b.bad) throw new Error(b.bad);
      return { manifest: { bundleId: b.bundleId, nodeName: `电脑${b.bundleId}`, vector: b.vector }, newOps: b.newOps ?? 1, alreadyApplied: !!b.applied, needsDeleteConfirmation: !!b.largeDelete, deleteShares: {} };
    },
    importBundle: async (bytes, confirm) => {
      const b = decode(bytes);
      calls.push(`import ${b.bundleId}${confirm ? ' confirmed' : ''}`);
      return { bundleId: b.bundleId, nodeName: `电脑${b.bundleId}`, applied: b.newOps ?? 1, skipped: 0, perTable: { advisors: { added: 1, changed: 0, deleted: 0 } }, conflicts: 0 };
    },
    backupBeforeImport: async () => void calls.push('backup'),
    confirmLargeDelete: async () => false,
    exportFor: async (vector) => {
      exportedFor = vector;
      return { opCount: 2, bytes: new Uint8Array([1]), bundleId: 'new', fileName: 'new.sclb' };
    },
    write: async (bundleId) => void written.push({ bundleId }),
    duplicateNumbers: async () => [],
    onProgress: () => {},
    ...over,
  };
  return { deps, calls, written, exportedFor: () => exportedFor };
}

describe('runSync', () => {
  it('backs up once before the first import that changes data, skips applied and bad bundles, writes what the folder lacks', async () => {
    const f = fakeDeps([
      { nodeId: ME, bundleId: 'm1', vector: { [ME]: op(ME, 4) } },
      { nodeId: A, bundleId: 'a1', applied: true, vector: { [A]: op(A, 2) } },
      { nodeId: A, bundleId: 'a0', newOps: 0, vector: { [A]: op(A, 1) } },
      { nodeId: A, bundleId: 'a2', vector: { [A]: op(A, 6), [ME]: op(ME, 2) } },
      { nodeId: B, bundleId: 'b1', bad: '数据包校验和不一致', vector: { [B]: op(B, 9) } },
      { nodeId: B, bundleId: 'b2', vector: { [B]: op(B, 3) } },
    ]);
    const summary = await runSync(f.deps);
    expect(f.calls).toEqual(['import a0', 'backup', 'import a2', 'import b2']);
    expect(f.exportedFor()).toEqual({ [ME]: op(ME, 4), [A]: op(A, 6), [B]: op(B, 3) });
    expect(f.written).toEqual([{ bundleId: 'new' }]);
    expect(summary.written).toEqual({ fileName: 'new.sclb', opCount: 2 });
    expect(summary.alreadyApplied).toBe(2);
    expect(summary.imported.map((b) => b.bundleId)).toEqual(['a2', 'b2']);
    expect(summary.skippedFiles).toEqual([
      { name: 'x.tmp', reason: '临时文件' },
      { name: `outbox/${B}/b1.sclb`, reason: '数据包校验和不一致' },
    ]);
  });

  it('closes every bundle it opened — imported, already applied, refused, declined, waiting, failed — once, after its last use', async () => {
    const open = new Set<string>();
    const log: string[] = [];
    const bundles: Bundle[] = [
      { nodeId: ME, bundleId: 'm1', vector: { [ME]: op(ME, 4) } },
      { nodeId: ME, bundleId: 'm2', bad: '文件不完整', vector: {} },
      { nodeId: A, bundleId: 'a1', applied: true, vector: { [A]: op(A, 2) } },
      { nodeId: A, bundleId: 'a2', vector: { [A]: op(A, 6) } },
      { nodeId: B, bundleId: 'b1', bad: '数据包校验和不一致', vector: {} },
      { nodeId: B, bundleId: 'b2', largeDelete: true, vector: { [B]: op(B, 3) } },
      { nodeId: B, bundleId: 'b3', vector: { [B]: op(B, 4) } },
    ];
    const f = fakeDeps(bundles);
    const { read, preview, importBundle } = f.deps;
    const use = (bytes: Uint8Array) => {
      const id = new TextDecoder().decode(bytes);
      if (!open.has(id)) throw new Error(`${id} used while closed`);
    };
    f.deps.read = async (e) => {
      open.add(e.bundleId);
      log.push(`open ${e.bundleId}`);
      return read(e);
    };
    f.deps.close = async (bytes) => {
      const id = new TextDecoder().decode(bytes);
      expect(open.delete(id), `${id} closed twice`).toBe(true);
      log.push(`close ${id}`);
      if (id === 'a2') throw new Error('handle already gone');
    };
    f.deps.preview = async (bytes) => (use(bytes), preview(bytes));
    f.deps.importBundle = async (bytes, confirm) => {
      use(bytes);
      if (new TextDecoder().decode(bytes) === 'b3') throw new Error('磁盘已满');
      return importBundle(bytes, confirm);
    };
    const summary = await runSync(f.deps);
    expect(open.size).toBe(0);
    expect(log.filter((l) => l.startsWith('open')).length).toBe(bundles.length);
    expect(log.filter((l) => l.startsWith('close')).length).toBe(bundles.length);
    // One at a time: each bundle is closed before the next is opened.
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i].replace('open', 'close'));
    expect(summary.imported.map((b) => b.bundleId)).toEqual(['a2']);
  });

  it('asks before a large delete and leaves the bundle when the clerk says no', async () => {
    const f = fakeDeps([{ nodeId: A, bundleId: 'a1', largeDelete: true, vector: { [A]: op(A, 2) } }]);
    const no = await runSync(f.deps);
    expect(f.calls).toEqual([]);
    expect(no.skippedFiles[1].reason).toContain('删除的记录较多');
    const g = fakeDeps([{ nodeId: A, bundleId: 'a1', largeDelete: true, vector: { [A]: op(A, 2) } }], { confirmLargeDelete: async () => true });
    await runSync(g.deps);
    expect(g.calls).toEqual(['backup', 'import a1 confirmed']);
  });

  it('writes nothing when the folder lacks nothing, and re-sends what a damaged own bundle held', async () => {
    const f = fakeDeps([{ nodeId: ME, bundleId: 'm1', bad: '文件不完整', vector: { [ME]: op(ME, 4) } }], {
      exportFor: async () => ({ opCount: 0, bytes: new Uint8Array(), bundleId: 'n', fileName: 'n.sclb' }),
    });
    const summary = await runSync(f.deps);
    expect(f.written).toEqual([]);
    expect(summary.written).toBeNull();
    expect(summary.skippedFiles[1].reason).toContain('其中的改动将重新写入');
  });

  it('an update made on top of a bundle further down the folder waits for it, then imports; one that never fits is told why', async () => {
    const imported = new Set<string>();
    // b2 needs a1 first (issue 10: its base is not covered until a1 is in).
    const needs: Record<string, string> = { b2: 'a1', c1: 'never' };
    const notCovered = Object.assign(new Error('此更新包是为「乙」制作的，本机还缺少之前的数据。'), { code: 'base-not-covered' });
    const bundles: Bundle[] = [
      { nodeId: B, bundleId: 'b2', vector: { [B]: op(B, 3) } },
      { nodeId: A, bundleId: 'a1', vector: { [A]: op(A, 2) } },
      { nodeId: B, bundleId: 'c1', vector: { [B]: op(B, 4) } },
    ];
    const f = fakeDeps(bundles);
    const preview = f.deps.preview;
    const importOne = f.deps.importBundle;
    f.deps.preview = async (bytes) => {
      const id = new TextDecoder().decode(bytes);
      if (needs[id] && !imported.has(needs[id])) throw notCovered;
      return preview(bytes);
    };
    f.deps.importBundle = async (bytes, confirm) => {
      imported.add(new TextDecoder().decode(bytes));
      return importOne(bytes, confirm);
    };
    const summary = await runSync(f.deps);
    expect(f.calls.filter((c) => c.startsWith('import'))).toEqual(['import a1', 'import b2']);
    expect(summary.skippedFiles).toEqual([
      { name: 'x.tmp', reason: '临时文件' },
      { name: `outbox/${B}/c1.sclb`, reason: notCovered.message },
    ]);
  });
});
