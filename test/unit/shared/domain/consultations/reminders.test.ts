import { describe, expect, it } from 'vitest';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { endedQuarters, quarterEnd, roundReminders } from '../../../../../shared/domain/consultations/reminders';
import type { ConsultationAnnualReport } from '../../../../../shared/domain/consultations/schema';
import { progress, round, stamp, topic, uid } from './fixtures';

const rules = guangxiPreset.consultations;

function file(signed: string, extra: { done?: string } = {}) {
  const r = round({ city: '柳州', year: 2026, stageDates: { 会议召开: signed, 签署: signed }, departmentSigner: '张三', citySigner: '李四' });
  const t1 = topic({ roundId: r.id, seq: 1 });
  const t2 = topic({ roundId: r.id, seq: 2, ...(extra.done ? { status: '已完成' as const, completedDate: extra.done } : {}) });
  return { round: r, topics: [t1, t2], progress: [] as ReturnType<typeof progress>[], annualReports: [] as ConsultationAnnualReport[] };
}

describe('quarters', () => {
  it('Q4 ends on 31 December and a quarter is due only once it has ended', () => {
    expect(quarterEnd({ year: 2026, quarter: 4 })).toBe('2026-12-31');
    expect(quarterEnd({ year: 2026, quarter: 1 })).toBe('2026-03-31');
    expect(endedQuarters('2026-08-10', '2027-01-02')).toEqual([{ year: 2026, quarter: 3 }, { year: 2026, quarter: 4 }]);
    expect(endedQuarters('2026-08-10', '2026-09-30')).toEqual([]);
  });
});

describe('seed 002 第十九条: quarterly 推进情况台账 across a year boundary', () => {
  it('Q4 2026 falls due in January 2027 (warning, then overdue)', () => {
    const f = file('2026-10-20');
    const jan10 = roundReminders(f, '2027-01-10', rules).filter((r) => r.kind === 'quarterlyProgress');
    expect(jan10).toHaveLength(1);
    expect(jan10[0]).toMatchObject({ key: `quarter:${f.round.id}:2026Q4`, severity: 'warning', dueDate: '2027-01-15' });
    expect(jan10[0].message).toBe('柳州市2026年第四季度推进情况台账未报（议题1、议题2），请于 2027-01-15 前报送');
    const jan16 = roundReminders(f, '2027-01-16', rules).filter((r) => r.kind === 'quarterlyProgress');
    expect(jan16[0].severity).toBe('overdue');
  });

  it('a reported topic leaves the list; all reported, no reminder', () => {
    const f = file('2026-10-20');
    f.progress.push(progress({ roundId: f.round.id, topicId: f.topics[0].id, year: 2026, quarter: 4 }));
    expect(roundReminders(f, '2027-01-10', rules).find((r) => r.kind === 'quarterlyProgress')?.topicIds).toEqual([f.topics[1].id]);
    f.progress.push(progress({ roundId: f.round.id, topicId: f.topics[1].id, year: 2026, quarter: 4 }));
    expect(roundReminders(f, '2027-01-10', rules).filter((r) => r.kind === 'quarterlyProgress')).toEqual([]);
  });

  it('a topic finished before a quarter began is not asked for it', () => {
    const f = file('2026-04-01', { done: '2026-06-30' });
    const q3 = roundReminders(f, '2026-10-05', rules).find((r) => r.key.endsWith('2026Q3'));
    expect(q3?.topicIds).toEqual([f.topics[0].id]);
    const q2 = roundReminders(f, '2026-10-05', rules).find((r) => r.key.endsWith('2026Q2'));
    expect(q2?.topicIds).toHaveLength(2);
  });

  it('the due days come from the profile', () => {
    const f = file('2026-10-20');
    expect(roundReminders(f, '2027-01-10', { ...rules, quarterlyReportDueDays: 5 }).find((r) => r.kind === 'quarterlyProgress')?.severity).toBe('overdue');
  });
});

describe('seed 002 第十九条: 年度落实情况 by 12月25日', () => {
  it('announces the report 30 days ahead, is overdue after 12-25, and stops once received', () => {
    const f = file('2026-03-20');
    expect(roundReminders(f, '2026-11-24', rules).filter((r) => r.kind === 'annualReport')).toEqual([]);
    expect(roundReminders(f, '2026-11-25', rules).find((r) => r.kind === 'annualReport')).toMatchObject({ severity: 'warning', dueDate: '2026-12-25' });
    expect(roundReminders(f, '2026-12-25', rules).find((r) => r.kind === 'annualReport')?.severity).toBe('warning');
    expect(roundReminders(f, '2026-12-26', rules).find((r) => r.kind === 'annualReport')?.message).toBe('柳州市2026年度会商任务落实情况应于 2026-12-25 前报送，已逾期');
    f.annualReports.push({ id: uid(), ...stamp, roundId: f.round.id, year: 2026, receivedDate: '2026-12-20' });
    expect(roundReminders(f, '2026-12-26', rules).filter((r) => r.kind === 'annualReport')).toEqual([]);
  });

  it('a round signed after the deadline owes no report that year; the date comes from the profile', () => {
    expect(roundReminders(file('2026-12-28'), '2026-12-30', rules).filter((r) => r.kind === 'annualReport')).toEqual([]);
    const f = file('2026-03-20');
    expect(roundReminders(f, '2026-12-01', { ...rules, annualReportDueMonthDay: '11-30' }).find((r) => r.kind === 'annualReport')?.severity).toBe('overdue');
  });

  it('a round evaluated (绩效评估) owes nothing', () => {
    const f = file('2026-03-20');
    f.round.stageDates.绩效评估 = '2026-11-01';
    expect(roundReminders(f, '2027-03-01', rules)).toEqual([]);
  });
});

describe('seed 002 第十三条: 具体意见 two months before the meeting', () => {
  it('is due two months before a planned meeting until it is submitted', () => {
    const r = round({ stageDates: { 会商建议: '2026-02-01', 会议召开: '2026-07-10' } });
    const f = { round: r, topics: [], progress: [], annualReports: [] };
    expect(roundReminders(f, '2026-05-01', rules)).toMatchObject([{ kind: 'opinions', severity: 'warning', dueDate: '2026-05-10' }]);
    expect(roundReminders(f, '2026-05-11', rules)[0].severity).toBe('overdue');
    r.stageDates.具体意见报送 = '2026-05-08';
    expect(roundReminders(f, '2026-05-11', rules)).toEqual([]);
  });
});
