import { describe, expect, it } from 'vitest';
import { syncSkipReasons } from '../../../../shared/sync/folderLayout';
import {
  type FileRead,
  type FolderItem,
  type FolderPath,
  listSyncFolder,
  openSyncBundle,
  SyncFolderError,
  type SyncFolderFs,
  writeSyncBundle,
} from '../../../../shared/sync/folderProtocol';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const B1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

type Node = { kind: 'file'; bytes: Uint8Array; at: string } | { kind: 'dir' } | { kind: 'link' };

/** An in-memory folder: the protocol needs nothing more than this interface. */
function memoryFs() {
  const nodes = new Map<string, Node>();
  const key = (p: FolderPath) => p.join('/');
  const writes: string[] = [];
  const closed: string[] = [];
  // A file opens as its bytes here; a platform's adapter opens a File or a main-process handle.
  const fs: SyncFolderFs<Uint8Array> = {
    describeError: (error) => (error instanceof Error ? error.message : String(error)),
    async listFolder(p) {
      if (p.length > 0 && nodes.get(key(p))?.kind !== 'dir') return null;
      const prefix = p.length ? `${key(p)}/` : '';
      const items: FolderItem[] = [];
      for (const [path, node] of nodes) {
        if (!path.startsWith(prefix) || path.slice(prefix.length).includes('/')) continue;
        const name = path.slice(prefix.length);
        if (node.kind === 'file') items.push({ name, kind: 'file', size: node.bytes.length, modifiedAt: node.at });
        else items.push({ name, kind: node.kind === 'dir' ? 'directory' : 'link' });
      }
      return items;
    },
    async readFile(p, cap): Promise<FileRead> {
      const node = nodes.get(key(p));
      if (!node) return { kind: 'missing' };
      if (node.kind !== 'file') return { kind: 'not-regular' };
      return node.bytes.length > cap ? { kind: 'too-large', size: node.bytes.length } : { kind: 'ok', bytes: node.bytes };
    },
    async openFile(p, cap) {
      const read = await this.readFile(p, cap);
      return read.kind === 'ok' ? { kind: 'ok', file: read.bytes, size: read.bytes.length, close: async () => void closed.push(key(p)) } : read;
    },
    async statFile(p) {
      const node = nodes.get(key(p));
      if (!node) return { kind: 'missing' };
      return node.kind === 'file' ? { kind: 'file', size: node.bytes.length } : { kind: 'other' };
    },
    async ensureFolder(p) {
      if (!nodes.has(key(p))) nodes.set(key(p), { kind: 'dir' });
    },
    async writeFile(p, bytes) {
      writes.push(key(p));
      nodes.set(key(p), { kind: 'file', bytes, at: '2025-03-01T00:00:00.000Z' });
    },
  };
  const put = (path: string, node: Node) => nodes.set(path, node);
  return { fs, nodes, writes, put, closed };
}

const file = (at: string, ...bytes: number[]): Node => ({ kind: 'file', bytes: new Uint8Array(bytes), at });

describe('the sync-folder protocol over any file system', () => {
  it('lists bundles oldest first and skips everything else with its reason', async () => {
    const { fs, put } = memoryFs();
    put('outbox', { kind: 'dir' });
    put(`outbox/${OTHER}`, { kind: 'dir' });
    put(`outbox/${OWN}`, { kind: 'dir' });
    put(`outbox/${OTHER}/${B1}.sclb`, file('2025-03-02T00:00:00.000Z', 1));
    put(`outbox/${OWN}/${B2}.sclb`, file('2025-03-01T00:00:00.000Z', 2));
    put(`outbox/${OWN}/${B1}.sclb.part`, file('2025-03-01T00:00:00.000Z', 3));
    put(`outbox/${OWN}/${B1}.sclb`, { kind: 'link' });
    put(`outbox/${OWN}/Thumbs.db`, file('2025-03-01T00:00:00.000Z', 4));
    put('outbox/elsewhere', { kind: 'link' });
    put(`outbox/${B1}.sclb`, file('2025-03-01T00:00:00.000Z', 5));
    const listing = await listSyncFolder(fs);
    expect(listing.entries.map((e) => [e.nodeId, e.bundleId])).toEqual([
      [OWN, B2],
      [OTHER, B1],
    ]);
    expect(Object.fromEntries(listing.skipped.map((s) => [s.name, s.reason]))).toEqual({
      [`outbox/${OWN}/${B1}.sclb.part`]: syncSkipReasons.temp,
      [`outbox/${OWN}/${B1}.sclb`]: syncSkipReasons.notRegular,
      'outbox/elsewhere': syncSkipReasons.notRegular,
      [`outbox/${B1}.sclb`]: syncSkipReasons.looseFile,
    });
  });

  it('writes a bundle id once: the same bytes again pass, different bytes are refused, an empty file is replaced', async () => {
    const { fs, nodes, writes } = memoryFs();
    await writeSyncBundle(fs, OWN, B1, new Uint8Array([1, 2]));
    await writeSyncBundle(fs, OWN, B1, new Uint8Array([1, 2]));
    expect(writes).toHaveLength(1);
    await expect(writeSyncBundle(fs, OWN, B1, new Uint8Array([2, 1]))).rejects.toThrow('内容不同，未覆盖');
    nodes.set(`outbox/${OWN}/${B2}.sclb`, file('x'));
    await writeSyncBundle(fs, OWN, B2, new Uint8Array([7]));
    expect(await openSyncBundle(fs, { nodeId: OWN, bundleId: B2 })).toEqual(new Uint8Array([7]));
  });

  it('opens a bundle to be read later, and closes what it opened when it refuses the file after all', async () => {
    const { fs, nodes, closed } = memoryFs();
    nodes.set(`outbox/${OTHER}/${B1}.sclb`, { kind: 'file', bytes: new Uint8Array(), at: '2025-03-01T00:00:00.000Z' });
    await expect(openSyncBundle(fs, { nodeId: OTHER, bundleId: B1 })).rejects.toThrow(syncSkipReasons.empty);
    expect(closed).toEqual([`outbox/${OTHER}/${B1}.sclb`]);
  });

  it('refuses bad ids and empty bundles before touching anything, in Chinese', async () => {
    const { fs, nodes } = memoryFs();
    await expect(writeSyncBundle(fs, '../x', B1, new Uint8Array([1]))).rejects.toThrow(SyncFolderError);
    await expect(writeSyncBundle(fs, OWN, B1, new Uint8Array())).rejects.toThrow('数据包为空');
    await expect(openSyncBundle(fs, { nodeId: OWN, bundleId: '../../x' })).rejects.toThrow('数据包编号无效');
    await expect(openSyncBundle(fs, { nodeId: OWN, bundleId: B1 })).rejects.toThrow('找不到数据包');
    expect(nodes.size).toBe(0);
  });

  it('wraps a failed write in a Chinese message', async () => {
    const { fs } = memoryFs();
    fs.writeFile = async () => {
      throw new Error('磁盘已满');
    };
    await expect(writeSyncBundle(fs, OWN, B1, new Uint8Array([1]))).rejects.toThrow('无法写入同步文件夹（未留下不完整的文件）：磁盘已满');
  });
});
