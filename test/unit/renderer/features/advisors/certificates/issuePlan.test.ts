import { describe, expect, it } from 'vitest';
import { chosenAdvisors, planIssue } from '../../../../../../renderer/src/features/advisors/certificates/issuePlan';
import type { Advisor } from '../../../../../../shared/domain/advisors/schema';

const base = { honorific: '中国工程院院士', homeInstitution: '某大学', termStart: '2026-07-01', termEnd: '2029-06-30', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
const a = (id: string, status: Advisor['status'], extra: Partial<Advisor> = {}): Advisor => ({ ...base, id, name: id, status, ...extra });

describe('planIssue', () => {
  const list = [a('甲', '已审定'), a('乙', '已聘任', { certificateNumber: '桂科顾聘〔2026〕1号' }), a('丙', '推荐'), a('丁', '已审定', { termEnd: undefined }), a('戊', '已审定')];

  it('sorts the selection into first issues, reprints and refusals with reasons', () => {
    const plan = planIssue(list);
    expect(plan.firstIssue.map((x) => x.id)).toEqual(['甲', '戊']);
    expect(plan.reprint.map((x) => x.id)).toEqual(['乙']);
    expect(plan.refused.map((r) => [r.advisor.id, r.reason])).toEqual([
      ['丙', expect.stringContaining('审定后才能颁发')],
      ['丁', expect.stringContaining('聘期')],
    ]);
  });

  it('keeps the selection order for what the clerk ticks', () => {
    const plan = planIssue(list);
    expect(chosenAdvisors(list, plan, { firstIssue: true, reprint: true }).map((x) => x.id)).toEqual(['甲', '乙', '戊']);
    expect(chosenAdvisors(list, plan, { firstIssue: false, reprint: true }).map((x) => x.id)).toEqual(['乙']);
    expect(chosenAdvisors(list, plan, { firstIssue: false, reprint: false })).toEqual([]);
  });
});
