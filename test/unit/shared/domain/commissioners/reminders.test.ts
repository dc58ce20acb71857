import { describe, expect, it } from 'vitest';
import { agreementReminders } from '../../../../../shared/domain/commissioners/reminders';
import { cityPreset, guangxiPreset } from '../../../../../shared/policy/profile';
import { agreement, ids, log, stamp } from './fixtures';

const gx = guangxiPreset.commissioners;
const city = cityPreset.commissioners; // 季度 reports, due 15 days after the quarter (office default)
const cityAgreement = agreement({ startDate: '2026-03-01', endDate: '2027-02-28' });
const kinds = (r: { kind: string; dueDate?: string }[]) => r.map((x) => `${x.kind}@${x.dueDate}`);

describe('agreement reminders', () => {
  it('nothing for drafts or deleted agreements', () => {
    expect(agreementReminders({ agreement: agreement({ status: '草拟' }), logs: [], quarterlyReports: [] }, '2026-09-01', gx)).toEqual([]);
  });
  it('pace warning inside the service year', () => {
    const file = { agreement: agreement(), logs: [log('2026-03-02')], quarterlyReports: [] };
    expect(kinds(agreementReminders(file, '2026-08-30', gx))).toEqual(['paceBehind@2027-02-28']);
  });
  it('period ending: exactly warn-days before the end, not one day earlier', () => {
    const file = { agreement: agreement(), logs: Array.from({ length: 30 }, (_, i) => log(`2027-03-${String(i + 1).padStart(2, '0')}`)), quarterlyReports: [] };
    expect(kinds(agreementReminders(file, '2028-01-30', gx))).toEqual(['periodEnding@2028-02-29']);
    expect(agreementReminders(file, '2028-01-29', gx)).toEqual([]);
    expect(agreementReminders(file, '2028-01-30', gx)[0].message).toBe('服务期将于 2028-02-29 届满（还有 30 天），期满后如需继续派驻须重新选派');
  });
  it('city: quarterly reports due 15 days after the quarter, overdue the day after', () => {
    const logs = Array.from({ length: 5 }, (_, i) => log(`2026-03-0${i + 2}`));
    const file = { agreement: cityAgreement, logs, quarterlyReports: [] };
    expect(kinds(agreementReminders(file, '2026-04-15', city))).toEqual(['quarterlyReportDue@2026-04-15']);
    expect(kinds(agreementReminders(file, '2026-04-16', city))).toEqual(['quarterlyReportOverdue@2026-04-15']);
    expect(agreementReminders(file, '2026-03-31', city)).toEqual([]);
    const filed = { ...file, quarterlyReports: [{ id: ids.team, ...stamp, agreementId: ids.agreement, year: 2026, quarter: 1, submittedDate: '2026-04-10' }] };
    expect(agreementReminders(filed, '2026-04-16', city)).toEqual([]);
  });
  it('provincial profile has no quarterly reports', () => {
    const file = { agreement: agreement(), logs: Array.from({ length: 5 }, (_, i) => log(`2026-03-0${i + 2}`)), quarterlyReports: [] };
    expect(agreementReminders(file, '2026-04-16', { ...gx, minServiceDaysPerYear: 5 })).toEqual([]);
  });
});
