import type { CheckResult } from './check-result';

/*
 * Mainland China mobile numbers (ITU-T E.164 country code 86): 11 digits, 1 followed by a
 * network digit 3–9 per the MIIT 《电信网编号计划》; 10–12 head service and special numbers, not
 * mobile subscribers. People write them as 138 0013 8000, 138-0013-8000,
 * +86 138… or 0086 138…, so those separators and prefixes are tolerated.
 */
export function checkMobile(s: string): CheckResult {
  const raw = String(s ?? '').trim();
  if (raw === '') return { ok: false, message: '请填写手机号' };
  let digits = raw.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  if (!/^\d+$/.test(digits)) return { ok: false, message: '手机号只能包含数字（可带空格、连字符或 +86 前缀）' };
  if (digits.length !== 11) return { ok: false, message: `手机号应为 11 位数字，当前为 ${digits.length} 位` };
  if (!/^1[3-9]/.test(digits)) return { ok: false, message: '手机号应以 13–19 开头' };
  return { ok: true };
}
