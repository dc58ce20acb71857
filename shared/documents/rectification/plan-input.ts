import { z } from 'zod';
import { rectificationItemShape } from '../../domain/rectification/schema';
import { gbDate } from '../advisors/gb-extras';

/** An item as both rectification documents print it: the plan's columns. */
export const rectificationPlanItemSchema = rectificationItemShape.pick({
  seq: true,
  theme: true,
  content: true,
  measures: true,
  verificationForm: true,
  plannedDate: true,
  responsibleDivisions: true,
  divisionWording: true,
  responsiblePersons: true,
});
export type RectificationPlanItem = z.input<typeof rectificationPlanItemSchema>;
type Item = z.output<typeof rectificationPlanItemSchema>;

export const planHeadingSchema = z.object({
  /** 方案名称, printed as the title: 2020年度自治区科技厅社会评价意见建议整改方案. */
  name: z.string().trim().min(1, '请填写方案名称'),
  year: z.number().int().min(2000).max(2100),
});


/** 整改措施 numbered as the office writes them: "1.……" on its own line; one measure unnumbered. */
export function numberedMeasures(measures: readonly string[]): string {
  return measures.length === 1 ? measures[0] : measures.map((m, i) => `${i + 1}.${m}`).join('\n');
}

/**
 * 责任处室 as the plan worded it, one numbered group a line — "（1）办公室；（2）高新处、区域处"
 * prints as "（1）办公室" over "（2）高新处、区域处", so a narrow column breaks between groups
 * rather than inside a name —, else the names joined with 、.
 */
export function divisionsText(item: Pick<Item, 'divisionWording' | 'responsibleDivisions'>): string {
  if (!item.divisionWording) return item.responsibleDivisions.join('、');
  return item.divisionWording.replace(/[；;，,]\s*(?=[（(]\d+[)）])/g, '\n');
}

/** 责任人 one pair a line: 唐咸来/潘红雄 (a missing half is left out, not shown as a dash). */
export function personsText(item: Pick<Item, 'responsiblePersons'>): string {
  return item.responsiblePersons.map((p) => [p.leader, p.officer].filter(Boolean).join('/')).join('\n');
}

/** Dates in tables as 公文 print them: 2021年8月31日 (GB/T 9704-2012 §7.3.5.3). */
export const tableDate = (iso: string | undefined): string => (iso ? gbDate(iso) : '');

/** Items in 序号 order (a paste or an edit may have left them out of order). */
export function bySeq<T extends { seq: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.seq - b.seq);
}
