import { isRealCalendarDate } from './calendar-date';
import type { CheckResult } from './check-result';

/*
 * 公民身份号码, GB 11643-1999: 6 位地址码 (GB/T 2260) + 8 位出生日期码 (YYYYMMDD)
 * + 3 位顺序码 + 1 位校验码. The check character is ISO 7064 MOD 11-2 (GB 11643-1999 §8.2):
 * weights 2^(18-i) mod 11, remainder 0..10 mapped to 1 0 X 9 8 7 6 5 4 3 2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of the address code: the provincial-level divisions of GB/T 2260, plus 71
 * 台湾, 81 香港, 82 澳门 and 83 (台湾居民居住证, 2018).
 */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
  52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

const EARLIEST_BIRTH_YEAR = 1900;

/** Check character for a 17-digit body; assumes the body is all digits. */
export function idNumberCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function formatProblem(id: string, today: Date): string | undefined {
  if (id === '') return '请填写身份证号';
  const chars = Array.from(id);
  if (chars.length !== 18) {
    const old = chars.length === 15 ? '（15 位旧号码请换用 18 位新号码）' : '';
    return `身份证号应为 18 位，当前为 ${chars.length} 位${old}`;
  }
  for (let i = 0; i < 17; i++) {
    if (!/\d/.test(chars[i])) return `第 ${i + 1} 位应为数字，当前为“${chars[i]}”`;
  }
  if (!/[\dX]/.test(chars[17])) return `第 18 位校验码应为数字或 X，当前为“${chars[17]}”`;

  const province = Number(id.slice(0, 2));
  if (!PROVINCE_CODES.has(province)) return `前 2 位省级行政区划代码“${id.slice(0, 2)}”不存在`;

  const birth = id.slice(6, 14);
  const [year, month, day] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  if (!isRealCalendarDate(year, month, day)) return `第 7–14 位出生日期“${birth}”不是有效日期`;
  if (year < EARLIEST_BIRTH_YEAR) return `出生日期“${birth}”早于 ${EARLIEST_BIRTH_YEAR} 年`;
  // Compare calendar fields, not instants: the number states a local date with no time zone.
  const todayKey = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  if (year * 10000 + month * 100 + day > todayKey) return `出生日期“${birth}”晚于今天`;
  return undefined;
}

export function checkIdNumber(id: string, today: Date = new Date()): CheckResult {
  const normalized = String(id ?? '').trim().toUpperCase();
  const problem = formatProblem(normalized, today);
  if (problem) return { ok: false, message: problem };
  const expected = idNumberCheckChar(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { ok: false, message: `校验码应为 ${expected}`, expected };
  return { ok: true };
}
