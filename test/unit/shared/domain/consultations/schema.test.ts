import { describe, expect, it } from 'vitest';
import { consultationCitiesSchema, consultationProgressSchema, consultationRoundSchema, consultationTopicSchema, defaultConsultationCities } from '../../../../../shared/domain/consultations/schema';
import { roundPhase } from '../../../../../shared/domain/consultations/phase';
import { round, topic } from './fixtures';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('consultation round schema', () => {
  it('accepts stages in procedure order, equal dates included', () => {
    const r = round({ stageDates: { 会商建议: '2026-02-10', 具体意见报送: '2026-04-01', 定稿: '2026-05-20', 会议召开: '2026-06-10', 签署: '2026-06-10' }, departmentSigner: '张厅长', citySigner: '王市长' });
    expect(consultationRoundSchema.safeParse(r).success).toBe(true);
  });

  it('refuses a stage dated before an earlier stage, naming both', () => {
    const r = round({ stageDates: { 会商建议: '2026-02-10', 处室意见: '2026-05-10', 定稿: '2026-05-20', 会议召开: '2026-05-01' } });
    expect(messages(consultationRoundSchema.safeParse(r))).toEqual(['stageDates.会议召开: “会议召开”日期不能早于“定稿”日期（2026-05-20）']);
  });

  it('refuses a proposal outside the round year and a signing without signers', () => {
    const r = round({ year: 2026, stageDates: { 会商建议: '2025-12-30', 签署: '2026-06-10' } });
    expect(messages(consultationRoundSchema.safeParse(r))).toEqual([
      'stageDates.会商建议: 会商建议应在会商年度（2026年）内提交',
      'departmentSigner: 签署前须填写科技厅签署人（厅长）',
      'citySigner: 签署前须填写设区市签署人（主要领导）',
    ]);
  });

  it('an exception needs both its kind and its reason', () => {
    expect(messages(consultationRoundSchema.safeParse(round({ exceptionKind: '重大' })))).toEqual(['exceptionReason: 标为重大需求须填写理由']);
    expect(messages(consultationRoundSchema.safeParse(round({ exceptionReason: '急需' })))).toEqual(['exceptionKind: 请选择重大、特殊或紧急需求']);
  });

  it('refuses a bad meeting time and a missing kind in Chinese', () => {
    expect(messages(consultationRoundSchema.safeParse(round({ meetingTime: '25:00' })))).toEqual(['meetingTime: 会议时间格式应为 HH:MM，如 09:30']);
    expect(consultationRoundSchema.safeParse(round({ meetingTime: '' })).success).toBe(true);
    expect(messages(consultationRoundSchema.safeParse({ ...round(), kind: undefined }))).toEqual(['kind: 请选择重点会商或一般会商']);
  });

  it('reads the phase from the stage dates', () => {
    expect(roundPhase(round())).toBe('申报');
    expect(roundPhase(round({ stageDates: { 会商建议: '2026-02-01' } }))).toBe('申报');
    expect(roundPhase(round({ stageDates: { 任务对接: '2026-04-01' } }))).toBe('筹备');
    expect(roundPhase(round({ stageDates: { 签署: '2026-06-01' } }))).toBe('已签署');
    expect(roundPhase(round({ stageDates: { 实施: '2026-06-02' } }))).toBe('实施中');
    expect(roundPhase(round({ stageDates: { 绩效评估: '2029-06-02' } }))).toBe('已评估');
  });
});

describe('topics, progress, cities', () => {
  it('funding is non-negative with at most two decimals', () => {
    expect(messages(consultationTopicSchema.safeParse(topic({ funding: -1 })))).toEqual(['funding: 金额不能为负数']);
    expect(messages(consultationTopicSchema.safeParse(topic({ funding: 1.005 })))).toEqual(['funding: 金额最多保留两位小数（分）']);
    expect(consultationTopicSchema.safeParse(topic({ funding: 1234.56 })).success).toBe(true);
  });

  it('only a finished topic has a completion date', () => {
    expect(messages(consultationTopicSchema.safeParse(topic({ completedDate: '2026-05-01' })))).toEqual(['completedDate: 只有已完成的议题才有完成日期']);
  });

  it('a quarter is 1–4 and progress text is required', () => {
    const base = { id: '00000000-0000-4000-8000-00000000aaaa', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', roundId: '00000000-0000-4000-8000-00000000bbbb', year: 2026 };
    expect(messages(consultationProgressSchema.safeParse({ ...base, quarter: 5, progress: ' ' }))).toEqual(['quarter: 季度应为 1—4', 'progress: 请填写推进情况']);
  });

  it('the 14 cities are preloaded and a duplicate is refused', () => {
    expect(defaultConsultationCities).toHaveLength(14);
    expect(defaultConsultationCities[5]).toEqual({ name: '防城港', government: '防城港市人民政府' });
    expect(messages(consultationCitiesSchema.safeParse([...defaultConsultationCities, { name: '南宁', government: '南宁市人民政府' }]))).toEqual(['14.name: 设区市“南宁”重复']);
  });
});
