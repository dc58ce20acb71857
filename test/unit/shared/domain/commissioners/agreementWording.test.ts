import { describe, expect, it } from 'vitest';
import { agreementPlaceholders, agreementWordingSchema, defaultAgreementWording } from '../../../../../shared/domain/commissioners/agreementWording';
import { unknownPlaceholdersIn } from '../../../../../shared/domain/templates/clauseTemplate';
import { settingsRecordSchema } from '../../../../../shared/domain/settings/schema';

describe('合作协议书 clauses in 设置', () => {
  it('both default variants are valid and use only known placeholders', () => {
    expect(agreementWordingSchema.safeParse(defaultAgreementWording).success).toBe(true);
    for (const clause of [...defaultAgreementWording.provincial, ...defaultAgreementWording.city]) expect(unknownPlaceholdersIn(clause.text, agreementPlaceholders)).toEqual([]);
    // The variants differ where seeds 001 and 004 differ (subsidy wording).
    expect(defaultAgreementWording.provincial.find((c) => c.heading === '工作补助')?.text).toContain('自治区财政');
    expect(defaultAgreementWording.city.find((c) => c.heading === '工作补助')?.text).toContain('市科学技术局');
  });

  it('refuses an unknown placeholder at the clause, and an empty list', () => {
    const city = [...defaultAgreementWording.city];
    city[2] = { heading: '服务要求', text: '每年不少于{最少次数}次，{最少天时}天。' };
    const issues = agreementWordingSchema.safeParse({ ...defaultAgreementWording, city }).error?.issues ?? [];
    expect(issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['city.2.text: 含有未知占位符：{最少天时}']);
    expect(agreementWordingSchema.safeParse({ ...defaultAgreementWording, provincial: [] }).error?.issues[0].message).toBe('自治区版协议书至少应有一条条款');
  });

  it('is stored as the synced settings record `commissionerAgreement`', () => {
    const now = '2026-11-30T08:00:00.000Z';
    expect(settingsRecordSchema.safeParse({ id: 'commissionerAgreement', value: defaultAgreementWording, createdAt: now, updatedAt: now }).success).toBe(true);
  });
});
