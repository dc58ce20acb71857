import type { CheckResult } from './check-result';
import { checkMobile } from './mobile';

/*
 * Mainland landlines (《电信网编号计划》): a trunk prefix 0, an area code of 2–3 digits after it
 * (010, 020–029 are two-digit; Guangxi's are three: 0771 南宁, 0772 柳州 …) and a local number
 * of 7–8 digits not starting with 0 or 1, optionally an extension. Written 0771-1234567,
 * (0771)1234567, 0771 1234 5678 or 0771-1234567-801.
 */
export function checkLandline(s: string): CheckResult {
  const raw = String(s ?? '').trim().replace(/[（(]/g, '').replace(/[）)]/g, '-');
  if (raw === '') return { ok: false, message: '请填写电话号码' };
  const [main, ext, ...more] = raw.split(/\s*(?:转|ext\.?|#)\s*/i);
  if (more.length || (ext !== undefined && !/^\d{1,5}$/.test(ext))) return { ok: false, message: '分机号应为 1–5 位数字' };
  const result = checkLandlineNumber(main);
  // 0771-1234567-801: a trailing short group after a complete number is an extension.
  const trailing = /^(.*\d)-(\d{1,5})$/.exec(main);
  if (!result.ok && ext === undefined && trailing && checkLandlineNumber(trailing[1]).ok) return { ok: true };
  return result;
}

function checkLandlineNumber(main: string): CheckResult {
  let digits = main.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0086')) digits = `0${digits.slice(4)}`;
  if (!/^\d+$/.test(digits)) return { ok: false, message: '电话号码只能包含数字（可带区号括号、空格或连字符）' };
  if (!digits.startsWith('0')) return { ok: false, message: '固定电话应带区号，如 0771-1234567' };
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (local.length < 7 || local.length > 8) return { ok: false, message: `固定电话区号后应为 7–8 位号码，当前为 ${local.length} 位` };
  if (/^[01]/.test(local)) return { ok: false, message: '固定电话号码不应以 0 或 1 开头' };
  return { ok: true };
}

/** A contact number: a mobile, or a landline with its area code. */
export function checkPhone(s: string): CheckResult {
  const raw = String(s ?? '').trim();
  if (raw === '') return { ok: false, message: '请填写电话号码' };
  if (checkMobile(raw).ok || checkLandline(raw).ok) return { ok: true };
  // Say what the number most looks like it was meant to be.
  const compact = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (compact.startsWith('1')) return checkMobile(raw);
  if (/^[0(（]/.test(compact)) return checkLandline(raw);
  return { ok: false, message: '应为 11 位手机号或带区号的固定电话（如 0771-1234567）' };
}

/** An e-mail address as people type it: one @, a name, a domain with a dot, no spaces. */
export function checkEmail(s: string): CheckResult {
  const raw = String(s ?? '').trim();
  if (raw === '') return { ok: false, message: '请填写电子邮箱' };
  if (/\s/.test(raw)) return { ok: false, message: '电子邮箱不能包含空格' };
  const parts = raw.split('@');
  if (parts.length !== 2) return { ok: false, message: parts.length === 1 ? '电子邮箱缺少 @' : '电子邮箱只能有一个 @' };
  const [local, domain] = parts;
  if (!local) return { ok: false, message: '电子邮箱 @ 前缺少用户名' };
  if (!/^[^.][^@]*[^.]$|^[^.@]$/.test(local) || local.includes('..')) return { ok: false, message: '电子邮箱用户名格式不正确' };
  if (!/^[A-Za-z0-9\u4e00-\u9fff-]+(\.[A-Za-z0-9\u4e00-\u9fff-]+)+$/.test(domain)) return { ok: false, message: '电子邮箱 @ 后应为域名，如 example.cn' };
  return { ok: true };
}
