import { isRealCalendarDate } from './calendar-date';

export interface ChineseDateOptions {
  /**
   * 'arabic' (default): 公文成文日期 per GB/T 9704-2012 §7.3.5 — Arabic numerals, year in full,
   * month and day without leading zeros. 'chinese': the traditional form still used on
   * certificates and seals (二〇二六年十一月二十二日).
   */
  numerals?: 'arabic' | 'chinese';
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Year digits are read one by one (二〇二六), with 〇 (U+3007) rather than 零 for zero. */
function chineseYear(year: number): string {
  return String(year)
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('');
}

/** Months and days are read as numbers: 十, 十五, 二十, 二十二, 三十一 (never 一十). */
function chineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return units === 0 ? head : `${head}${DIGITS[units]}`;
}

function calendarFields(date: Date | string): { year: number; month: number; day: number } {
  if (typeof date === 'string') {
    // A bare calendar date: parse the digits directly, because new Date('2026-11-22') is UTC
    // midnight and would read back as the 21st west of Greenwich.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
    if (!m) throw new Error(`日期格式应为 YYYY-MM-DD，收到“${date}”`);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1 || !isRealCalendarDate(year, month, day)) throw new Error(`日期“${date}”不存在`);
    return { year, month, day };
  }
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new Error('日期无效');
  }
  const year = date.getFullYear();
  if (year < 1 || year > 9999) throw new Error(`年份 ${year} 超出可表示范围（1–9999）`);
  return { year, month: date.getMonth() + 1, day: date.getDate() };
}

export function toChineseDate(date: Date | string, options: ChineseDateOptions = {}): string {
  const { year, month, day } = calendarFields(date);
  if (options.numerals === 'chinese') {
    return `${chineseYear(year)}年${chineseOrdinal(month)}月${chineseOrdinal(day)}日`;
  }
  return `${year}年${month}月${day}日`;
}
