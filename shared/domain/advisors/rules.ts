import type { Advisor, AdvisorStatus } from './schema';

/** A decision with the reason in Chinese; warnings do not block (e.g. 原则上 clauses). */
export type RuleResult = { ok: true; warnings: string[] } | { ok: false; reason: string };

const ok = (warnings: string[] = []): RuleResult => ({ ok: true, warnings });
const refuse = (reason: string): RuleResult => ({ ok: false, reason });

/**
 * seed 000 §二–三: 推荐 → 评议 → 已审定 (党委/政府 approve the list) → 已聘任 (聘书 issued) →
 * 期满 or 解聘. 评议 may send a file back to 推荐; an expired advisor may be recommended again.
 */
const transitions: Record<AdvisorStatus, readonly AdvisorStatus[]> = {
  推荐: ['评议'],
  评议: ['已审定', '推荐'],
  已审定: ['已聘任', '评议'],
  已聘任: ['期满', '解聘'],
  期满: ['推荐'],
  解聘: [],
};

export function allowedTransitions(status: AdvisorStatus): readonly AdvisorStatus[] {
  return transitions[status];
}

/** Fields a transition may fill in as it happens (review result, dates, reason …). */
export type TransitionDetails = Partial<
  Pick<Advisor, 'reviewResult' | 'reviewDate' | 'approvalDate' | 'dismissalReason' | 'dismissalDate' | 'certificateNumber' | 'termStart' | 'termEnd'>
>;

/**
 * Whether `advisor` may move to `to` on `today` (YYYY-MM-DD), given the details entered with
 * the move. Pure: the caller applies the change.
 */
export function checkTransition(advisor: Advisor, to: AdvisorStatus, today: string, details: TransitionDetails = {}): RuleResult {
  const from = advisor.status;
  if (!transitions[from].includes(to)) return refuse(`不能从“${from}”直接变更为“${to}”`);
  const next = { ...advisor, ...details };
  switch (to) {
    case '评议': {
      if (from === '已审定') return ok(['已审定的人选退回评议，请在备注中说明原因']);
      // seed 000 §二(二): recommended by the service unit / competent department with the
      // academician's consent; the home unit's consent is required only 原则上.
      if (!next.recommendingUnit) return refuse('请先填写推荐单位');
      if (!next.recommendationDate) return refuse('请先填写推荐日期');
      if (next.advisorConsent !== true) return refuse('推荐须征得院士本人同意，请先确认院士本人意愿');
      const warnings: string[] = [];
      if (next.homeUnitConsent !== true) warnings.push('尚未记录所在单位同意意见（原则上应征得所在单位同意）');
      if (!next.researchDirections && !next.cooperationProjects) warnings.push('工作方案（研究方向、合作项目）尚未填写');
      return ok(warnings);
    }
    case '推荐':
      return ok();
    case '已审定':
      // seed 000 §二(三): reviewed by the office, then approved by the 党委/政府.
      if (next.reviewResult !== '通过') return refuse('评议结果为“通过”后才能审定');
      if (!next.approvalDate) return refuse('请填写审定日期');
      return ok();
    case '已聘任': {
      const issue = canIssueCertificate(next, { isReprint: false });
      if (!issue.ok) return issue;
      if (!next.certificateNumber) return refuse('请先颁发聘书（聘书编号未生成）');
      return issue;
    }
    case '期满':
      if (!next.termEnd) return refuse('未填写聘期结束日期');
      if (today < next.termEnd) return refuse(`聘期至 ${next.termEnd} 结束，尚未期满`);
      return ok();
    case '解聘':
      if (!next.dismissalReason?.trim()) return refuse('解聘须填写原因');
      if (!next.dismissalDate) return refuse('请填写解聘日期');
      return ok();
  }
}

/**
 * 聘书: first issue only after 审定 (seed 000 §三: the certificate follows the approved list);
 * a reprint only for someone already appointed. A term is required and must be a real span.
 */
export function canIssueCertificate(advisor: Pick<Advisor, 'status' | 'termStart' | 'termEnd'>, { isReprint }: { isReprint: boolean }): RuleResult {
  if (isReprint) {
    if (advisor.status !== '已聘任') return refuse('只有已聘任的科技顾问可以补打聘书');
  } else if (advisor.status !== '已审定') {
    return refuse(advisor.status === '已聘任' ? '聘书已颁发，如需重新打印请使用“补打”' : `当前状态为“${advisor.status}”，审定后才能颁发聘书`);
  }
  if (!advisor.termStart || !advisor.termEnd) return refuse('请先填写聘期起止日期');
  if (advisor.termEnd <= advisor.termStart) return refuse('聘期结束日期应晚于开始日期');
  return ok();
}

/** Statuses from which 聘金 is paid: appointed, and the years of a term that has ended or was cut short. */
const stipendStatuses: readonly AdvisorStatus[] = ['已聘任', '期满', '解聘'];

/**
 * seed 000 §六: 聘金 is paid to an appointed advisor (30万元/人/年). Before 聘任 there is no term
 * and nothing is owed, so a payment would show an advisor at 推荐 as 应发 but 未拨付.
 */
export function canRecordStipend(advisor: Pick<Advisor, 'status'>): RuleResult {
  if (stipendStatuses.includes(advisor.status)) return ok();
  return refuse(`当前状态为“${advisor.status}”，聘任（颁发聘书）后才能登记聘金发放`);
}

/** A second payment for the same year is allowed (补发) but worth a second look. */
export function duplicateStipendYearWarning(stipends: readonly { id: string; year: number }[], draft: { id?: unknown; year?: unknown }): string | null {
  const same = stipends.filter((s) => s.year === draft.year && s.id !== draft.id);
  return same.length ? `${draft.year}年度已登记 ${same.length} 笔聘金发放，请确认不是重复登记` : null;
}

/**
 * 导入 Excel of a roster an office kept before (issue 15): the 状态 in the file is kept, since
 * walking each historical advisor through 推荐 → 评议 → 审定 → 聘任 again would mint new 聘书
 * numbers for certificates already handed over. But a status is kept only with the facts the app
 * reads it by — 已聘任 without a 聘期 would give no 期满 reminder, no stipend period, no reprint —
 * so a row that lacks them is refused with what to add (nothing is silently changed: an
 * appointed academician downgraded to 推荐 would land in the candidate pipeline, and 在聘 counts
 * would be wrong). 推荐 and 评议 need nothing more than the form asks. `today` is YYYY-MM-DD.
 */
export function importedStatusProblem(
  advisor: Pick<Advisor, 'status' | 'termStart' | 'termEnd' | 'approvalDate' | 'dismissalDate' | 'dismissalReason'>,
  today: string,
): string | null {
  const term = '请填写聘期开始和聘期结束（或“聘期”一列，如 2024.3.5—2027.3.4）';
  switch (advisor.status) {
    case '推荐':
    case '评议':
      return null;
    case '已审定':
      return advisor.approvalDate ? null : '状态为“已审定”须有审定日期：请填写“审定日期”一列，或将状态改为“评议”';
    case '已聘任':
      return advisor.termStart && advisor.termEnd ? null : `状态为“已聘任”须有聘期：${term}`;
    case '期满':
      if (!advisor.termStart || !advisor.termEnd) return `状态为“期满”须有聘期：${term}`;
      return today < advisor.termEnd ? `聘期至 ${advisor.termEnd} 结束，尚未期满：状态应为“已聘任”` : null;
    case '解聘':
      return advisor.dismissalDate && advisor.dismissalReason?.trim() ? null : '状态为“解聘”须有解聘日期和解聘原因：请填写“解聘日期”“解聘原因”两列';
  }
}
