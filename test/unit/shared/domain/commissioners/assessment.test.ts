import { describe, expect, it } from 'vitest';
import { applicationBlock, checkAssessment, excellentQuota, quotaState, subsidiesDue, unpaidSubsidies } from '../../../../../shared/domain/commissioners/assessment';
import { cityPreset, guangxiPreset } from '../../../../../shared/policy/profile';
import { agreement, assessment, ids, stamp } from './fixtures';

const gx = guangxiPreset.commissioners;

describe('优秀 quota: floor(20% × assessed) (seed 004 第十七条第二款)', () => {
  it.each([[4, 0], [5, 1], [9, 1], [10, 2], [14, 2], [15, 3]])('%i assessed → %i', (n, q) => expect(excellentQuota(n, gx)).toBe(q));
  it('does not lose one to floating point (29% of 100 = 29)', () => expect(excellentQuota(100, { ...gx, excellentShareMax: 0.29 })).toBe(29));
  it('refuses the 优秀 over the quota and shows how many remain', () => {
    const year = Array.from({ length: 10 }, (_, i) => assessment(i, i < 2 ? { grade: '优秀' } : {}));
    expect(quotaState(2026, year, gx)).toEqual({ assessed: 10, quota: 2, excellent: 2, remaining: 0 });
    const third = { ...year[5], grade: '优秀' as const };
    expect(checkAssessment(third, year, gx)).toEqual({ ok: false, reason: '优秀名额已满：2026 年度考核 10 人，优秀不超过 20%，即 2 名' });
    expect(checkAssessment({ ...year[1] }, year, gx).ok).toBe(true); // re-saving an existing 优秀
  });
  it('those who did not take part are not counted as assessed', () => {
    const year = [...Array.from({ length: 5 }, (_, i) => assessment(i)), assessment(9, { tookPart: false, grade: undefined })];
    expect(quotaState(2026, year, gx).quota).toBe(1);
    expect(quotaState(2026, year.slice(0, 4).concat(year[5]), gx).quota).toBe(0);
  });
  it('counts the roster, less those not taking part, before all grades are in', () => {
    const first = assessment(1, { grade: '优秀' });
    expect(quotaState(2026, [], gx, first, 10)).toEqual({ assessed: 10, quota: 2, excellent: 1, remaining: 1 });
    expect(checkAssessment(first, [], gx, 5).ok).toBe(true);
    expect(checkAssessment(first, [], gx, 4).ok).toBe(false);
    expect(quotaState(2026, [assessment(2, { tookPart: false, grade: undefined })], gx, first, 10).assessed).toBe(9);
  });
  it('refuses a second assessment of the same subject in a year', () => {
    const first = assessment(1);
    expect(checkAssessment({ ...assessment(2), commissionerId: first.commissionerId }, [first], gx).ok).toBe(false);
    expect(checkAssessment({ ...assessment(2), commissionerId: first.commissionerId, year: 2027 }, [first], gx).ok).toBe(true);
  });
});

describe('next year’s application', () => {
  it('blocked by 不合格 or not taking part in the year before only', () => {
    const subject = { commissionerId: ids.commissioner };
    expect(applicationBlock(subject, 2027, [assessment(1, { ...subject, grade: '不合格' })])).toBe('2026 年度考核不合格，不能申报 2027 年度科技特派员');
    expect(applicationBlock(subject, 2027, [assessment(1, { ...subject, tookPart: false, grade: undefined })])).toBe('2026 年度无故未参加考核，不能申报 2027 年度科技特派员');
    expect(applicationBlock(subject, 2028, [assessment(1, { ...subject, grade: '不合格' })])).toBeUndefined();
    expect(applicationBlock(subject, 2027, [assessment(1, { ...subject, grade: '合格' })])).toBeUndefined();
  });
});

describe('subsidies', () => {
  it('provincial: 1万元 a year, a team counts as one, no graded reward', () => {
    expect(subsidiesDue(agreement(), assessment(1, { grade: '优秀' }), gx)).toEqual([{ kind: '工作补助', amount: 10_000, basis: '每人每年' }]);
    expect(subsidiesDue(agreement({ commissionerId: null, teamId: ids.team }), undefined, gx)).toEqual([{ kind: '工作补助', amount: 10_000, basis: '科技特派团按 1 人计' }]);
  });
  it('city: graded reward for 优秀 and 合格, none for 不合格 or absence', () => {
    const city = { ...cityPreset.commissioners, subsidyPerYear: 6_000, excellentReward: 5_000, qualifiedReward: 2_000 };
    expect(subsidiesDue(agreement(), assessment(1, { grade: '优秀' }), city).map((l) => l.amount)).toEqual([6_000, 5_000]);
    expect(subsidiesDue(agreement(), assessment(1, { grade: '合格' }), city).map((l) => l.amount)).toEqual([6_000, 2_000]);
    expect(subsidiesDue(agreement(), assessment(1, { grade: '不合格' }), city).map((l) => l.amount)).toEqual([6_000]);
    expect(subsidiesDue(agreement(), assessment(1, { tookPart: false, grade: undefined }), city).map((l) => l.amount)).toEqual([6_000]);
  });
  it('an agreement’s own amount overrides the profile; paid lines are settled', () => {
    const due = subsidiesDue(agreement({ subsidyPerYear: 8_000 }), undefined, gx);
    expect(due[0].amount).toBe(8_000);
    const paid = { id: ids.team, ...stamp, agreementId: ids.agreement, year: 2026, kind: '工作补助' as const, amount: 8_000, payee: '李明', paidDate: '2026-12-20' };
    expect(unpaidSubsidies(ids.agreement, 2026, due, [paid])).toEqual([]);
    expect(unpaidSubsidies(ids.agreement, 2026, due, [{ ...paid, paidDate: undefined }])).toEqual(due);
    expect(unpaidSubsidies(ids.agreement, 2027, due, [paid])).toEqual(due);
  });
});
