import { describe, expect, it } from 'vitest';
import { toRmbUppercase } from '../../../../shared/format';

/** Independent reader of 大写金额 back into 分, used to check the writer on many amounts. */
function parseUppercase(s: string): number {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let yuan = 0;
  let section = 0;
  let digit = 0;
  let jiao = 0;
  let fen = 0;
  for (const ch of s) {
    if (digits.includes(ch)) digit = digits.indexOf(ch);
    else if (ch in small) {
      section += digit * small[ch];
      digit = 0;
    } else if (ch === '亿' || ch === '万') {
      yuan += (section + digit) * (ch === '亿' ? 1e8 : 1e4);
      section = digit = 0;
    } else if (ch === '元') {
      yuan += section + digit;
      section = digit = 0;
    } else if (ch === '角') [jiao, digit] = [digit, 0];
    else if (ch === '分') [fen, digit] = [digit, 0];
    else if (ch !== '整') throw new Error(`unexpected ${ch} in ${s}`);
  }
  return yuan * 100 + jiao * 10 + fen;
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('toRmbUppercase — published examples', () => {
  it.each([
    [100, '壹佰元整'],
    [0, '零元整'],
    [1409.5, '壹仟肆佰零玖元伍角'],
    [1409.50, '壹仟肆佰零玖元伍角'],
    [107000.53, '壹拾万柒仟元零伍角叁分'],
    [0.5, '伍角'],
    [0.05, '伍分'],
    [10.05, '壹拾元零伍分'],
    [100000000, '壹亿元整'],
    [10, '壹拾元整'],
    [1010, '壹仟零壹拾元整'],
    [100010, '壹拾万零壹拾元整'],
    [20000000, '贰仟万元整'],
    [100000001, '壹亿零壹元整'],
  ])('%d → %s', (amount, expected) => {
    expect(toRmbUppercase(amount)).toBe(expected);
  });
});

describe('toRmbUppercase — more cases', () => {
  it.each([
    [0.01, '壹分'],
    [0.1, '壹角'],
    [0.15, '壹角伍分'],
    [1, '壹元整'],
    [11, '壹拾壹元整'],
    [15.3, '壹拾伍元叁角'],
    [1004, '壹仟零肆元整'],
    [10001, '壹万零壹元整'],
    [101000, '壹拾万壹仟元整'],
    [1000100, '壹佰万零壹佰元整'],
    [1010101.01, '壹佰零壹万零壹佰零壹元零壹分'],
    [100000.5, '壹拾万元零伍角'],
    [100000000.1, '壹亿元零壹角'],
    [100010000, '壹亿零壹万元整'],
    [102000000, '壹亿零贰佰万元整'],
    [120000000, '壹亿贰仟万元整'],
    [300000, '叁拾万元整'],
    [1e11, '壹仟亿元整'],
    [123456789012.34, '壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分'],
    [999999999999.99, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%d → %s', (amount, expected) => {
    expect(toRmbUppercase(amount)).toBe(expected);
  });

  it('accepts binary-float noise from ordinary arithmetic', () => {
    expect(toRmbUppercase(0.1 + 0.2)).toBe('叁角');
    expect(toRmbUppercase(1.1 + 2.2)).toBe('叁元叁角');
    expect(toRmbUppercase(4.35)).toBe('肆元叁角伍分'); // 4.35*100 = 434.99999999999994
    expect(toRmbUppercase(1.15 * 3)).toBe('叁元肆角伍分');
    expect(toRmbUppercase(-0)).toBe('零元整');
  });
});

describe('toRmbUppercase — rejections (Chinese messages)', () => {
  it.each([
    [-1, /负数/],
    [-0.01, /负数/],
    [NaN, /数字/],
    [Infinity, /有限/],
    [-Infinity, /有限/],
    [1.005, /两位小数/],
    [0.001, /两位小数/],
    [1.234, /两位小数/],
    [12.3456, /两位小数/],
    [1e12, /一万亿/],
    [1e12 + 1, /一万亿/],
    [1e15, /一万亿/],
  ])('%d throws %s', (amount, message) => {
    expect(() => toRmbUppercase(amount)).toThrow(message);
  });
});

describe('toRmbUppercase — properties over many amounts', () => {
  const next = rng(20261122);
  const samples: number[] = [];
  for (let i = 0; i < 3000; i++) {
    // Mix magnitudes so every group (元/万/亿) and sparse zero patterns get exercised.
    const magnitude = 10 ** Math.floor(next() * 12);
    let yuan = Math.floor(next() * magnitude);
    if (next() < 0.5) yuan = Number(String(yuan).replace(/[1-9]/g, (d) => (next() < 0.6 ? '0' : d)));
    const cents = next() < 0.3 ? 0 : Math.floor(next() * 100);
    samples.push(yuan * 100 + cents);
  }
  for (let c = 0; c <= 100_000; c += 7) samples.push(c);

  it('reads back to the same amount and follows the zero/整 rules', () => {
    for (const cents of samples) {
      const text = toRmbUppercase(cents / 100);
      expect(parseUppercase(text), text).toBe(cents);
      expect(text.endsWith('整'), text).toBe(cents % 100 === 0);
      if (cents === 0) continue; // 零元整, checked above
      expect(text, text).not.toMatch(/零零|零[元万亿角分整]|^[零拾佰仟万亿元]/);
      if (cents >= 100) expect(text, text).toMatch(/元/);
      if (cents >= 1000 && cents < 2000) expect(text.startsWith('壹拾'), text).toBe(true);
    }
  });
});
