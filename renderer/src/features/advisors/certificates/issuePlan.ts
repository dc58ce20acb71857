import type { Advisor } from '../../../../../shared/domain/advisors/schema';
import { canIssueCertificate } from '../../../../../shared/domain/advisors/rules';

/** What a batch would do for the selected advisors, before anything is written. */
export interface IssuePlan {
  /** 已审定 with a term: a first issue, new number. */
  firstIssue: Advisor[];
  /** 已聘任: a reprint (补打) under the original number. */
  reprint: Advisor[];
  /** Everyone else, with the rule's reason (shown so the clerk knows why they are left out). */
  refused: { advisor: Advisor; reason: string }[];
}

export function planIssue(advisors: Advisor[]): IssuePlan {
  const plan: IssuePlan = { firstIssue: [], reprint: [], refused: [] };
  for (const advisor of advisors) {
    const isReprint = advisor.status === '已聘任';
    const check = canIssueCertificate(advisor, { isReprint });
    if (!check.ok) plan.refused.push({ advisor, reason: check.reason });
    else if (isReprint) plan.reprint.push(advisor);
    else plan.firstIssue.push(advisor);
  }
  return plan;
}

/** The advisors the clerk chose to include, in the order they were selected. */
export function chosenAdvisors(advisors: Advisor[], plan: IssuePlan, choice: { firstIssue: boolean; reprint: boolean }): Advisor[] {
  const ids = new Set([...(choice.firstIssue ? plan.firstIssue : []), ...(choice.reprint ? plan.reprint : [])].map((a) => a.id));
  return advisors.filter((a) => ids.has(a.id));
}
