import { addDays, daysBetween } from './dates';
import { currentCompliance } from './compliance';
import { effectiveEndDate, isActiveOn, type CommissionerRules } from './rules';
import type { CooperationAgreement, QuarterlyReport, ServiceLog } from './schema';

export type ReminderSeverity = 'info' | 'warning' | 'overdue';

export interface CommissionerReminder {
  /** Stable key, e.g. `quarterly-report:<agreementId>:2026Q1`, so a list can be diffed. */
  key: string;
  agreementId: string;
  kind: 'paceBehind' | 'yearMissed' | 'periodEnding' | 'quarterlyReportDue' | 'quarterlyReportOverdue';
  severity: ReminderSeverity;
  message: string;
  dueDate?: string;
}

export interface AgreementFile {
  agreement: CooperationAgreement;
  logs: readonly ServiceLog[];
  quarterlyReports: readonly QuarterlyReport[];
}

const quarterEnd = (year: number, q: number) => addDays(`${q === 4 ? year + 1 : year}-${String(q === 4 ? 1 : q * 3 + 1).padStart(2, '0')}-01`, -1);
const quarterStart = (year: number, q: number) => `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;

/**
 * What is due for one agreement on `today`. Pure: same file, date and profile → same list.
 * - seed 001 §五(三): visits/days behind pace, or the service year ended short;
 * - period ending within agreementEndingWarnDays (renew for the city, re-dispatch otherwise);
 * - seed 004 第十七条: quarterly reports when the profile's cadence is 季度, due
 *   quarterlyReportDueDays after each quarter in which the agreement was in force.
 */
export function agreementReminders(file: AgreementFile, today: string, rules: CommissionerRules): CommissionerReminder[] {
  const { agreement } = file;
  if (agreement.deletedAt || agreement.status !== '生效' || !agreement.startDate) return [];
  const id = agreement.id;
  const out: CommissionerReminder[] = [];
  const compliance = currentCompliance(agreement, file.logs, today, rules);
  if (compliance?.state === '进度落后') {
    out.push({ key: `pace:${id}:${compliance.year.index}`, agreementId: id, kind: 'paceBehind', severity: 'warning', message: `第 ${compliance.year.index} 服务年度进度落后：${compliance.messages.join('；')}`, dueDate: compliance.year.end });
  } else if (compliance?.state === '未达标') {
    out.push({ key: `missed:${id}:${compliance.year.index}`, agreementId: id, kind: 'yearMissed', severity: 'overdue', message: `第 ${compliance.year.index} 服务年度未达标：${compliance.messages.join('；')}`, dueDate: compliance.year.end });
  }

  const end = effectiveEndDate(agreement);
  if (end && isActiveOn(agreement, today)) {
    const left = daysBetween(today, end);
    if (left <= rules.agreementEndingWarnDays) {
      const next = rules.agreementRenewable ? '如需继续服务请办理续签' : '期满后如需继续派驻须重新选派';
      out.push({ key: `ending:${id}:${end}`, agreementId: id, kind: 'periodEnding', severity: 'info', message: `服务期将于 ${end} 届满（还有 ${left} 天），${next}`, dueDate: end });
    }
  }

  if (rules.reportingCadence === '季度' && end) {
    const firstYear = Number(agreement.startDate.slice(0, 4));
    for (let year = firstYear; year <= Number(today.slice(0, 4)); year++) {
      for (let q = 1; q <= 4; q++) {
        const qEnd = quarterEnd(year, q);
        // Only quarters that have ended and in which the agreement was in force.
        if (qEnd >= today || qEnd < agreement.startDate || quarterStart(year, q) > end) continue;
        const due = addDays(qEnd, rules.quarterlyReportDueDays);
        const filed = file.quarterlyReports.some((r) => !r.deletedAt && r.agreementId === id && r.year === year && r.quarter === q && r.submittedDate);
        if (filed) continue;
        const overdue = today > due;
        out.push({
          key: `quarterly-report:${id}:${year}Q${q}`,
          agreementId: id,
          kind: overdue ? 'quarterlyReportOverdue' : 'quarterlyReportDue',
          severity: overdue ? 'overdue' : 'warning',
          message: `${year} 年第 ${q} 季度工作进展${overdue ? `应于 ${due} 前报送，已逾期` : `请于 ${due} 前报送县（区）、高新区科技管理部门`}`,
          dueDate: due,
        });
      }
    }
  }
  return out;
}
