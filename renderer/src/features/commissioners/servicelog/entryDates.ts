/**
 * Dates as a clerk types them in the quick-entry row: 2026-03-05, 2026/3/5, 2026.3.5, or within
 * the year on screen 3-5, 3/5, 3.5, 0305. Several dates (bulk entry) are separated by 、，, ；
 * or spaces. Returns YYYY-MM-DD, or undefined when the text is not a real calendar date.
 */
export function parseEntryDate(text: string, year: number): string | undefined {
  const t = text.trim();
  let y = year;
  let m: number;
  let d: number;
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t))) {
    m = Number(match[1]);
    d = Number(match[2]);
  } else if ((match = /^(\d{2})(\d{2})$/.exec(t))) {
    m = Number(match[1]);
    d = Number(match[2]);
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

export type ParsedDates = { ok: true; dates: string[] } | { ok: false; message: string };

/** Bulk entry: every date must parse, none twice. */
export function parseEntryDates(text: string, year: number): ParsedDates {
  const parts = text.split(/[、，,；;\s]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: '请填写服务日期' };
  const dates: string[] = [];
  for (const part of parts) {
    const date = parseEntryDate(part, year);
    if (!date) return { ok: false, message: `“${part}”不是有效日期（格式如 2026-03-05 或 3-5）` };
    if (dates.includes(date)) return { ok: false, message: `日期 ${date} 重复` };
    dates.push(date);
  }
  return { ok: true, dates: dates.sort() };
}
