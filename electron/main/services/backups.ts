/**
 * Automatic snapshots (DESIGN §Sync, issue 4 "Backup"): the renderer hands over a full bundle
 * (daily, before every import and restore, or on request) and this service keeps it in
 * userData/backups as `<UTC timestamp>-<reason>.sclb`, then thins out old ones.
 *
 * Rotation: every backup of today up to `keepToday`, the newest one of each earlier day, at
 * most `maxTotal` overall — and never the one just written, whatever the clock says.
 *
 * The renderer is not trusted with this (issue 16): it cannot name the retention (that is
 * stored here and changed only after the clerk confirms in a main-process dialog), one write
 * removes at most one old backup, and the clerk's way back from a bad import — the newest
 * snapshot of each of the last 7 days and every before-import snapshot of the last 30 days —
 * is never removed, however many writes arrive.
 */
import { lstat, mkdir, readdir, readFile, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import {
  BACKUP_ID_PATTERN,
  MAX_BACKUP_RETENTION,
  MIN_BACKUP_RETENTION,
  type backupReasons,
} from '../../../shared/ipc/contract';
import { MAX_SYNC_BUNDLE_BYTES, SYNC_BUNDLE_EXTENSION } from '../../../shared/sync/folderLayout';
import { z } from 'zod';
import { type AtomicWriter, writeFileAtomic } from './atomic-write';
import { documentTypes } from './document-types';
import { ServiceError } from './errors';
import type { OpenedForReading } from './file-handles';
import { openRegularFile } from './safe-read';

export const BACKUPS_DIR = 'backups';
/** The retention setting, directly under userData (not under databases/, which Electron may wipe). */
export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
export const DEFAULT_KEEP_TODAY = 10;
export const DEFAULT_MAX_BACKUPS = 30;
/** The newest snapshot of each of this many days (today included) is always kept. */
export const PROTECTED_DAILY_DAYS = 7;
/** Every before-import snapshot younger than this is always kept. */
export const PROTECTED_BEFORE_IMPORT_DAYS = 30;
/** Beyond this many files no backup is written: protected snapshots cannot grow without end. */
export const HARD_MAX_BACKUPS = 500;
/** Free space a backup must leave on the userData disk (the ledger itself lives there too). */
export const MIN_FREE_BYTES_AFTER_BACKUP = 512 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

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
  /** Free bytes on the disk holding `folder`; defaults to statfs. */
  freeBytes?: (folder: string) => Promise<number>;
}

/** The clerk's answer to "change retention from A to B?", asked by the main process itself. */
export type ConfirmRetentionChange = (from: number, to: number) => Promise<boolean>;

export interface BackupStore {
  write(bytes: Uint8Array, reason: BackupReason): Promise<BackupEntry>;
  list(): Promise<BackupEntry[]>;
  /**
   * A backup opened (not read) for the page to read in ranges through file-handles.ts (issue 10:
   * a restore never carries the whole file over IPC); the caller owns the open file.
   */
  open(id: string): Promise<OpenedForReading>;
  retention(): Promise<{ maxTotal: number }>;
  /** Changes the retention only when `confirm` (a main-process dialog) says yes. */
  setRetention(maxTotal: number, confirm: ConfirmRetentionChange): Promise<{ maxTotal: number; changed: boolean }>;
}

const backupSettingsSchema = z.object({ maxTotal: z.number().int().min(MIN_BACKUP_RETENTION).max(MAX_BACKUP_RETENTION) });

async function statfsFreeBytes(folder: string): Promise<number> {
  const info = await statfs(folder);
  return Number(info.bavail) * Number(info.bsize);
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
 * Backups no rotation may remove: the newest of each of the last 7 calendar days and every
 * before-import snapshot of the last 30 days — the clerk's way back from a bad import.
 */
export function alwaysKept(entries: readonly BackupEntry[], now: Date, dayKey: (date: Date) => string): Set<string> {
  const recentDays = new Set(Array.from({ length: PROTECTED_DAILY_DAYS }, (_, i) => dayKey(new Date(now.getTime() - i * DAY_MS))));
  const importCutoff = now.getTime() - PROTECTED_BEFORE_IMPORT_DAYS * DAY_MS;
  const kept = new Set<string>();
  const daysSeen = new Set<string>();
  for (const entry of [...entries].sort(newestFirst)) {
    const day = dayKey(new Date(entry.createdAt));
    if (recentDays.has(day) && !daysSeen.has(day)) kept.add(entry.id);
    daysSeen.add(day);
    if (entry.reason === 'before-import' && Date.parse(entry.createdAt) >= importCutoff) kept.add(entry.id);
  }
  return kept;
}

/**
 * Which backups survive. Pure, so the policy is tested without files. `protect` is the backup
 * just written: after a clock was put back, older files may carry later timestamps, and the
 * snapshot taken right before an import must still survive that import. Backups in
 * alwaysKept() survive whatever the settings, even beyond maxTotal.
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
  const guarded = alwaysKept(sorted, now, policy.dayKey);
  const kept = new Set([...keep, ...sorted.filter((e) => guarded.has(e.id))]);
  return { keep: sorted.filter((e) => kept.has(e)), remove: sorted.filter((e) => !kept.has(e)) };
}

/** One write removes at most one old backup, the oldest the plan lets go. */
export function nextRemoval(plan: { remove: readonly BackupEntry[] }): BackupEntry | undefined {
  return plan.remove.at(-1);
}

export function createBackupStore(userDataDir: string, options: BackupStoreOptions = {}): BackupStore {
  const dir = path.join(userDataDir, BACKUPS_DIR);
  const now = options.now ?? (() => new Date());
  const writeAtomic = options.writeFile ?? writeFileAtomic;
  const freeBytes = options.freeBytes ?? statfsFreeBytes;
  const settingsFile = path.join(userDataDir, BACKUP_SETTINGS_FILE);
  const defaultMaxTotal = options.maxTotal ?? DEFAULT_MAX_BACKUPS;
  const policy: Omit<RotationPolicy, 'maxTotal'> = {
    keepToday: options.keepToday ?? DEFAULT_KEEP_TODAY,
    dayKey: options.dayKey ?? localDayKey,
  };
  const fileOf = (id: string) => path.join(dir, `${id}${SYNC_BUNDLE_EXTENSION}`);

  async function retention(): Promise<{ maxTotal: number }> {
    try {
      const parsed = backupSettingsSchema.safeParse(JSON.parse(await readFile(settingsFile, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Missing or unreadable: the default, never "keep nothing".
    }
    return { maxTotal: defaultMaxTotal };
  }

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

  async function rotate(justWritten: string): Promise<void> {
    const { maxTotal } = await retention();
    const victim = nextRemoval(planRotation(await list(), now(), { ...policy, maxTotal }, justWritten));
    if (!victim) return;
    try {
      await rm(fileOf(victim.id), { force: true });
    } catch (error) {
      // Thinning out is housekeeping: a locked old file must not fail the new backup.
      console.warn(`[backups] could not remove ${victim.id}`, error);
    }
  }

  return {
    list,
    retention,

    async setRetention(maxTotal, confirm) {
      const parsed = backupSettingsSchema.safeParse({ maxTotal });
      if (!parsed.success) throw new ServiceError(`备份保留份数应为 ${MIN_BACKUP_RETENTION}–${MAX_BACKUP_RETENTION} 之间的整数`);
      const current = await retention();
      if (current.maxTotal === maxTotal || !(await confirm(current.maxTotal, maxTotal))) return { ...current, changed: false };
      try {
        await writeAtomic(settingsFile, new TextEncoder().encode(`${JSON.stringify({ maxTotal }, null, 2)}\n`));
      } catch (error) {
        throw new ServiceError(`无法保存备份保留份数：${(error as Error).message}`);
      }
      return { maxTotal, changed: true };
    },

    async write(bytes, reason) {
      if (bytes.byteLength === 0) throw new ServiceError('备份内容为空，未写入');
      if (bytes.byteLength > MAX_SYNC_BUNDLE_BYTES) throw new ServiceError('备份超过 200 MB，未写入');
      // Junk must not take a slot (and push a real snapshot out) in place of a backup.
      if (!documentTypes.sclb.matches(bytes)) throw new ServiceError('备份内容不是 SciLedger 数据包，未写入');
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        throw new ServiceError(`无法创建备份文件夹：${(error as Error).message}`);
      }
      const entries = await list();
      if (entries.length >= HARD_MAX_BACKUPS) {
        throw new ServiceError(`备份已有 ${entries.length} 份，达到上限，新的备份未写入；请联系维护人员整理备份文件夹`);
      }
      let free: number | undefined;
      try {
        free = await freeBytes(dir);
      } catch {
        // Unknown free space (an exotic file system): the write itself will report a full disk.
      }
      if (free !== undefined && free - bytes.byteLength < MIN_FREE_BYTES_AFTER_BACKUP) {
        throw new ServiceError(
          `磁盘剩余空间不足（剩余 ${Math.floor(free / (1024 * 1024))} MB），备份未写入；请清理磁盘，至少留出 ${MIN_FREE_BYTES_AFTER_BACKUP / (1024 * 1024)} MB`,
        );
      }
      // Two backups in the same millisecond (before-restore right after a manual one) get
      // consecutive stamps instead of one overwriting the other.
      const existing = new Set(entries.map((e) => e.id));
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
      await rotate(id);
      return parseBackupId(id, bytes.byteLength)!;
    },

    async open(id) {
      // Re-checked here: this is where the id becomes a path, always inside the backups folder.
      if (!parseBackupId(id)) throw new ServiceError('备份编号无效');
      const name = `${id}${SYNC_BUNDLE_EXTENSION}`;
      const opened = await openRegularFile(fileOf(id), MAX_SYNC_BUNDLE_BYTES);
      switch (opened.kind) {
        case 'ok':
          return { handle: opened.handle, info: opened.info, name };
        case 'missing':
          throw new ServiceError('找不到该备份，可能已被自动清理');
        case 'not-regular':
          throw new ServiceError('该备份不是普通文件，无法读取');
        case 'too-large':
          throw new ServiceError('备份超过 200 MB，无法读取');
        default:
          throw new ServiceError(`无法读取该备份：${opened.detail}`);
      }
    },
  };
}
