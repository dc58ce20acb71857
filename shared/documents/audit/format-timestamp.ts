/** China Standard Time: offices read every timestamp in Beijing time (UTC+8, no DST). */
export const BEIJING_UTC_OFFSET_MINUTES = 8 * 60;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "2026年5月8日 14:32" for an ISO timestamp — dates shown to a clerk are in Chinese form — at a
 * fixed UTC offset rather than the machine's zone, so the same oplog prints the same report on
 * every PC (office clocks and zones are unreliable).
 */
export function formatTimestamp(iso: string, utcOffsetMinutes: number = BEIJING_UTC_OFFSET_MINUTES): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`时间“${iso}”无效`);
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
