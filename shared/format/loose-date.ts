import { isRealCalendarDate } from './calendar-date';

export type LooseDateResult = { ok: true; date: string } | { ok: false; message: string };

export interface LooseDateOptions {
  /** Year for spellings without one (3月底, 5月20日), e.g. the plan's working year. */
  defaultYear?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二一 → 2021 (digit by digit); 十二 → 12, 二十五 → 25, 三十一 → 31 (as a number). */
function chineseNumber(s: string, digitwise: boolean): string {
  if (digitwise) return [...s].map((c) => CHINESE_DIGITS[c] ?? c).join('');
  const m = /^([一二三]?)十([一二三四五六七八九]?)$/.exec(s);
  if (m) return String((m[1] ? CHINESE_DIGITS[m[1]] : 1) * 10 + (m[2] ? CHINESE_DIGITS[m[2]] : 0));
  return [...s].map((c) => CHINESE_DIGITS[c] ?? c).join('');
}

/** Full-width digits and punctuation, Chinese numerals and trailing 前/以前 made plain. */
function normalise(text: string): string {
  let s = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[．。]/g, '.')
    .replace(/[－—–]/g, '-')
    .replace(/\s+/g, '')
    .replace(/(之前|以前|前)$/, '');
  s = s.replace(/^([〇零一二三四五六七八九]{4})年/, (_, y: string) => `${chineseNumber(y, true)}年`);
  s = s.replace(/([〇零一二三四五六七八九十]{1,3})(?=[月日号])/g, (_, n: string) => chineseNumber(n, false));
  return s;
}

/**
 * Excel stores dates as day serials from 1899-12-30 (it counts a 1900-02-29 that never was, so
 * serials from 61 on line up with that epoch). Only serials of 1990–2100 are taken, so that a
 * stray number is not read as a date of 1905.
 */
function fromExcelSerial(serial: number): string | undefined {
  if (serial < 32874 || serial > 73415) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A date as Chinese offices write it in a plan: 2021-08-31, 2021/8/31, 2021.8.31, 2021年8月31日
 * (or 号), 二〇二一年八月三十一日, 2021年8月底/月末 and 2021年8月 (the month's last day: a
 * deadline "by August"), 2021年底/年末, 2021年上半年/下半年, 8月31日 or 8月底 with a default
 * year, and Excel's date serials (44439). Returns YYYY-MM-DD or a Chinese message.
 */
export function parseLooseDate(text: string, options: LooseDateOptions = {}): LooseDateResult {
  const original = text.trim();
  if (original === '') return { ok: false, message: '日期为空' };
  const s = normalise(original);

  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const date = fromExcelSerial(Number(s));
    return date ? { ok: true, date } : { ok: false, message: `“${original}”不是可识别的日期` };
  }

  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)) || (m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月)?(底|末|份)?$/.exec(s)) && (m[3] !== undefined || /年.*月|[-/]/.test(s))) {
    // 2021年8月, 2021年8月底, 2021-08 — but not 2021.8, which reads like a number.
    [year, month] = [Number(m[1]), Number(m[2])];
    if (month >= 1 && month <= 12) day = lastDay(year, month);
  } else if ((m = /^(\d{4})年(底|末)$/.exec(s))) {
    [year, month, day] = [Number(m[1]), 12, 31];
  } else if ((m = /^(\d{4})年(上|下)半年(底|末)?$/.exec(s))) {
    [year, month, day] = m[2] === '上' ? [Number(m[1]), 6, 30] : [Number(m[1]), 12, 31];
  } else if ((m = /^(\d{1,2})月(\d{1,2})[日号]$/.exec(s)) || (m = /^(\d{1,2})月(底|末)$/.exec(s))) {
    if (options.defaultYear === undefined) return { ok: false, message: `“${original}”缺少年份` };
    year = options.defaultYear;
    month = Number(m[1]);
    day = /^\d+$/.test(m[2]) ? Number(m[2]) : month >= 1 && month <= 12 ? lastDay(year, month) : undefined;
  } else {
    return { ok: false, message: `“${original}”不是可识别的日期` };
  }
  if (day === undefined || month === undefined || !isRealCalendarDate(year, month, day)) {
    return { ok: false, message: `日期“${original}”不存在` };
  }
  if (year < 1990 || year > 2100) return { ok: false, message: `日期“${original}”的年份超出 1990–2100` };
  return { ok: true, date: iso(year, month, day) };
}
