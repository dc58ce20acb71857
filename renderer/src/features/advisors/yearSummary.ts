import type { AdvisorFile } from '../../../../shared/domain/advisors/reminders';
import { digestOf, digestYear, type AdvisorDigest } from '../../../../shared/domain/advisors/digest';

/** "What has this advisor done for us this year, what did we pay, what did we adopt?" */
export interface YearSummary {
  year: number;
  activities: number;
  /** seed 000 §四(一): 来桂座谈 / 拜访, 1–2 a year. */
  meetings: number;
  suggestions: number;
  /** 已采纳 + 部分采纳 (seed 000 §七(四): departments report 采纳和落实情况 back). */
  adopted: number;
  awaitingFeedback: number;
  /** 聘金 for this year with a 拨付日期, in yuan. */
  paid: number;
  /** Some payment for the year lacks its 备案 date (seed 000 §六). */
  isPaymentUnfiled: boolean;
}

export function yearSummary(file: AdvisorFile, year: number): YearSummary {
  return yearSummaryFromDigest(digestOf(file.advisor.id, file), year);
}

/** The same figures from the advisor's digest (the paged roster reads digests, not records). */
export function yearSummaryFromDigest(digest: AdvisorDigest, year: number): YearSummary {
  const y = digestYear(digest, year);
  return {
    year,
    activities: y.activities,
    meetings: y.meetings,
    suggestions: y.suggestions,
    adopted: y.adopted,
    awaitingFeedback: y.awaitingFeedback,
    paid: y.paidCents / 100,
    isPaymentUnfiled: y.unfiledPayments > 0,
  };
}

/** 300000 → "30万元", 12345.6 → "12,345.60元": how the office writes amounts in a ledger. */
export function formatYuan(amount: number): string {
  if (amount >= 10_000 && amount % 100 === 0) return `${(amount / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;
  return `${amount.toLocaleString('zh-CN', { minimumFractionDigits: amount % 1 ? 2 : 0, maximumFractionDigits: 2 })}元`;
}
