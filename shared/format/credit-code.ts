import type { CheckResult } from './check-result';

/*
 * 统一社会信用代码, GB 32100-2015《法人和其他组织统一社会信用代码编码规则》:
 *   1 位登记管理部门代码 + 1 位机构类别代码 + 6 位登记管理机关行政区划码 (GB/T 2260)
 *   + 9 位主体标识码 (组织机构代码, GB 11714) + 1 位校验码.
 * The alphabet is 0-9 and A-Z without I O Z S V (too easily confused with 1 0 2 5 U); a
 * character's value is its index in CHARSET. The check character is ISO 7064 MOD 31-3 as
 * profiled in GB/T 17710: weights 3^(i-1) mod 31, C18 = 31 − (Σ mod 31), with 31 written as 0.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 登记管理部门代码 (GB 32100-2015 表 1): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游,
 * 7 宗教, 8 工会, 9 工商 (now 市场监管), A 中央军委改革和编制办公室, N 农业, Y 其他.
 */
const DEPARTMENT_CODES = '123456789ANY';

/** Check character for a 17-character body; assumes the body is already in CHARSET. */
export function creditCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(body[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

function formatProblem(code: string): string | undefined {
  if (code === '') return '请填写统一社会信用代码';
  const chars = Array.from(code);
  if (chars.length !== 18) return `统一社会信用代码应为 18 位，当前为 ${chars.length} 位`;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      const hint = 'IOZSV'.includes(ch) ? '（统一社会信用代码不使用字母 I、O、Z、S、V）' : '';
      return `第 ${i + 1} 位字符“${ch}”不合法${hint}`;
    }
  }
  if (!DEPARTMENT_CODES.includes(chars[0])) {
    return `第 1 位登记管理部门代码“${chars[0]}”不存在（应为 1–9、A、N 或 Y）`;
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) {
    return `第 3–8 位登记管理机关行政区划码应为 6 位数字，当前为“${division}”`;
  }
  return undefined;
}

export function checkCreditCode(code: string): CheckResult {
  const normalized = String(code ?? '').trim().toUpperCase();
  const problem = formatProblem(normalized);
  if (problem) return { ok: false, message: problem };
  const expected = creditCodeCheckChar(normalized.slice(0, 17));
  if (normalized[17] !== expected) return { ok: false, message: `校验码应为 ${expected}`, expected };
  return { ok: true };
}
