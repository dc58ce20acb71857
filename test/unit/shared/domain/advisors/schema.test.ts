import { describe, expect, it } from 'vitest';
import { advisorActivitySchema, advisorSuggestionSchema } from '../../../../../shared/domain/advisors/schema';

const base = { id: '7e17595b-67a9-438e-8225-a32d41fa86c1', advisorId: '5809077d-56d4-440b-ac89-65f9ec8e0d7b', createdAt: '2026-05-10T00:00:00.000Z', updatedAt: '2026-05-10T00:00:00.000Z' };

describe('咨询建议: 采纳 and 落实 (seed 000 §七(四))', () => {
  const suggestion = { ...base, date: '2026-05-10', title: '关于中试平台的建议', feedbackStatus: '已采纳' };

  it('tracks 落实 with its own status, date and note', () => {
    const parsed = advisorSuggestionSchema.parse({ ...suggestion, implementationStatus: '落实中', implementationDate: '2026-11-15', implementationNote: '选址已确定' });
    expect(parsed).toMatchObject({ feedbackStatus: '已采纳', implementationStatus: '落实中', implementationDate: '2026-11-15', implementationNote: '选址已确定' });
  });

  it('leaves 落实 empty until a department reports, and refuses an unknown status', () => {
    expect(advisorSuggestionSchema.parse(suggestion).implementationStatus).toBeUndefined();
    expect(advisorSuggestionSchema.safeParse({ ...suggestion, implementationStatus: '差不多' }).success).toBe(false);
  });
});

describe('工作记录: 取得成果', () => {
  it('records the 科研成果 of a piece of work (seed 000 §八(二)1)', () => {
    const parsed = advisorActivitySchema.parse({ ...base, date: '2026-09-08', form: '咨询论证', content: '论证会', outcome: '联合申报项目1项' });
    expect(parsed.outcome).toBe('联合申报项目1项');
  });
});
