import { describe, expect, it } from 'vitest';
import { allowedTransitions, canIssueCertificate, checkTransition } from '../../../../../shared/domain/advisors/rules';
import { advisorStatuses } from '../../../../../shared/domain/advisors/schema';
import { advisor } from './fixtures';

const today = '2026-11-24';

describe('advisor status transitions (seed 000 §二–三)', () => {
  it('allows only the designed steps', () => {
    expect(allowedTransitions('推荐')).toEqual(['评议']);
    expect(allowedTransitions('已聘任')).toEqual(['期满', '解聘']);
    expect(allowedTransitions('解聘')).toEqual([]);
    for (const from of advisorStatuses) {
      for (const to of advisorStatuses) {
        if (allowedTransitions(from).includes(to)) continue;
        expect(checkTransition(advisor({ status: from }), to, today)).toEqual({ ok: false, reason: `不能从“${from}”直接变更为“${to}”` });
      }
    }
  });

  it('推荐 → 评议 needs the recommending unit, date and the academician’s consent; home unit consent only warns', () => {
    expect(checkTransition(advisor(), '评议', today)).toMatchObject({ ok: false, reason: '请先填写推荐单位' });
    const recommended = advisor({ recommendingUnit: '自治区工业和信息化厅', recommendationDate: '2026-03-01' });
    expect(checkTransition(recommended, '评议', today)).toMatchObject({ ok: false, reason: expect.stringContaining('院士本人同意') });
    const consented = { ...recommended, advisorConsent: true };
    const result = checkTransition(consented, '评议', today);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toContain('尚未记录所在单位同意意见（原则上应征得所在单位同意）');
    const complete = checkTransition({ ...consented, homeUnitConsent: true, researchDirections: '新材料' }, '评议', today);
    expect(complete).toEqual({ ok: true, warnings: [] });
  });

  it('评议 → 已审定 needs a passing review and an approval date, given with the move', () => {
    const inReview = advisor({ status: '评议' });
    expect(checkTransition(inReview, '已审定', today)).toMatchObject({ ok: false, reason: '评议结果为“通过”后才能审定' });
    expect(checkTransition(inReview, '已审定', today, { reviewResult: '未通过', approvalDate: today })).toMatchObject({ ok: false });
    expect(checkTransition(inReview, '已审定', today, { reviewResult: '通过' })).toMatchObject({ ok: false, reason: '请填写审定日期' });
    expect(checkTransition(inReview, '已审定', today, { reviewResult: '通过', approvalDate: today })).toEqual({ ok: true, warnings: [] });
  });

  it('已审定 → 已聘任 only with a term and an issued certificate number', () => {
    const approved = advisor({ status: '已审定' });
    expect(checkTransition(approved, '已聘任', today)).toMatchObject({ ok: false, reason: '请先填写聘期起止日期' });
    const withTerm = advisor({ status: '已审定', termStart: '2027-01-01', termEnd: '2029-12-31' });
    expect(checkTransition(withTerm, '已聘任', today)).toMatchObject({ ok: false, reason: expect.stringContaining('颁发聘书') });
    expect(checkTransition(withTerm, '已聘任', today, { certificateNumber: '桂科顾聘〔2026〕1号' }).ok).toBe(true);
  });

  it('期满 only on or after the last day of the term', () => {
    const appointed = advisor({ status: '已聘任', termStart: '2024-01-01', termEnd: '2026-11-24' });
    expect(checkTransition(appointed, '期满', '2026-11-23')).toMatchObject({ ok: false, reason: '聘期至 2026-11-24 结束，尚未期满' });
    expect(checkTransition(appointed, '期满', '2026-11-24').ok).toBe(true);
  });

  it('解聘 needs a reason and a date', () => {
    const appointed = advisor({ status: '已聘任' });
    expect(checkTransition(appointed, '解聘', today, { dismissalReason: '  ' })).toMatchObject({ ok: false, reason: '解聘须填写原因' });
    expect(checkTransition(appointed, '解聘', today, { dismissalReason: '本人申请' })).toMatchObject({ ok: false, reason: '请填写解聘日期' });
    expect(checkTransition(appointed, '解聘', today, { dismissalReason: '本人申请', dismissalDate: today }).ok).toBe(true);
  });
});

describe('canIssueCertificate', () => {
  const term = { termStart: '2027-01-01', termEnd: '2029-12-31' };
  it('no 聘书 before 已审定, and a first issue only once', () => {
    expect(canIssueCertificate({ status: '评议', ...term }, { isReprint: false })).toMatchObject({ ok: false, reason: '当前状态为“评议”，审定后才能颁发聘书' });
    expect(canIssueCertificate({ status: '已审定', ...term }, { isReprint: false }).ok).toBe(true);
    expect(canIssueCertificate({ status: '已聘任', ...term }, { isReprint: false })).toMatchObject({ ok: false, reason: expect.stringContaining('补打') });
  });
  it('reprints only for the appointed; the term must be a real span', () => {
    expect(canIssueCertificate({ status: '已审定', ...term }, { isReprint: true })).toMatchObject({ ok: false });
    expect(canIssueCertificate({ status: '已聘任', ...term }, { isReprint: true }).ok).toBe(true);
    expect(canIssueCertificate({ status: '已审定', termStart: '2027-01-01', termEnd: '2027-01-01' }, { isReprint: false })).toMatchObject({ ok: false, reason: '聘期结束日期应晚于开始日期' });
  });
});

describe('聘金 rules (issue 8 item 6)', async () => {
  const { canRecordStipend, duplicateStipendYearWarning } = await import('../../../../../shared/domain/advisors/rules');
  it('allows payments from 已聘任 on only', () => {
    expect(canRecordStipend({ status: '推荐' })).toEqual({ ok: false, reason: '当前状态为“推荐”，聘任（颁发聘书）后才能登记聘金发放' });
    expect(canRecordStipend({ status: '已审定' }).ok).toBe(false);
    expect(canRecordStipend({ status: '已聘任' }).ok).toBe(true);
    expect(canRecordStipend({ status: '期满' }).ok).toBe(true);
  });
  it('warns on a second payment for the same year, not on editing the first', () => {
    const rows = [{ id: 'a', year: 2026 }];
    expect(duplicateStipendYearWarning(rows, { year: 2026 })).toBe('2026年度已登记 1 笔聘金发放，请确认不是重复登记');
    expect(duplicateStipendYearWarning(rows, { id: 'a', year: 2026 })).toBeNull();
    expect(duplicateStipendYearWarning(rows, { year: 2027 })).toBeNull();
  });
});
