import { describe, expect, it } from 'vitest';
import { checkIdNumber, idNumberCheckChar } from '../../../../shared/format';

const TODAY = new Date(2026, 10, 22); // 2026-11-22, local

/**
 * GB 11643-1999 §8.2 restated: ISO 7064 MOD 11-2 with weights 2^(18-i) mod 11 and X = 10;
 * the weighted sum over all 18 characters is ≡ 1 mod 11.
 */
function satisfiesStandard(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const a = id[i] === 'X' ? 10 : Number(id[i]);
    sum += a * (2 ** (17 - i) % 11);
  }
  return sum % 11 === 1;
}

/** Completes a 17-digit body by search over the standard's definition, not the implementation. */
function complete(body: string): string {
  const c = [...'0123456789X'].find((ch) => satisfiesStandard(body + ch));
  if (!c) throw new Error(`no check char for ${body}`);
  return body + c;
}

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('checkIdNumber — published and constructed numbers', () => {
  it('accepts the GB 11643-1999 example 11010519491231002X', () => {
    expect(satisfiesStandard('11010519491231002X')).toBe(true);
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({ ok: true });
  });

  it('accepts lowercase x and surrounding whitespace', () => {
    expect(checkIdNumber('11010519491231002x', TODAY)).toEqual({ ok: true });
    expect(checkIdNumber(' 11010519491231002X\n', TODAY)).toEqual({ ok: true });
  });

  it.each(['4401061990030512', '3301062000022900', '8100001985010100', '8300002001011000', '7100001960070100'])(
    'accepts constructed %s…',
    (prefix) => {
      const id = complete(prefix + '1');
      expect(checkIdNumber(id, TODAY)).toEqual({ ok: true });
    },
  );

  it('uses the current date when no `today` is given', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true });
    expect(checkIdNumber(complete('11010599991231001')).message).toMatch(/晚于今天/);
  });
});

describe('checkIdNumber — wrong check character', () => {
  it.each([
    ['110105194912310021', 'X'],
    ['110105194912310020', 'X'],
  ])('%s → expected %s', (id, expected) => {
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, message: `校验码应为 ${expected}`, expected });
  });

  it('reports a digit when X was written', () => {
    const good = complete('44010619900305123');
    if (good.endsWith('X')) throw new Error('pick another fixture');
    expect(checkIdNumber(good.slice(0, 17) + 'x', TODAY)).toEqual({ ok: false, message: `校验码应为 ${good[17]}`, expected: good[17] });
  });
});

describe('checkIdNumber — format problems', () => {
  const formatOnly = (id: string) => {
    const r = checkIdNumber(id, TODAY);
    expect(r.ok).toBe(false);
    expect(r.expected).toBeUndefined();
    return r.message ?? '';
  };

  it('asks for input when empty or blank', () => {
    expect(formatOnly('')).toBe('请填写身份证号');
    expect(formatOnly(' \t ')).toBe('请填写身份证号');
  });

  it('reports the length, with a hint for old 15-digit numbers', () => {
    expect(formatOnly('11010519491231002')).toBe('身份证号应为 18 位，当前为 17 位');
    expect(formatOnly('11010519491231002X1')).toBe('身份证号应为 18 位，当前为 19 位');
    expect(formatOnly('110105491231002')).toBe('身份证号应为 18 位，当前为 15 位（15 位旧号码请换用 18 位新号码）');
  });

  it('names a non-digit in the body and a bad check character', () => {
    expect(formatOnly('1101051949123100X2')).toBe('第 17 位应为数字，当前为“X”');
    expect(formatOnly('11010519491231002Y')).toBe('第 18 位校验码应为数字或 X，当前为“Y”');
    expect(formatOnly('１1010519491231002X')).toBe('第 1 位应为数字，当前为“１”');
  });

  it.each(['10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '72', '80', '84', '91', '99'])(
    'rejects province code %s',
    (code) => {
      expect(formatOnly(complete(`${code}010519491231002`))).toBe(`前 2 位省级行政区划代码“${code}”不存在`);
    },
  );

  it('accepts every listed province code', () => {
    const codes = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];
    for (const code of codes) expect(checkIdNumber(complete(`${code}010519491231002`), TODAY).ok, String(code)).toBe(true);
  });
});

describe('checkIdNumber — birth date', () => {
  const withBirth = (yyyymmdd: string) => complete(`110105${yyyymmdd}002`);

  it.each(['20000229', '20240229', '19000101', '19000228', '20261122'])('accepts %s', (birth) => {
    expect(checkIdNumber(withBirth(birth), TODAY)).toEqual({ ok: true });
  });

  it.each(['19000229', '20230229', '21000229', '20250230', '20250431', '20251301', '20250001', '20250100'])(
    'rejects impossible date %s',
    (birth) => {
      expect(checkIdNumber(withBirth(birth), TODAY).message).toBe(`第 7–14 位出生日期“${birth}”不是有效日期`);
    },
  );

  it('rejects births before 1900, including the standard’s 1880 example', () => {
    expect(satisfiesStandard('440524188001010014')).toBe(true);
    expect(checkIdNumber('440524188001010014', TODAY).message).toBe('出生日期“18800101”早于 1900 年');
    expect(checkIdNumber(withBirth('18991231'), TODAY).message).toBe('出生日期“18991231”早于 1900 年');
  });

  it('rejects births after today, comparing calendar days', () => {
    expect(checkIdNumber(withBirth('20261123'), TODAY).message).toBe('出生日期“20261123”晚于今天');
    expect(checkIdNumber(withBirth('20261122'), new Date(2026, 10, 22, 23, 59)).ok).toBe(true);
    expect(checkIdNumber(withBirth('20261122'), new Date(2026, 10, 21, 23, 59)).message).toMatch(/晚于今天/);
  });
});

describe('checkIdNumber — properties', () => {
  const next = rng(116431999);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const bodies = Array.from({ length: 400 }, () => {
    const province = [11, 32, 44, 45, 50, 65, 81][Math.floor(next() * 7)];
    const birth = new Date(Date.UTC(1900, 0, 1) + Math.floor(next() * 46_000) * 86_400_000);
    const date = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`;
    return `${province}${pad(Math.floor(next() * 10000), 4)}${date}${pad(Math.floor(next() * 1000), 3)}`;
  });

  it('exactly one of 0–9/X completes a body, and the others report it', () => {
    for (const body of bodies) {
      const valid = [...'0123456789X'].filter((c) => satisfiesStandard(body + c));
      expect(valid).toHaveLength(1);
      expect(idNumberCheckChar(body)).toBe(valid[0]);
      for (const c of '0123456789X') {
        const r = checkIdNumber(body + c, TODAY);
        if (c === valid[0]) expect(r, body + c).toEqual({ ok: true });
        else expect(r, body + c).toEqual({ ok: false, message: `校验码应为 ${valid[0]}`, expected: valid[0] });
      }
    }
  });

  it('detects every single-digit substitution in the sequence code', () => {
    for (const body of bodies.slice(0, 50)) {
      const id = body + idNumberCheckChar(body);
      for (let i = 14; i < 17; i++) {
        for (const d of '0123456789') {
          if (d === id[i]) continue;
          const altered = id.slice(0, i) + d + id.slice(i + 1);
          expect(checkIdNumber(altered, TODAY).ok, altered).toBe(false);
        }
      }
    }
  });
});
