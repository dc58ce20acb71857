import type { AdvisorFile } from '../../../../shared/domain/advisors/reminders';

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

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

export function yearSummary(file: AdvisorFile, year: number): YearSummary {
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const activities = alive(file.activities).filter((a) => inYear(a.date));
  const suggestions = alive(file.suggestions).filter((s) => inYear(s.date));
  const payments = alive(file.stipends).filter((s) => s.year === year && s.paidDate);
  return {
    year,
    activities: activities.length,
    meetings: activities.filter((a) => a.form === '来桂座谈' || a.form === '拜访').length,
    suggestions: suggestions.length,
    adopted: suggestions.filter((s) => s.feedbackStatus === '已采纳' || s.feedbackStatus === '部分采纳').length,
    awaitingFeedback: suggestions.filter((s) => s.feedbackStatus === '待反馈').length,
    paid: payments.reduce((sum, s) => sum + s.amount, 0),
    isPaymentUnfiled: payments.some((s) => !s.filedDate),
  };
}

/** 300000 → "30万元", 12345.6 → "12,345.60元": how the office writes amounts in a ledger. */
export function formatYuan(amount: number): string {
  if (amount >= 10_000 && amount % 100 === 0) return `${(amount / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`;
  return `${amount.toLocaleString('zh-CN', { minimumFractionDigits: amount % 1 ? 2 : 0, maximumFractionDigits: 2 })}元`;
}
