import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from '../../../../shared/format';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * GB 32100-2015 restated independently of the implementation: with weights 3^(i-1) mod 31 for
 * positions 1–17 and weight 1 for the check character, a valid code's weighted sum is ≡ 0 mod 31.
 */
function satisfiesStandard(code: string): boolean {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++, w = (w * 3) % 31) sum += CHARSET.indexOf(code[i]) * w;
  return (sum + CHARSET.indexOf(code[17])) % 31 === 0;
}

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Codes of registered organisations as printed on business licences and in public validator
// test lists (9 工商, 1 机构编制, 5 民政, 92 个体工商户, 12 事业单位).
const PUBLISHED = [
  '91350100M000100Y43',
  '9144030071526726XG',
  '914403001922038216',
  '91110108551385082Q',
  '91330100799655058B',
  '91110000802100433B',
  '91440300708461136T',
  '91341000MA2N0ABGXX',
  '92510100MA61WJ3204',
  '92371000MA3MXH0E3W',
  '91230184MA1BUFLT44',
  '913101135696449862',
  '112302070019030687',
  '1134082855783407XL',
  '121526004609138637',
  '51610700305332460K',
  '52610500MJU60350X1',
  '52440111MJK9980480',
];

describe('checkCreditCode — published codes', () => {
  it.each(PUBLISHED)('%s is valid', (code) => {
    expect(satisfiesStandard(code)).toBe(true);
    expect(checkCreditCode(code)).toEqual({ ok: true });
  });

  it('trims and upper-cases', () => {
    expect(checkCreditCode('  9144030071526726xg\t')).toEqual({ ok: true });
    expect(checkCreditCode('91350100m000100y43')).toEqual({ ok: true });
  });
});

describe('checkCreditCode — wrong check character', () => {
  it.each([
    ['91350100M000100Y44', '3'],
    ['9144030071526726X0', 'G'],
    ['914403001922038210', '6'],
    ['91110108551385082q'.slice(0, 17) + 'R', 'Q'],
  ])('%s → expected %s', (code, expected) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, message: `校验码应为 ${expected}`, expected });
  });

  it('reports the corrected character for lowercase input in upper case', () => {
    expect(checkCreditCode('9144030071526726x1')).toMatchObject({ ok: false, expected: 'G' });
  });
});

describe('checkCreditCode — format problems', () => {
  const formatOnly = (code: string) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    expect(r.expected).toBeUndefined();
    return r.message ?? '';
  };

  it('asks for input when empty or blank', () => {
    expect(formatOnly('')).toBe('请填写统一社会信用代码');
    expect(formatOnly('   ')).toBe('请填写统一社会信用代码');
  });

  it.each([
    ['91350100M000100Y4', 17],
    ['91350100M000100Y433', 19],
    ['9135', 4],
  ])('wrong length: %s', (code, length) => {
    expect(formatOnly(code)).toBe(`统一社会信用代码应为 18 位，当前为 ${length} 位`);
  });

  it.each([
    ['91350100M000100I43', 16, 'I'],
    ['91350100MO00100Y43', 10, 'O'],
    ['9135010SM000100Y43', 8, 'S'],
    ['913501000000100V43', 16, 'V'],
    ['Z1350100M000100Y43', 1, 'Z'],
  ])('forbidden letter in %s is named with its position', (code, position, ch) => {
    expect(formatOnly(code)).toBe(`第 ${position} 位字符“${ch}”不合法（统一社会信用代码不使用字母 I、O、Z、S、V）`);
  });

  it('names other illegal characters', () => {
    expect(formatOnly('91350100M000-00Y43')).toBe('第 13 位字符“-”不合法');
    expect(formatOnly('91350100M000１00Y43')).toBe('第 13 位字符“１”不合法');
    expect(formatOnly('91350100M000 00Y43')).toBe('第 13 位字符“ ”不合法');
  });

  it('rejects an unknown registration-department code', () => {
    for (const first of ['0', 'B', 'C', 'M', 'P', 'X']) {
      expect(formatOnly(`${first}1350100M000100Y43`)).toMatch(/^第 1 位登记管理部门代码“.”不存在/);
    }
  });

  it('accepts every registration-department code of GB 32100-2015', () => {
    for (const first of '123456789ANY') {
      const body = `${first}1350100M000100Y4`;
      expect(checkCreditCode(body + creditCodeCheckChar(body)).ok, first).toBe(true);
    }
  });

  it('requires a numeric administrative-division code in positions 3–8', () => {
    expect(formatOnly('9135A100M000100Y43')).toBe('第 3–8 位登记管理机关行政区划码应为 6 位数字，当前为“35A100”');
  });
});

describe('checkCreditCode — properties', () => {
  const next = rng(32100);
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)];
  const bodies = Array.from({ length: 300 }, () => {
    let body = pick('123456789ANY') + pick(CHARSET);
    for (let i = 0; i < 6; i++) body += pick('0123456789');
    for (let i = 0; i < 9; i++) body += pick(CHARSET);
    return body;
  });

  it('exactly one of the 31 characters completes a body, and the others report it', () => {
    for (const body of bodies) {
      const valid = [...CHARSET].filter((c) => satisfiesStandard(body + c));
      expect(valid).toHaveLength(1);
      for (const c of CHARSET) {
        const r = checkCreditCode(body + c);
        if (c === valid[0]) expect(r, body + c).toEqual({ ok: true });
        else expect(r, body + c).toEqual({ ok: false, message: `校验码应为 ${valid[0]}`, expected: valid[0] });
      }
    }
  });

  it('detects every single-character substitution in the body', () => {
    for (const body of bodies.slice(0, 40)) {
      const code = body + creditCodeCheckChar(body);
      for (let i = 8; i < 17; i++) {
        for (const c of CHARSET) {
          if (c === code[i]) continue;
          const altered = code.slice(0, i) + c + code.slice(i + 1);
          expect(checkCreditCode(altered).ok, altered).toBe(false);
        }
      }
    }
  });
});
