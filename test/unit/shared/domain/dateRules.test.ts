import { describe, expect, it } from 'vitest';
import { advisorSchema, advisorStipendSchema, advisorSuggestionSchema, appointmentCertificateSchema } from '../../../../shared/domain/advisors/schema';
import { cooperationAgreementSchema } from '../../../../shared/domain/commissioners/schema';
import { futureDateIssues, orderIssues } from '../../../../shared/domain/dateRules';
import { ledgerTables } from '../../../../shared/domain/ledgerTables';
import { isKnownField } from '../../../../shared/sync/tables';
import { advisor } from './advisors/fixtures';

const base = { id: '5809077d-56d4-440b-ac89-65f9ec8e0d7b', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const issuesOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('date order in the schemas (issue 8 item 5)', () => {
  it('refuses a term that ends before it starts, on 聘期结束', () => {
    expect(issuesOf(advisorSchema, advisor({ termStart: '2026-06-01', termEnd: '2026-05-31' }))).toEqual(['termEnd: 聘期结束应晚于聘期开始']);
    expect(issuesOf(advisorSchema, advisor({ termStart: '2026-06-01', termEnd: '2026-06-01' }))).toEqual(['termEnd: 聘期结束应晚于聘期开始']);
    expect(issuesOf(advisorSchema, advisor({ termStart: '2026-06-01', termEnd: '2029-05-31' }))).toEqual([]);
    expect(issuesOf(appointmentCertificateSchema, { ...base, advisorId: base.id, number: 'G-1', issuedOn: '2026-06-01', termStart: '2026-06-01', termEnd: '2025-06-01', isReprint: false, mode: '整页' })).toEqual([
      'termEnd: 聘期结束应晚于聘期开始',
    ]);
  });

  it('keeps 推荐 → 评议 → 审定 in order', () => {
    expect(issuesOf(advisorSchema, advisor({ recommendationDate: '2026-03-01', reviewDate: '2026-02-01' }))).toEqual(['reviewDate: 评议日期不能早于推荐日期']);
    expect(issuesOf(advisorSchema, advisor({ reviewDate: '2026-03-01', approvalDate: '2026-02-01' }))).toEqual(['approvalDate: 审定日期不能早于评议日期']);
  });

  it('refuses a suggestion sent before it was made, and a payment filed before it was paid', () => {
    const suggestion = { ...base, advisorId: base.id, date: '2026-04-10', title: '建议', feedbackStatus: '待反馈' };
    expect(issuesOf(advisorSuggestionSchema, { ...suggestion, sentDate: '2026-04-09' })).toEqual(['sentDate: 报送日期不能早于提出日期']);
    expect(issuesOf(advisorSuggestionSchema, { ...suggestion, sentDate: '2026-04-10' })).toEqual([]);
    const stipend = { ...base, advisorId: base.id, year: 2026, amount: 300000 };
    expect(issuesOf(advisorStipendSchema, { ...stipend, paidDate: '2026-05-01', filedDate: '2026-04-01' })).toEqual(['filedDate: 凭证备案日期不能早于拨付日期']);
    expect(issuesOf(cooperationAgreementSchema, { ...base, enterpriseId: base.id, commissionerId: base.id, startDate: '2026-05-01', endDate: '2026-04-01' })).toEqual(['endDate: 服务期结束日期应晚于开始日期']);
  });

  it('leaves pairs with a missing side alone and compares years as numbers', () => {
    expect(orderIssues({ termEnd: '2020-01-01' }, [{ earlier: 'termStart', later: 'termEnd', message: 'x' }])).toEqual([]);
    expect(orderIssues({ startYear: 2026, endYear: 2025 }, [{ earlier: 'startYear', later: 'endYear', message: 'x' }])).toEqual([{ path: ['endYear'], message: 'x' }]);
  });

  it('keeps the refined schemas readable by sync (field names from the shape)', () => {
    expect(isKnownField('advisors', 'termEnd')).toBe(true);
    expect(isKnownField('advisorSuggestions', 'sentDate')).toBe(true);
    expect(Object.keys(ledgerTables)).toContain('advisorStipends');
  });
});

describe('past-only dates (issue 8 item 5)', () => {
  it('refuses a 推荐日期 after today, with the field named', () => {
    expect(futureDateIssues({ recommendationDate: '2026-12-01', name: 'x' }, '2026-11-30')).toEqual([{ path: ['recommendationDate'], message: '推荐日期不能晚于今天（2026-11-30）' }]);
    expect(futureDateIssues({ recommendationDate: '2026-11-30' }, '2026-11-30')).toEqual([]);
    // A term may well be set ahead.
    expect(futureDateIssues({ termEnd: '2030-01-01' }, '2026-11-30')).toEqual([]);
  });
});

describe('order rules alongside other errors', () => {
  it('shows 聘期结束 with 请填写姓名, and skips a side that is not a valid date yet', () => {
    const issues = advisorSchema.safeParse(advisor({ name: '', termStart: '2026-06-01', termEnd: '2026-05-01' })).error!.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['name', 'termEnd']);
  });
});
