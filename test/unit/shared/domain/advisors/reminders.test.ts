import { describe, expect, it } from 'vitest';
import { advisorReminders, sortReminders, type AdvisorFile } from '../../../../../shared/domain/advisors/reminders';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import type { AdvisorActivity, AdvisorEvaluation, AdvisorStipend, AdvisorSuggestion } from '../../../../../shared/domain/advisors/schema';
import { advisor } from './fixtures';

const rules = guangxiPreset.advisors;
const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const advisorId = '5809077d-56d4-440b-ac89-65f9ec8e0d7b';
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function file(parts: Partial<AdvisorFile> = {}, overrides = {}): AdvisorFile {
  return {
    advisor: advisor({ status: '已聘任', termStart: '2025-01-01', termEnd: '2027-12-31', ...overrides }),
    activities: [],
    suggestions: [],
    stipends: [paid(2025), paid(2026)],
    evaluations: [],
    ...parts,
  };
}
function paid(year: number, isFiled = true): AdvisorStipend {
  return { id: id(), ...stamp, advisorId, year, amount: 300000, paidDate: `${year}-06-30`, filedDate: isFiled ? `${year}-07-15` : undefined };
}
function visit(date: string, form: AdvisorActivity['form'] = '来桂座谈'): AdvisorActivity {
  return { id: id(), ...stamp, advisorId, date, form, duties: [], content: '座谈' };
}
function suggestion(sentDate: string, status: AdvisorSuggestion['feedbackStatus'] = '待反馈'): AdvisorSuggestion {
  return { id: id(), ...stamp, advisorId, date: sentDate, sentDate, title: '关于中试平台的建议', feedbackStatus: status };
}
function evaluation(fields: Partial<AdvisorEvaluation>): AdvisorEvaluation {
  return { id: id(), ...stamp, advisorId, year: 2026, ...fields };
}
const kinds = (f: AdvisorFile, today: string) => advisorReminders(f, today, rules).map((r) => `${r.kind}:${r.severity}`);

describe('advisor reminders', () => {
  it('says nothing for advisors who are not appointed', () => {
    expect(advisorReminders(file({}, { status: '已审定' }), '2026-12-20', rules)).toEqual([]);
  });

  it('asks for a visit or meeting this year: info until October, then warning; a 拜访 counts, a letter does not', () => {
    expect(kinds(file(), '2026-09-30')).toContain('noVisit:info');
    expect(kinds(file(), '2026-10-01')).toContain('noVisit:warning');
    expect(kinds(file({ activities: [visit('2026-05-01', '发函咨询')] }), '2026-10-01')).toContain('noVisit:warning');
    expect(kinds(file({ activities: [visit('2026-05-01', '拜访')] }), '2026-10-01')).not.toContain('noVisit:warning');
    expect(kinds(file({ activities: [visit('2025-05-01')] }), '2026-10-01')).toContain('noVisit:warning');
  });

  it('annual summary: from November, overdue after 12月10日, gone once received', () => {
    expect(kinds(file(), '2026-10-31')).not.toContain('annualSummary:warning');
    expect(kinds(file(), '2026-11-01')).toContain('annualSummary:warning');
    expect(kinds(file(), '2026-12-10')).toContain('annualSummary:warning');
    expect(kinds(file(), '2026-12-11')).toContain('annualSummary:overdue');
    expect(kinds(file({ evaluations: [evaluation({ annualSummaryReceivedDate: '2026-12-05' })] }), '2026-12-11')).not.toContain('annualSummary:overdue');
  });

  it('term-end reports one month before the term ends, announced 30 days earlier', () => {
    // term ends 2027-12-31; reports due 2027-12-01; reminder from 2027-11-01
    expect(kinds(file(), '2027-10-31')).not.toContain('termEndReports:warning');
    expect(kinds(file(), '2027-11-01')).toContain('termEndReports:warning');
    expect(kinds(file(), '2027-12-02')).toContain('termEndReports:overdue');
    const received = [evaluation({ year: 2027, termReportReceivedDate: '2027-11-20', selfAssessmentReceivedDate: '2027-11-20' })];
    expect(kinds(file({ evaluations: received }), '2027-12-02')).not.toContain('termEndReports:overdue');
  });

  it('term ending within 90 days, then expired', () => {
    expect(kinds(file(), '2027-10-01')).not.toContain('termEnding:info'); // 91 days left
    expect(kinds(file(), '2027-10-02')).toContain('termEnding:info'); // 90 days left
    expect(kinds(file(), '2028-01-01')).toContain('termExpired:overdue');
  });

  it('stipends: unpaid this year is a warning, an earlier year overdue, a paid but unfiled voucher a warning', () => {
    expect(kinds(file({ stipends: [paid(2025)] }), '2026-03-01')).toContain('stipendUnpaid:warning');
    expect(kinds(file({ stipends: [paid(2026)] }), '2026-03-01')).toContain('stipendUnpaid:overdue');
    expect(kinds(file({ stipends: [paid(2025), paid(2026, false)] }), '2026-08-01')).toContain('stipendUnfiled:warning');
    expect(kinds(file(), '2026-08-01').filter((k) => k.startsWith('stipend'))).toEqual([]);
    // A tombstoned payment does not count.
    const voided = { ...paid(2026), deletedAt: '2026-07-01T00:00:00.000Z' };
    expect(kinds(file({ stipends: [paid(2025), voided] }), '2026-08-01')).toContain('stipendUnpaid:warning');
  });

  it('suggestions waiting for feedback longer than the configured days', () => {
    const sent = suggestion('2026-09-01');
    expect(kinds(file({ suggestions: [sent] }), '2026-10-31')).not.toContain('suggestionFeedback:warning'); // 60 days
    expect(kinds(file({ suggestions: [sent] }), '2026-11-01')).toContain('suggestionFeedback:warning'); // 61 days
    expect(kinds(file({ suggestions: [suggestion('2026-01-01', '已采纳')] }), '2026-11-01')).not.toContain('suggestionFeedback:warning');
    expect(advisorReminders(file({ suggestions: [sent] }), '2026-11-01', { ...rules, suggestionFeedbackDays: 90 }).some((r) => r.kind === 'suggestionFeedback')).toBe(false);
  });

  it('sorts overdue first, then by due date; keys are stable', () => {
    const sorted = sortReminders(advisorReminders(file({ stipends: [] }), '2026-12-20', rules));
    expect(sorted[0].severity).toBe('overdue');
    const again = advisorReminders(file({ stipends: [] }), '2026-12-20', rules).map((r) => r.key);
    expect(new Set(again).size).toBe(again.length);
  });
});
