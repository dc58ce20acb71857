import { describe, expect, it } from 'vitest';
import { cityPreset, guangxiPreset, policyProfileSchema, type PolicyProfile } from '../../../../shared/policy/profile';

type Patch = { [G in keyof PolicyProfile]?: Partial<Record<string, unknown>> };
const withChanges = (patch: Patch) => {
  const draft = structuredClone(guangxiPreset) as unknown as Record<string, Record<string, unknown>>;
  for (const [group, values] of Object.entries(patch)) draft[group] = { ...draft[group], ...values };
  return draft;
};
/** The message zod puts on one field path, as the form shows it. */
const messageAt = (value: unknown, path: string) => {
  const result = policyProfileSchema.safeParse(value);
  return result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === path)?.message;
};

describe('policy profile schema (issue 8 item 2)', () => {
  it('accepts both presets', () => {
    expect(policyProfileSchema.safeParse(guangxiPreset).success).toBe(true);
    expect(policyProfileSchema.safeParse(cityPreset).success).toBe(true);
  });

  it('refuses an emptied amount or count instead of reading it as 0', () => {
    expect(messageAt(withChanges({ advisors: { stipendPerYear: null } }), 'advisors.stipendPerYear')).toBe('请填写聘金');
    expect(messageAt(withChanges({ advisors: { stipendPerYear: undefined } }), 'advisors.stipendPerYear')).toBe('请填写聘金');
    expect(messageAt(withChanges({ advisors: { stipendPerYear: 0 } }), 'advisors.stipendPerYear')).toBe('聘金应大于 0');
    expect(messageAt(withChanges({ advisors: { termEndReportLeadDays: null } }), 'advisors.termEndReportLeadDays')).toBe('请填写期满报告提前天数');
  });

  it('refuses negatives with the reason at the field', () => {
    expect(messageAt(withChanges({ advisors: { termEndReportLeadDays: -3 } }), 'advisors.termEndReportLeadDays')).toBe('期满报告提前天数不能为负数');
    expect(messageAt(withChanges({ commissioners: { subsidyPerYear: -1 } }), 'commissioners.subsidyPerYear')).toBe('工作补助不能为负数');
  });

  it('refuses contradictory bounds under the upper field', () => {
    expect(messageAt(withChanges({ advisors: { minVisitsPerYear: 5, maxVisitsPerYear: 2 } }), 'advisors.maxVisitsPerYear')).toBe('每年走访/座谈最多次数不能少于最少次数');
    expect(messageAt(withChanges({ commissioners: { teamSizeMin: 6, teamSizeMax: 5 } }), 'commissioners.teamSizeMax')).toBe('特派团最多人数不能少于最少人数');
    expect(messageAt(withChanges({ consultations: { generalCityFundingCap: 30_000_000 } }), 'consultations.keyCityFundingCap')).toBe('重点会商市经费上限不能低于一般会商市');
  });

  it('keeps shares within 0–100 % and month-days real', () => {
    expect(messageAt(withChanges({ commissioners: { excellentShareMax: 1.2 } }), 'commissioners.excellentShareMax')).toBe('优秀比例上限不能大于 100%');
    expect(messageAt(withChanges({ commissioners: { excellentShareMax: -0.1 } }), 'commissioners.excellentShareMax')).toBe('优秀比例上限不能小于 0%');
    expect(messageAt(withChanges({ consultations: { annualReportDueMonthDay: '02-30' } }), 'consultations.annualReportDueMonthDay')).toBe('没有这一天，请检查月、日');
    expect(messageAt(withChanges({ consultations: { annualReportDueMonthDay: '02-29' } }), 'consultations.annualReportDueMonthDay')).toBeUndefined();
  });
});

describe('every problem at once', () => {
  it('reports min > max together with an emptied field', () => {
    const result = policyProfileSchema.safeParse(withChanges({ advisors: { stipendPerYear: null, minVisitsPerYear: 5, maxVisitsPerYear: 2 } }));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['advisors.stipendPerYear', 'advisors.maxVisitsPerYear']);
  });
});
