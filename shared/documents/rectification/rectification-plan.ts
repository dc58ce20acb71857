import { Paragraph, TextRun, type Document } from 'docx';
import { z } from 'zod';
import { docxFileName } from '../file-name';
import { blankLine, createGbDocument, gbStyleIds, ledgerTable, title } from '../style-kit';
import { LANDSCAPE_TEXT_MM, planTableColumns, RECTIFICATION_TABLE_FONT_PT } from './columns';
import { bySeq, divisionsText, numberedMeasures, personsText, planHeadingSchema, rectificationPlanItemSchema, tableDate } from './plan-input';

export const rectificationPlanInputSchema = z.object({
  plan: planHeadingSchema,
  items: z.array(rectificationPlanItemSchema).min(1, '整改方案至少需要一项整改事项'),
  /**
   * The mark over the title when the plan goes out as an attachment of a 通知 (附件, 附件2);
   * empty for a plan printed on its own.
   */
  attachmentMark: z.string().trim().max(10).default('附件'),
});
export type RectificationPlanInput = z.input<typeof rectificationPlanInputSchema>;

/**
 * GB/T 9704-2012 §8 附件说明 / 附件: "附件" (and its number) in 3号黑体, flush with the 版心's
 * left edge on its first line; the attachment's title follows a line below it. The kit's
 * heading style carries the 黑体 and the grid; only the body indent is taken off.
 */
export function attachmentMarkParagraph(mark: string): Paragraph {
  return new Paragraph({ style: gbStyleIds.heading1, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(mark)] });
}

function row(item: z.output<typeof rectificationPlanItemSchema>): string[] {
  return [
    String(item.seq),
    item.theme,
    item.content,
    numberedMeasures(item.measures),
    item.verificationForm,
    tableDate(item.plannedDate),
    divisionsText(item),
    personsText(item),
  ];
}

/**
 * 整改方案 (seed 003): the items as one landscape table in the seed's column order, the header
 * repeated on every page, under the plan's title and, when sent with a 通知, the 附件 mark.
 */
export function buildRectificationPlan(raw: RectificationPlanInput): Document {
  const d = rectificationPlanInputSchema.parse(raw);
  const heading = d.attachmentMark ? [attachmentMarkParagraph(d.attachmentMark), blankLine()] : [];
  return createGbDocument({
    title: d.plan.name,
    tableFontPt: RECTIFICATION_TABLE_FONT_PT,
    sections: [
      {
        orientation: 'landscape',
        children: [
          ...heading,
          title(d.plan.name),
          ledgerTable({ columns: planTableColumns, rows: bySeq(d.items).map(row), fontPt: RECTIFICATION_TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_MM, rowsMaySplit: true }),
        ],
      },
    ],
  });
}

export function rectificationPlanFileName(input: RectificationPlanInput): string {
  return docxFileName(input.plan.name);
}
