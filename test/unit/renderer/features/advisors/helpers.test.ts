import { describe, expect, it } from 'vitest';
import type { AdvisorLedger } from '../../../../../renderer/src/db/repositories/advisors';
import { transitionAction } from '../../../../../renderer/src/features/advisors/advisorStatus';
import { ledgerReportInput, reportYears, suggestionsCompilationInput } from '../../../../../renderer/src/features/advisors/documentInputs';
import { statusCounts, termText, toRosterRows } from '../../../../../renderer/src/features/advisors/rosterRows';
import { stipendOverview } from '../../../../../renderer/src/features/advisors/stipendOverview';
import { formatYuan, yearSummary } from '../../../../../renderer/src/features/advisors/yearSummary';
import { guangxiPreset } from '../../../../../shared/policy/profile';

const ts = '2026-01-01T00:00:00.000Z';
const base = { createdAt: ts, updatedAt: ts };
const advisorId = '5809077d-56d4-440b-ac89-65f9ec8e0d7b';
const advisor = {
  ...base,
  id: advisorId,
  name: '陈思远',
  honorific: '中国工程院院士',
  homeInstitution: '华南示范理工大学',
  status: '已聘任' as const,
  termStart: '2025-01-01',
  termEnd: '2027-12-31',
};

function file(overrides: Partial<AdvisorLedger> = {}): AdvisorLedger {
  return {
    advisor,
    activities: [
      { ...base, id: 'a1', advisorId, date: '2026-04-16', form: '来桂座谈', duties: [], content: '座谈' },
      { ...base, id: 'a2', advisorId, date: '2026-05-01', form: '发函咨询', duties: [], content: '书面' },
      { ...base, id: 'a3', advisorId, date: '2025-05-01', form: '拜访', duties: [], content: '去年' },
      { ...base, id: 'a4', advisorId, date: '2026-06-01', form: '拜访', duties: [], content: '已删', deletedAt: ts },
    ],
    suggestions: [
      { ...base, id: 's1', advisorId, date: '2026-05-10', title: '甲', feedbackStatus: '已采纳' },
      { ...base, id: 's2', advisorId, date: '2026-09-12', title: '乙', feedbackStatus: '待反馈' },
      { ...base, id: 's3', advisorId, date: '2026-10-12', title: '丙', feedbackStatus: '部分采纳' },
    ],
    stipends: [
      { ...base, id: 'p1', advisorId, year: 2025, amount: 300000, paidDate: '2025-06-30', filedDate: '2025-07-15' },
      { ...base, id: 'p2', advisorId, year: 2026, amount: 300000, paidDate: '2026-06-28' },
    ],
    plans: [{ ...base, id: 'l1', advisorId, kind: '三年工作方案', startYear: 2025, endYear: 2027, title: '三年方案' }],
    evaluations: [{ ...base, id: 'e1', advisorId, year: 2025, result: '优秀' }],
    ...overrides,
  };
}

describe('yearSummary', () => {
  it('answers what was done, adopted and paid in the year, ignoring deleted records', () => {
    expect(yearSummary(file(), 2026)).toEqual({
      year: 2026,
      activities: 2,
      meetings: 1,
      suggestions: 3,
      adopted: 2,
      awaitingFeedback: 1,
      paid: 300000,
      isPaymentUnfiled: true,
    });
    expect(yearSummary(file(), 2025)).toMatchObject({ activities: 1, meetings: 1, paid: 300000, isPaymentUnfiled: false });
  });

  it('formats amounts the way a ledger writes them', () => {
    expect(formatYuan(300000)).toBe('30万元');
    expect(formatYuan(12345.6)).toBe('12,345.60元');
    expect(formatYuan(800)).toBe('800元');
  });
});

describe('stipendOverview', () => {
  it('lists each term year up to today as 已备案 / 已拨付未备案 / 未拨付', () => {
    const rows = stipendOverview(advisor, file().stipends, '2026-11-24', 300000);
    expect(rows.map((r) => [r.year, r.state, r.paid])).toEqual([
      [2025, '已备案', 300000],
      [2026, '已拨付未备案', 300000],
    ]);
    const next = stipendOverview(advisor, [], '2027-02-01', 300000);
    expect(next.map((r) => r.state)).toEqual(['未拨付', '未拨付', '未拨付']);
  });

  it('has nothing to list before a term, unless payments are on record', () => {
    expect(stipendOverview({}, [], '2026-11-24', 300000)).toEqual([]);
  });
});

describe('roster rows', () => {
  it('carry the reminders, most urgent first, and this year’s summary', () => {
    const [row] = toRosterRows([file()], '2026-11-24', guangxiPreset.advisors);
    expect(row.term).toBe('2025-01-01 至 2027-12-31');
    expect(row.topSeverity).toBe('warning');
    expect(row.reminders.map((r) => r.kind)).toContain('stipendUnfiled');
    expect(row.thisYear.suggestions).toBe(3);
  });

  it('count statuses in workflow order', () => {
    expect(statusCounts([{ status: '已聘任' }, { status: '推荐' }, { status: '已聘任' }])).toEqual([
      { status: '推荐', count: 1 },
      { status: '已聘任', count: 2 },
    ]);
    expect(termText({})).toBe('');
  });
});

describe('transitionAction', () => {
  it('asks each step for what its rule needs (seed 000 §二–三)', () => {
    expect(transitionAction('评议', '已审定').fields).toEqual(['reviewResult', 'reviewDate', 'approvalDate', 'remark']);
    expect(transitionAction('已聘任', '解聘')).toMatchObject({ fields: ['dismissalReason', 'dismissalDate'], tone: 'danger' });
    expect(transitionAction('已审定', '评议').label).toBe('退回评议');
    expect(transitionAction('已审定', '已聘任').viaCertificate).toBe(true);
  });
});

describe('document inputs', () => {
  it('工作台账 takes the year’s records, and 聘金 of the term up to that year', () => {
    const input = ledgerReportInput(file(), 2025, '自治区党委科技委员会办公室', '2026-11-24');
    expect(input.activities?.map((a) => a.content)).toEqual(['去年']);
    expect(input.suggestions ?? []).toEqual([]);
    expect(input.stipends?.map((s) => s.year)).toEqual([2025]);
    expect(input.plans).toHaveLength(1);
    expect(input.advisor).not.toHaveProperty('id');
  });

  it('年度咨询建议汇编 groups the year’s suggestions by advisor in date order', () => {
    const input = suggestionsCompilationInput([file()], 2026, '办公室', '2026-12-20');
    expect(input.advisors[0].suggestions.map((s) => s.title)).toEqual(['甲', '乙', '丙']);
    expect(input.advisors[0].suggestions[0]).not.toHaveProperty('advisorId');
  });

  it('年度咨询建议汇编 takes the year’s work records with 取得成果 for its 科研成果 section', () => {
    const f = file();
    f.activities = f.activities.map((a) => (a.id === 'a2' || a.id === 'a3' ? { ...a, outcome: `${a.content}成果` } : a));
    const input = suggestionsCompilationInput([f], 2026, '办公室', '2026-12-20');
    expect(input.advisors[0].activities?.map((a) => a.outcome)).toEqual(['书面成果']);
  });

  it('offers the years from the first record to this year, newest first', () => {
    expect(reportYears(['2024-03-01', undefined], '2026-01-05')).toEqual([2026, 2025, 2024]);
    expect(reportYears([], '2026-01-05')).toEqual([2026]);
  });
});
