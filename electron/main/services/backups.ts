/**
 * Automatic snapshots (DESIGN §Sync, issue 4 "Backup"): the renderer hands over a full bundle
 * (daily, before every import and restore, or on request) and this service keeps it in
 * userData/backups as `<UTC timestamp>-<reason>.sclb`, then thins out old ones.
 *
 * Rotation: every backup of today up to `keepToday`, the newest one of each earlier day, at
 * most `maxTotal` overall — and never the one just written, whatever the clock says.
 */
import { lstat, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_ID_PATTERN,
  type backupReasons,
  MAX_SYNC_BUNDLE_BYTES,
  SYNC_BUNDLE_EXTENSION,
} from '../../../shared/ipc/contract';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import { ServiceError } from './errors';

export const BACKUPS_DIR = 'backups';
export const DEFAULT_KEEP_TODAY = 10;
export const DEFAULT_MAX_BACKUPS = 30;

export type BackupReason = (typeof backupReasons)[number];

export interface BackupEntry {
  id: string;
  reason: BackupReason;
  createdAt: string;
  size: number;
}

export interface RotationPolicy {
  /** How many of today's backups survive (newest first). */
  keepToday: number;
  /** Upper bound on all backups together. */
  maxTotal: number;
  /** Calendar day of a moment; local time by default, because "today" is the clerk's today. */
  dayKey: (date: Date) => string;
}

export interface BackupStoreOptions extends Partial<RotationPolicy> {
  now?: () => Date;
  writeFile?: AtomicWriter;
}

export interface BackupStore {
  write(bytes: Uint8Array, reason: BackupReason, overrides?: { maxTotal?: number }): Promise<BackupEntry>;
  list(): Promise<BackupEntry[]>;
  read(id: string): Promise<Uint8Array>;
}

export function localDayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "20250301T083015123Z": ISO 8601 basic format, sortable and free of ":" (Windows). */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** The entry an id describes, or null when it is not a backup id. */
export function parseBackupId(id: string, size = 0): BackupEntry | null {
  const match = BACKUP_ID_PATTERN.exec(id);
  if (!match) return null;
  const s = match[1];
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  if (Number.isNaN(Date.parse(iso))) return null;
  return { id, reason: match[2] as BackupReason, createdAt: iso, size };
}

function newestFirst(a: BackupEntry, b: BackupEntry): number {
  // The timestamp leads the id, so the id order is the time order.
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Which backups survive. Pure, so the policy is tested without files. `protect` is the backup
 * just written: after a clock was put back, older files may carry later timestamps, and the
 * snapshot taken right before an import must still survive that import.
 */
export function planRotation(
  entries: readonly BackupEntry[],
  now: Date,
  policy: RotationPolicy,
  protect?: string,
): { keep: BackupEntry[]; remove: BackupEntry[] } {
  const keepToday = Math.max(1, Math.floor(policy.keepToday));
  const maxTotal = Math.max(1, Math.floor(policy.maxTotal));
  const today = policy.dayKey(now);
  const sorted = [...entries].sort(newestFirst);
  const daysSeen = new Set<string>();
  let todayCount = 0;
  let keep: BackupEntry[] = [];
  for (const entry of sorted) {
    const day = policy.dayKey(new Date(entry.createdAt));
    if (day === today) {
      if (todayCount < keepToday) keep.push(entry);
      todayCount += 1;
    } else if (!daysSeen.has(day)) {
      keep.push(entry);
    }
    daysSeen.add(day);
  }
  keep = keep.slice(0, maxTotal);
  const protectedEntry = protect === undefined ? undefined : sorted.find((e) => e.id === protect);
  if (protectedEntry && !keep.includes(protectedEntry)) {
    keep = [...keep.slice(0, maxTotal - 1), protectedEntry].sort(newestFirst);
  }
  const kept = new Set(keep);
  return { keep, remove: sorted.filter((e) => !kept.has(e)) };
}

export function createBackupStore(userDataDir: string, options: BackupStoreOptions = {}): BackupStore {
  const dir = path.join(userDataDir, BACKUPS_DIR);
  const now = options.now ?? (() => new Date());
  const writeAtomic = options.writeFile ?? writeFileAtomic;
  const policy: RotationPolicy = {
    keepToday: options.keepToday ?? DEFAULT_KEEP_TODAY,
    maxTotal: options.maxTotal ?? DEFAULT_MAX_BACKUPS,
    dayKey: options.dayKey ?? localDayKey,
  };
  const fileOf = (id: string) => path.join(dir, `${id}${SYNC_BUNDLE_EXTENSION}`);

  async function list(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new ServiceError(`无法读取备份文件夹：${(error as Error).message}`);
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      // Temp files of an interrupted write and anything else in the folder are not backups.
      if (!name.endsWith(SYNC_BUNDLE_EXTENSION)) continue;
      const id = name.slice(0, -SYNC_BUNDLE_EXTENSION.length);
      if (!parseBackupId(id)) continue;
      try {
        const info = await lstat(path.join(dir, name));
        if (info.isFile()) entries.push(parseBackupId(id, info.size)!);
      } catch {
        // Removed between readdir and lstat (a concurrent rotation): not a backup any more.
      }
    }
    return entries.sort(newestFirst);
  }

  async function rotate(justWritten: string, maxTotal = policy.maxTotal): Promise<void> {
    const { remove } = planRotation(await list(), now(), { ...policy, maxTotal }, justWritten);
    for (const entry of remove) {
      try {
        await rm(fileOf(entry.id), { force: true });
      } catch (error) {
        // Thinning out is housekeeping: a locked old file must not fail the new backup.
        console.warn(`[backups] could not remove ${entry.id}`, error);
      }
    }
  }

  return {
    list,

    async write(bytes, reason, overrides = {}) {
      if (bytes.byteLength === 0) throw new ServiceError('备份内容为空，未写入');
      if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new ServiceError('备份超过 200 MB，未写入');
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        throw new ServiceError(`无法创建备份文件夹：${(error as Error).message}`);
      }
      // Two backups in the same millisecond (before-restore right after a manual one) get
      // consecutive stamps instead of one overwriting the other.
      const existing = new Set((await list()).map((e) => e.id));
      let at = now().getTime();
      let id = `${backupStamp(new Date(at))}-${reason}`;
      while (existing.has(id)) {
        at += 1;
        id = `${backupStamp(new Date(at))}-${reason}`;
      }
      try {
        await writeAtomic(fileOf(id), bytes);
      } catch (error) {
        throw new ServiceError(`无法写入备份（已有备份未受影响）：${(error as Error).message}`);
      }
      await rotate(id, overrides.maxTotal);
      return parseBackupId(id, bytes.byteLength)!;
    },

    async read(id) {
      // Re-checked here: this is where the id becomes a path.
      if (!parseBackupId(id)) throw new ServiceError('备份编号无效');
      const file = fileOf(id);
      let info;
      try {
        info = await lstat(file);
      } catch {
        throw new ServiceError('找不到该备份，可能已被自动清理');
      }
      if (!info.isFile()) throw new ServiceError('该备份不是普通文件，无法读取');
      if (info.size > MAX_SYNC_BUNDLE_BYTES) throw new ServiceError('备份超过 200 MB，无法读取');
      const buffer = await readFile(file);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}
