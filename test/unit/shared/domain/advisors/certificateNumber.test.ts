import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateNumberPrefix, checkNumberPattern, findDuplicateNumbers, formatCertificateNumber, nextCertificateNumber, parseCertificateNumber, YearNumbering } from '../../../../../shared/domain/advisors/certificateNumber';

const pattern = '桂科顾聘〔{年}〕{序号}号';

describe('聘书编号', () => {
  it('formats and parses back, with optional zero padding', () => {
    expect(formatCertificateNumber(pattern, 2026, 7)).toBe('桂科顾聘〔2026〕7号');
    expect(formatCertificateNumber('GXKG-{年}-{序号:3}', 2026, 7)).toBe('GXKG-2026-007');
    expect(parseCertificateNumber(pattern, '桂科顾聘〔2026〕12号')).toEqual({ year: 2026, sequence: 12 });
    expect(parseCertificateNumber('GXKG-{年}-{序号:3}', 'GXKG-2026-012')).toEqual({ year: 2026, sequence: 12 });
    expect(parseCertificateNumber(pattern, '桂科顾聘（2026）12号')).toBeNull();
  });

  it('escapes pattern text that looks like regular-expression syntax', () => {
    expect(parseCertificateNumber('No.{序号}(A)', 'No.5(A)')).toEqual({ year: undefined, sequence: 5 });
    expect(parseCertificateNumber('No.{序号}(A)', 'NoX5(A)')).toBeNull();
  });

  it('takes one past the largest sequence of the same year and never refills gaps', () => {
    const existing = ['桂科顾聘〔2026〕1号', '桂科顾聘〔2026〕4号', '桂科顾聘〔2025〕9号', '其他编号'];
    expect(nextCertificateNumber(pattern, 2026, existing)).toBe('桂科顾聘〔2026〕5号');
    expect(nextCertificateNumber(pattern, 2027, existing)).toBe('桂科顾聘〔2027〕1号');
    // Without {年} the sequence runs on across years.
    expect(nextCertificateNumber('GK{序号}', 2027, ['GK3', 'GK10'])).toBe('GK11');
  });

  it('a batch numbered from the largest sequence in use gets one past the largest over every number given, odd patterns too', () => {
    // The rule spelled out: every number parsed, those of the year (or all, without {年}) counted.
    const reference = (p: string, year: number, given: string[]) => {
      let max = 0;
      for (const n of given) {
        const parsed = parseCertificateNumber(p, n);
        if (parsed && (!p.includes('{年}') || parsed.year === year)) max = Math.max(max, parsed.sequence);
      }
      return formatCertificateNumber(p, year, max + 1);
    };
    const patterns = [pattern, '{序号}-{年}', 'No.{序号}', 'GX{年}-{序号:3}', '{序号}{序号}'];
    const numbers = fc.array(fc.oneof(fc.constantFrom('桂科顾聘〔2026〕3号', ' 桂科顾聘〔2026〕12号', '7-2026', 'No.9', 'GX2026-010', '1313', '其他'), fc.string({ maxLength: 6 })), { maxLength: 8 });
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.constantFrom(2025, 2026), numbers, fc.nat(4), (p, year, used, batch) => {
        const numbering = new YearNumbering(p, year);
        for (const n of used) numbering.take(n);
        const given = [...used];
        for (let i = 0; i < batch; i++) {
          const next = numbering.next();
          expect(next).toBe(reference(p, year, given));
          expect(nextCertificateNumber(p, year, given)).toBe(next);
          numbering.take(next);
          given.push(next);
        }
      }),
    );
  });

  it('checks a pattern before it is saved', () => {
    expect(checkNumberPattern(pattern)).toBeNull();
    expect(checkNumberPattern('桂科顾聘〔{年}〕号')).toBe('编号格式须包含 {序号}');
    expect(checkNumberPattern('{单位}{序号}')).toMatch('无法识别的占位符 {单位}');
  });

  it('finds numbers held by two advisors, but not reprints or voided rows', () => {
    const duplicates = findDuplicateNumbers([
      { number: 'A1', advisorId: 'x' },
      { number: 'A1', advisorId: 'x' },
      { number: 'A2', advisorId: 'x' },
      { number: 'A2', advisorId: 'y' },
      { number: 'A3', advisorId: 'x' },
      { number: 'A3', advisorId: 'z', deletedAt: '2026-01-01T00:00:00Z' },
    ]);
    expect([...duplicates]).toEqual([['A2', ['x', 'y']]]);
  });
});

describe('certificateNumberPrefix', () => {
  it('is the text every number of the year begins with', () => {
    expect(certificateNumberPrefix('桂科顾聘〔{年}〕{序号}号', 2026)).toBe('桂科顾聘〔2026〕');
    expect(certificateNumberPrefix('GXKG-{年}-{序号:3}', 2026)).toBe('GXKG-2026-');
    expect(certificateNumberPrefix('No.{序号}({年})', 2026)).toBe('No.');
    expect(certificateNumberPrefix('{序号}-{年}', 2026)).toBe('');
    // Parsing reads the first {年}: the second is not part of the prefix.
    expect(certificateNumberPrefix('{年}-{年}-{序号}', 2026)).toBe('2026-');
    for (const [pattern, year, seq] of [['桂科顾聘〔{年}〕{序号}号', 2026, 12], ['GXKG-{年}-{序号:3}', 2025, 7], ['{年}{序号}', 2027, 3]] as const) {
      expect(formatCertificateNumber(pattern, year, seq).startsWith(certificateNumberPrefix(pattern, year))).toBe(true);
    }
  });
});

