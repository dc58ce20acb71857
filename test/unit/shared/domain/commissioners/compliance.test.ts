import { describe, expect, it } from 'vitest';
import { checkServiceLog, complianceForYear, currentCompliance, serviceYears } from '../../../../../shared/domain/commissioners/compliance';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { agreement, log } from './fixtures';

const gx = guangxiPreset.commissioners; // seed 001 §五(三): ≥5 次, ≥30 天
const a = agreement(); // 2026-03-01 … 2028-02-29
const year1 = { index: 1, start: '2026-03-01', end: '2027-02-28' };

/** n on-site visits of `days` each from `first`, one a week. */
function visits(first: string, n: number, days = 1) {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(`${first}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i * 7);
    return log(d.toISOString().slice(0, 10), { days });
  });
}

describe('service years', () => {
  it('run from anniversaries and stop at the (terminated) end', () => {
    expect(serviceYears(a)).toEqual([year1, { index: 2, start: '2027-03-01', end: '2028-02-29' }]);
    expect(serviceYears({ ...a, terminatedDate: '2027-03-01' })).toEqual([year1]);
    expect(serviceYears({ ...a, terminatedDate: '2027-03-02' })).toEqual([year1, { index: 2, start: '2027-03-01', end: '2027-03-01' }]);
  });
});

describe('compliance at year boundaries', () => {
  it('counts a log on the last day of the year and not one on the next day', () => {
    const logs = [...visits('2026-03-01', 4, 1), log('2027-02-28', { days: 1 })];
    expect(complianceForYear(year1, logs, '2027-03-10', { ...gx, minServiceDaysPerYear: 5 }).state).toBe('达标');
    const late = [...visits('2026-03-01', 4, 1), log('2027-03-01')];
    const r = complianceForYear(year1, late, '2027-03-10', { ...gx, minServiceDaysPerYear: 5 });
    expect(r).toMatchObject({ visits: 4, days: 4, state: '未达标', messages: ['到企业服务 4 次，少于 5 次', '累计服务 4 天，少于 5 天'] });
  });
  it('a log on the day before the start is not counted', () => {
    expect(complianceForYear(year1, [log('2026-02-28')], '2026-03-01', gx).visits).toBe(0);
  });
  it('visits are distinct on-site dates; online days count toward days only', () => {
    const logs = [log('2026-04-01', { days: 0.5 }), log('2026-04-01', { days: 0.5, kind: '政策宣传与反馈' }), log('2026-04-02', { mode: '线上' })];
    expect(complianceForYear(year1, logs, '2026-04-10', gx)).toMatchObject({ visits: 1, days: 2 });
  });
  it('turns green on the fifth visit and the thirtieth day', () => {
    const logs = [...visits('2026-03-02', 5, 1), ...Array.from({ length: 25 }, (_, i) => log(`2026-06-${String(i + 1).padStart(2, '0')}`, { mode: '线上' }))];
    expect(complianceForYear(year1, logs, '2026-06-25', gx).state).toBe('达标');
    expect(complianceForYear(year1, logs, '2026-06-24', gx).state).not.toBe('达标');
  });
});

describe('pace warning', () => {
  it('on track: 2 visits, 12 days after 120 days of 365', () => {
    const logs = [...visits('2026-03-02', 2, 1), ...Array.from({ length: 10 }, (_, i) => log(`2026-05-${String(i + 10).padStart(2, '0')}`, { mode: '线上' }))];
    expect(complianceForYear(year1, logs, '2026-06-28', gx).state).toBe('进行中');
  });
  it('behind: 1 visit and 1 day after half a year', () => {
    const r = complianceForYear(year1, [log('2026-03-02')], '2026-08-30', gx);
    expect(r.state).toBe('进度落后');
    expect(r.messages[0]).toBe('到企业服务按目前进度（1 次/183 天）到 2027-02-28 约为 1.9 次，达不到 5 次');
  });
  it('impossible when fewer days are left than days missing (boundary: exactly enough is still possible)', () => {
    // Year 1 ends 2027-02-28; on 2027-01-29 there are 30 days left after today.
    const fast = { ...gx, minVisitsPerYear: 0 };
    expect(complianceForYear(year1, [], '2027-01-29', fast).messages).toEqual(['累计服务按目前进度（0 天/335 天）到 2027-02-28 约为 0 天，达不到 30 天']);
    expect(complianceForYear(year1, [], '2027-01-30', fast).messages).toEqual(['累计服务还差 30 天，本服务年度只剩 29 天，已无法达到']);
  });
  it('currentCompliance picks the year containing today and only this agreement’s logs', () => {
    const other = log('2027-03-05', { agreementId: '9f1d2c4b-5a6e-4f70-8123-456789abcdef' });
    expect(currentCompliance(a, [log('2027-03-01'), other], '2027-03-10', gx)).toMatchObject({ year: { index: 2 }, visits: 1 });
    expect(currentCompliance(a, [], '2028-03-10', gx)?.year.index).toBe(2);
    expect(currentCompliance(a, [], '2026-02-01', gx)).toBeUndefined();
  });
});

describe('log entry', () => {
  it('refuses a date outside the service period, inclusive bounds accepted', () => {
    expect(checkServiceLog(log('2026-03-01'), a, [], '2026-03-01').ok).toBe(true);
    expect(checkServiceLog(log('2026-02-28'), a, [], '2026-03-01')).toEqual({ ok: false, reason: '服务日期 2026-02-28 不在服务期 2026-03-01 至 2028-02-29 内' });
    expect(checkServiceLog(log('2028-03-01'), a, [], '2028-03-05').ok).toBe(false);
    expect(checkServiceLog(log('2026-09-01'), { ...a, terminatedDate: '2026-09-01', terminationReason: 'x' }, [], '2026-09-05').ok).toBe(false);
  });
  it('refuses future dates and more than one day per person per date', () => {
    expect(checkServiceLog(log('2026-04-02'), a, [], '2026-04-01')).toEqual({ ok: false, reason: '服务日期不能晚于今天' });
    const first = log('2026-04-01', { days: 0.5 });
    expect(checkServiceLog(log('2026-04-01', { days: 0.5 }), a, [first], '2026-04-01').ok).toBe(true);
    expect(checkServiceLog(log('2026-04-01', { days: 1 }), a, [first], '2026-04-01')).toEqual({ ok: false, reason: '2026-04-01 已登记 0.5 天，同一日期合计不能超过 1 天' });
    expect(checkServiceLog({ ...first, days: 1 }, a, [first], '2026-04-01').ok).toBe(true);
  });
  it('refuses logs on a draft agreement or for another enterprise', () => {
    expect(checkServiceLog(log('2026-04-01'), { ...a, status: '草拟' }, [], '2026-04-01').ok).toBe(false);
    expect(checkServiceLog(log('2026-04-01', { enterpriseId: '9f1d2c4b-5a6e-4f70-8123-456789abcdef' }), a, [], '2026-04-01')).toEqual({ ok: false, reason: '服务企业与协议的派驻企业不一致' });
  });
});
