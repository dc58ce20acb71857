import { SKEW_WARNING_MS } from '../../db/sync';

/**
 * Chinese wording of 数据交换: durations, clock skew, backup reasons, dates. Pure, so the phrases
 * a clerk reads are pinned by unit tests.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "约 3 小时", "25 分钟", "2 天 4 小时": rounded to what a clerk can act on (fix the clock). */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.max(1, Math.round(abs / 1000))} 秒`;
  if (abs < HOUR) return `${Math.round(abs / MINUTE)} 分钟`;
  if (abs < 2 * DAY) {
    const hours = Math.round(abs / HOUR);
    return hours >= 48 ? '2 天' : `${hours} 小时`;
  }
  const days = Math.floor(abs / DAY);
  const hours = Math.round((abs - days * DAY) / HOUR);
  if (hours === 24) return `${days + 1} 天`;
  return hours ? `${days} 天 ${hours} 小时` : `${days} 天`;
}

/**
 * Whether a preview's skew is worth a warning. Only a clock AHEAD can be seen from a bundle: a
 * negative value just means the bundle was written some time ago.
 */
export function isNotableSkew(skewMs: number): boolean {
  return skewMs > SKEW_WARNING_MS;
}

/**
 * skewMs = the other machine's clock minus ours (shared/sync/hlc.ts receive): positive means the
 * other machine runs ahead. Names the machine, because the fix is to set ITS clock.
 */
export function describeSkew(nodeName: string, skewMs: number): string {
  const who = `电脑“${nodeName || '未命名'}”`;
  return `${who}的时钟比本机${skewMs >= 0 ? '快' : '慢'} ${formatDuration(skewMs)}，请核对该电脑的日期和时间`;
}

export type BackupReason = 'daily' | 'before-import' | 'before-restore' | 'manual';

export const backupReasonLabels: Record<BackupReason, string> = {
  daily: '每日自动',
  'before-import': '导入前',
  'before-restore': '恢复前',
  manual: '手动',
};

export function backupReasonLabel(reason: string): string {
  return backupReasonLabels[reason as BackupReason] ?? reason;
}

/** "2026-11-24 10:05" in local time: what a clerk compares with the clock on the wall. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Local calendar day 'YYYY-MM-DD' (the daily backup is per day as the clerk counts days). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "35%" — a delete share as a clerk reads it. */
export function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct) : pct.toFixed(1)}%`;
}

const safeFileName = (name: string, fallback: string) => (name || fallback).replace(/[\\/:*?"<>|\s]+/g, '_');

/**
 * A file name for a bundle saved by hand: who, when, which kind — and for an update made for
 * one machine, for whom (`甲-给「乙」-更新-…`, issue 10: the wrong desk shows in the name).
 */
export function bundleFileName(nodeName: string, kind: 'incremental' | 'full', now: Date, targetName?: string, part?: { index: number; count: number }): string {
  const stamp = localDay(now).replace(/-/g, '') + '-' + String(now.getHours()).padStart(2, '0') + String(now.getMinutes()).padStart(2, '0');
  const what = kind === 'full' ? '全量' : targetName === undefined ? '更新' : `给「${safeFileName(targetName, '对方')}」-更新`;
  // An export split because of its attachment files (issue 11): every part is imported, in any order.
  const which = part ? `-第${part.index}包共${part.count}包` : '';
  return `${safeFileName(nodeName, '本机')}-${what}-${stamp}${which}.sclb`;
}
