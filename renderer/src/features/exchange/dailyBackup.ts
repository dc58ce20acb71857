import { useEffect } from 'react';
import { useDb } from '../../db/DbContext';
import type { SciLedgerDb } from '../../db/database';
import { usePlatform } from '../../platform';
import type { BackupEntry, Platform } from '../../platform/Platform';
import { takeBackup } from './syncDeps';
import { localDay } from './wording';

/** Whether a daily snapshot already exists for `today` (local calendar day). */
export function hasDailyBackupFor(entries: readonly Pick<BackupEntry, 'reason' | 'createdAt'>[], today: Date): boolean {
  const day = localDay(today);
  return entries.some((e) => e.reason === 'daily' && localDay(new Date(e.createdAt)) === day);
}

/** Writes today's 'daily' backup unless one exists; null when nothing was written. */
export async function ensureDailyBackup(db: SciLedgerDb, platform: Platform, now = new Date()): Promise<BackupEntry | null> {
  if (!platform.backups) return null;
  if (hasDailyBackupFor(await platform.backups.list(), now)) return null;
  return takeBackup(db, platform, 'daily');
}

/**
 * Desktop: one automatic snapshot a day, taken when the app opens (issue 4 "Backup"). The shell
 * calls this once; a failure is logged but never blocks the clerk's work.
 */
export function useDailyBackup(): void {
  const db = useDb();
  const platform = usePlatform();
  useEffect(() => {
    if (!platform.backups) return;
    // Let the first screen render before a full export competes for IndexedDB.
    const timer = window.setTimeout(() => {
      ensureDailyBackup(db, platform).catch((error: unknown) => console.warn('每日自动备份失败', error));
    }, 3000);
    return () => window.clearTimeout(timer);
  }, [db, platform]);
}
