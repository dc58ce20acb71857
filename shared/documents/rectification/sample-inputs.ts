import { defaultOrganisation } from '../../domain/settings/schema';
import type { CompletionReportInput } from './completion-report';
import type { RectificationPlanInput } from './rectification-plan';
import { seedPlanItems, seedPlanTitle } from './seed-plan-2020';

/** The day the sample report is taken: after the October deadlines, before the December ones. */
export const SAMPLE_AS_OF = '2021-11-15';

function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/**
 * Progress for the sample report (the seed is the plan only, so this part is made up, the same
 * every run): items due by September are done — one of them late —, October's mostly done with
 * two still under way (逾期 on the sample date), the December ones under way or not started.
 */
function sampleProgress(item: (typeof seedPlanItems)[number]): Pick<CompletionReportInput['items'][number], 'status' | 'startedDate' | 'completedDate' | 'evidenceNotes'> {
  const started = '2021-04-12';
  if (item.seq === 19) return { status: '已完成', startedDate: started, completedDate: '2021-07-09', evidenceNotes: `${item.verificationForm}（已归档）` };
  if (item.plannedDate <= '2021-09-30' || (item.plannedDate <= '2021-10-31' && item.seq % 4 !== 0)) {
    return { status: '已完成', startedDate: started, completedDate: daysBefore(item.plannedDate, 3 + (item.seq % 9)), evidenceNotes: `${item.verificationForm}（已归档）` };
  }
  if (item.plannedDate <= '2021-10-31' || item.seq % 3 !== 0) return { status: '推进中', startedDate: started };
  return { status: '未启动' };
}

export function rectificationSampleInputs(): { rectificationPlan: RectificationPlanInput; rectificationCompletionReport: CompletionReportInput } {
  const plan = { name: seedPlanTitle, year: 2020 };
  return {
    rectificationPlan: { plan, items: seedPlanItems, attachmentMark: '附件' },
    rectificationCompletionReport: {
      plan,
      items: seedPlanItems.map((item) => ({ ...item, ...sampleProgress(item) })),
      asOf: SAMPLE_AS_OF,
      organisation: defaultOrganisation.department,
    },
  };
}
