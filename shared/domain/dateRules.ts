import type { z } from 'zod';
import { fieldLabel } from './fieldLabels';

/**
 * Cross-field order of dates (and years) inside one record (DESIGN §Data: cross-field rules live
 * in the schema). One rule per pair, checked wherever the schema is: forms, imports, repository
 * writes and sync validation. Dates are 'YYYY-MM-DD', so string order is calendar order.
 */
export interface OrderRule {
  earlier: string;
  later: string;
  message: string;
  /** The two may fall on the same day / year (default true); false: later must be strictly after. */
  allowEqual?: boolean;
}

export interface OrderIssue {
  path: [string];
  message: string;
}

type Comparable = string | number;
const isComparable = (v: unknown): v is Comparable => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));

/** The rules a record breaks; a pair with a missing side is not checked. The issue sits on `later`. */
export function orderIssues(record: Record<string, unknown>, rules: readonly OrderRule[]): OrderIssue[] {
  const issues: OrderIssue[] = [];
  for (const rule of rules) {
    const a = record[rule.earlier];
    const b = record[rule.later];
    if (!isComparable(a) || !isComparable(b) || typeof a !== typeof b) continue;
    const isWrong = rule.allowEqual === false ? b <= a : b < a;
    if (isWrong) issues.push({ path: [rule.later], message: rule.message });
  }
  return issues;
}

/** The schema with its order rules in force. The result is still a ZodObject (sync reads its shape). */
export function withDateOrder<S extends z.ZodObject>(schema: S, rules: readonly OrderRule[]): S {
  // `when`: checked even while other fields are wrong, so 聘期结束 shows its message together with
  // 请填写姓名; orderIssues skips any pair whose sides are not (yet) valid values.
  return schema.superRefine(
    (value, ctx) => {
      if (typeof value !== 'object' || value === null) return;
      for (const issue of orderIssues(value as Record<string, unknown>, rules)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    },
    { when: () => true },
  ) as S;
}

/**
 * Dates that record something that has already happened (推荐, 评议, 拨付, 报送 …). They cannot
 * lie in the future when a clerk enters them; checked by the forms against today rather than in
 * the schema, because an import or a sync from a machine with a wrong clock must still load.
 */
export const pastOnlyDateFields: ReadonlySet<string> = new Set([
  'recommendationDate',
  'reviewDate',
  'approvalDate',
  'paidDate',
  'filedDate',
  'sentDate',
  'feedbackDate',
  'signedDate',
  'reportedDate',
  'completedDate',
  'annualWorkReportReceivedDate',
  'annualSummaryReceivedDate',
  'termReportReceivedDate',
  'selfAssessmentReceivedDate',
  'evaluationDate',
  'filedWithDepartmentDate',
  'filedWithOfficeDate',
]);

/** Past-only dates after `today` (YYYY-MM-DD), each with a message for its field. */
export function futureDateIssues(values: Record<string, unknown>, today: string): OrderIssue[] {
  const issues: OrderIssue[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (pastOnlyDateFields.has(field) && typeof value === 'string' && value > today) {
      issues.push({ path: [field], message: `${fieldLabel(field)}不能晚于今天（${today}）` });
    }
  }
  return issues;
}
