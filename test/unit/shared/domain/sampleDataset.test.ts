import { describe, expect, it } from 'vitest';
import dataset from '../../../../resources/sample-data/sample-data.json';
import { buildSampleRecords } from '../../../../shared/domain/sampleDataset';
import { ledgerTableNames } from '../../../../shared/domain/ledgerTables';
import { quotaState } from '../../../../shared/domain/commissioners/assessment';
import type { CommissionerAssessment } from '../../../../shared/domain/commissioners/schema';
import { cityPreset, guangxiPreset } from '../../../../shared/policy/profile';

const now = '2026-11-24T08:00:00.000Z';

describe('sample dataset', () => {
  it('validates every record against its table schema', () => {
    const records = buildSampleRecords(dataset, now);
    for (const table of Object.keys(records)) expect(ledgerTableNames).toContain(table);
    expect(records.advisors?.length).toBe(3);
    expect(records.advisors?.[0]).toMatchObject({ name: '陈思远', createdAt: now, updatedAt: now });
  });

  it('has unique ids across the whole dataset and references that resolve', () => {
    const records = buildSampleRecords(dataset, now);
    const ids = Object.values(records).flatMap((rows) => rows!.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    const advisorIds = new Set(records.advisors!.map((a) => a.id));
    for (const activity of records.advisorActivities!) expect(advisorIds).toContain(activity.advisorId);
    const enterpriseIds = new Set(records.hostEnterprises!.map((e) => e.id));
    for (const agreement of records.cooperationAgreements!) expect(enterpriseIds).toContain(agreement.enterpriseId);
    const planIds = new Set(records.rectificationPlans!.map((p) => p.id));
    for (const item of records.rectificationItems!) expect(planIds).toContain(item.planId);
    const itemIds = new Set(records.rectificationItems!.map((i) => i.id));
    for (const note of records.rectificationProgressNotes!) expect(itemIds).toContain(note.itemId);
  });

  it('keeps the rules it demonstrates: no year has more 优秀 than 20% of those assessed allows', () => {
    const assessments = (buildSampleRecords(dataset, now).commissionerAssessments ?? []) as unknown as CommissionerAssessment[];
    expect(assessments.length).toBeGreaterThan(0);
    for (const rules of [guangxiPreset.commissioners, cityPreset.commissioners]) {
      for (const year of new Set(assessments.map((a) => a.year))) expect(quotaState(year, assessments, rules).remaining, String(year)).toBeGreaterThanOrEqual(0);
    }
  });

  it('names the table and row of an invalid record', () => {
    expect(() => buildSampleRecords({ advisors: [{ id: 'not-a-uuid', name: '甲' }] }, now)).toThrow(/科技顾问”第 1 条无效/);
    expect(() => buildSampleRecords({ nonsense: [] }, now)).toThrow('示例数据含有未知台账“nonsense”');
  });
});
