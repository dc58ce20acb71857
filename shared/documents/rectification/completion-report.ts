import type { Document } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { missingEvidenceText } from '../../domain/rectification/evidence';
import { completedLate, displayStatus } from '../../domain/rectification/overdue';
import { rectificationItemShape } from '../../domain/rectification/schema';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, heading1, ledgerTable, signatureBlock, title, type LedgerColumn } from '../style-kit';
import { contentColumn, divisionColumn, LANDSCAPE_TEXT_MM, RECTIFICATION_TABLE_FONT_PT } from './columns';
import { countByDivision, countByStatus, lateCompletions } from './completion-summary';
import { bySeq, divisionsText, planHeadingSchema, rectificationPlanItemSchema, tableDate } from './plan-input';

export const completionReportItemSchema = rectificationPlanItemSchema
  .extend(rectificationItemShape.pick({ status: true, startedDate: true, completedDate: true, evidenceNotes: true }).shape)
  .extend({
    /** Names of the item's live 附件 (佐证材料 uploaded): they count as handed in, as on screen. */
    evidenceFiles: z.array(z.string()).default([]),
  });

export const completionReportInputSchema = z.object({
  plan: planHeadingSchema,
  items: z.array(completionReportItemSchema).min(1, '完成情况报告至少需要一项整改事项'),
  /** 截至日期: statuses and 逾期 are as of this day, which is also the report's date. */
  asOf: isoDate,
  organisation: z.string().trim().min(1, '请填写单位名称'),
});
export type CompletionReportInput = z.input<typeof completionReportInputSchema>;
type Item = z.output<typeof completionReportItemSchema>;

const STATUS_COLUMNS: LedgerColumn[] = [
  { header: '完成情况', widthMm: 24, align: 'center', fit: 'whole' },
  { header: '事项数', widthMm: 16, align: 'center', fit: 'whole' },
  { header: '序号', widthMm: 180 },
];

const DIVISION_COLUMNS: LedgerColumn[] = [
  { header: '责任处室', widthMm: 60, align: 'center', fit: 'whole' },
  { header: '事项数', widthMm: 25, align: 'center', fit: 'whole' },
  { header: '已完成', widthMm: 25, align: 'center', fit: 'whole' },
  { header: '推进中', widthMm: 25, align: 'center', fit: 'whole' },
  { header: '未启动', widthMm: 25, align: 'center', fit: 'whole' },
  { header: '其中逾期', widthMm: 25, align: 'center', fit: 'whole' },
];

const ITEM_COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  contentColumn,
  divisionColumn,
  { header: '计划完成时间', widthMm: 26, align: 'center', fit: 'whole' },
  { header: '完成情况', widthMm: 20, align: 'center', fit: 'whole' },
  { header: '完成日期', widthMm: 26, align: 'center', fit: 'whole' },
  { header: '整改检验形式', widthMm: 30 },
  { header: '佐证材料', widthMm: 30 },
];

/** 已完成 / 已完成（逾期完成） / 推进中 / 未启动 / 逾期 (with what stage the item is in). */
function statusText(item: Item, asOf: string): string {
  if (item.status === '已完成') return completedLate(item) ? '已完成\n（逾期完成）' : '已完成';
  return displayStatus(item, asOf) === '逾期' ? `逾期\n（${item.status}）` : item.status;
}

/**
 * 佐证材料 as handed in — the clerk's note and the files uploaded (附件：…); for a completed
 * item, what the 整改检验形式 asked for and nothing handed in mentions is named under it
 * (（缺：培训签到表）), so a reader sees the gap. The same check as the item's screen.
 */
function evidenceText(item: Item): string {
  const note = item.evidenceNotes ?? '';
  const files = item.evidenceFiles.length > 0 ? `附件：${item.evidenceFiles.join('、')}` : '';
  const handedIn = [note, files].filter(Boolean).join('\n');
  if (item.status !== '已完成') return handedIn;
  const missing = missingEvidenceText(item.verificationForm, [note, ...item.evidenceFiles].filter(Boolean));
  return missing ? [handedIn, `（${missing}）`].filter(Boolean).join('\n') : handedIn;
}

/** 2020年度……整改方案 → 2020年度……整改完成情况报告. */
export function completionReportTitle(planName: string): string {
  return /整改方案$/.test(planName) ? planName.replace(/整改方案$/, '整改完成情况报告') : `${planName}完成情况报告`;
}

function summarySentence(items: Item[], asOf: string): string {
  const counts = Object.fromEntries(countByStatus(items, asOf).map((c) => [c.status, c.count]));
  const late = lateCompletions(items);
  const open = items.filter((i) => i.status !== '已完成').length;
  return (
    `截至${tableDate(asOf)}，整改方案共列整改事项${items.length}项，已完成${counts['已完成']}项` +
    `${late ? `（其中逾期完成${late}项）` : ''}，尚未完成${open}项` +
    `${open ? `，其中逾期${counts['逾期']}项` : ''}。`
  );
}

/**
 * 整改完成情况报告: how far each item has come as of a date — counts by status and by division,
 * then item by item with the completion date and the evidence handed in next to the evidence
 * the plan asked for. Sent upward under seal (§7.3.5.1).
 */
export function buildCompletionReport(raw: CompletionReportInput): Document {
  const d = completionReportInputSchema.parse(raw);
  const items = bySeq(d.items);
  const reportTitle = completionReportTitle(d.plan.name);
  const statusRows = countByStatus(items, d.asOf).map((c) => [c.status, String(c.count), c.seqs.join('、')]);
  const divisionRows = countByDivision(items, d.asOf).map((c) =>
    [c.division, c.total, c.completed, c.inProgress, c.notStarted, c.overdue].map(String),
  );
  const itemRows = items.map((i) => [
    String(i.seq),
    i.content,
    divisionsText(i),
    tableDate(i.plannedDate),
    statusText(i, d.asOf),
    tableDate(i.completedDate),
    i.verificationForm,
    evidenceText(i),
  ]);
  const table = (columns: LedgerColumn[], rows: string[][]) =>
    ledgerTable({ columns, rows, fontPt: RECTIFICATION_TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_MM, rowsMaySplit: true });
  return createGbDocument({
    title: reportTitle,
    tableFontPt: RECTIFICATION_TABLE_FONT_PT,
    sections: [
      {
        orientation: 'landscape',
        children: [
          title(reportTitle),
          bodyParagraph(summarySentence(items, d.asOf)),
          heading1('一、按完成情况统计'),
          table(STATUS_COLUMNS, statusRows),
          heading1('二、按责任处室统计'),
          bodyParagraph('由几个处室共同负责的事项，在每个处室各计一项。'),
          table(DIVISION_COLUMNS, divisionRows),
          heading1('三、逐项完成情况'),
          table(ITEM_COLUMNS, itemRows),
          ...signatureBlock(d.organisation, tableDate(d.asOf), 'sealed'),
        ],
      },
    ],
  });
}

export function completionReportFileName(input: CompletionReportInput): string {
  return docxFileName(`${completionReportTitle(input.plan.name)}-${input.asOf}`);
}
