/**
 * Folders inside the sync folder that someone else may have replaced by a link: an NTFS
 * junction (or a symlink) at `outbox` or `outbox/<nodeId>` would send our writes — and reads —
 * anywhere on this PC, e.g. the clerk's Startup folder. Each level is checked on its own (a
 * mkdir -p would walk straight through a junction), and the resolved path must stay inside
 * the resolved sync root.
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { SyncFolderError } from '../../../shared/sync/folderProtocol';
import { errorDetail } from './safe-read';

/** True when `inner` is `outer` or lies below it (both already resolved). */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

const linkedFolder = (label: string) =>
  new SyncFolderError(`同步文件夹中的“${label}”是链接或快捷方式而不是普通文件夹，为安全起见未读写；请删除它后重新同步`);

/**
 * A folder inside the sync root that must be a real directory: not a symlink or junction,
 * and resolving to itself under the resolved root. With `create`, made first if missing
 * (one level: the parent was checked already).
 */
export async function requireRealFolder(realRoot: string, folder: string, label: string, create: boolean): Promise<'ok' | 'missing'> {
  if (create) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new SyncFolderError(`无法在同步文件夹中创建 ${label}：${errorDetail(error)}`);
      }
    }
  }
  let info;
  try {
    info = await lstat(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !create) return 'missing';
    throw new SyncFolderError(`无法读取同步文件夹中的 ${label}：${errorDetail(error)}`);
  }
  if (info.isSymbolicLink() || !info.isDirectory()) throw linkedFolder(label);
  let resolved: string;
  try {
    resolved = await realpath(folder);
  } catch (error) {
    throw new SyncFolderError(`无法读取同步文件夹中的 ${label}：${errorDetail(error)}`);
  }
  if (!isInside(realRoot, resolved) || path.basename(resolved).toLowerCase() !== path.basename(folder).toLowerCase()) {
    throw linkedFolder(label);
  }
  return 'ok';
}
