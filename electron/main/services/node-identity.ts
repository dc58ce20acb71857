/**
 * Which outbox folder this installation writes into (outbox/<nodeId>/). The main process keeps
 * it itself, in userData, so a compromised page cannot write into another machine's outbox:
 * it is recorded once — the first time the app writes to a sync folder, from the nodeId the
 * ledger database created — and any other id is refused from then on. The file is created
 * with an exclusive create, so two racing first writes cannot both register.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isSyncId } from '../../../shared/sync/folderLayout';
import { ServiceError } from './errors';

/** Directly under userData — not under userData/databases, which Electron may wipe. */
export const NODE_IDENTITY_FILE = 'sync-node.json';

const identitySchema = z.object({ nodeId: z.string().refine(isSyncId) });

export interface NodeIdentity {
  /** The registered id, or null before the first sync write. */
  current(): Promise<string | null>;
  /** Registers `nodeId` if none is registered yet; refuses any id other than the registered one. */
  claim(nodeId: string): Promise<string>;
}

export function createNodeIdentity(userDataDir: string): NodeIdentity {
  const file = path.join(userDataDir, NODE_IDENTITY_FILE);

  async function current(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ServiceError(`无法读取本机节点登记（${file}）：${(error as Error).message}`);
    }
    let parsed;
    try {
      parsed = identitySchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    // Never silently re-register: that is exactly what an attacker would want.
    if (!parsed?.success) throw new ServiceError(`本机节点登记文件已损坏（${file}），为安全起见不写入同步文件夹；请联系维护人员`);
    return parsed.data.nodeId;
  }

  function refuse(registered: string): never {
    throw new ServiceError(
      `本机在同步文件夹中的节点编号已登记为 ${registered}，拒绝写入其他编号的文件夹（只能写入本机自己的 outbox 文件夹）`,
    );
  }

  return {
    current,
    async claim(nodeId) {
      if (!isSyncId(nodeId)) throw new ServiceError('本机节点编号无效，应为 UUID');
      const registered = await current();
      if (registered !== null) return registered.toLowerCase() === nodeId.toLowerCase() ? registered : refuse(registered);
      try {
        await writeFile(file, `${JSON.stringify({ nodeId }, null, 2)}\n`, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new ServiceError(`无法登记本机节点编号：${(error as Error).message}`);
        }
        const winner = await current();
        if (winner === null || winner.toLowerCase() !== nodeId.toLowerCase()) return refuse(winner ?? '（未知）');
        return winner;
      }
      return nodeId;
    },
  };
}
