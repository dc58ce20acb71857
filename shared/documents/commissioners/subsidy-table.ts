import type { Document } from 'docx';
import { z } from 'zod';
import { isoDate, money } from '../../domain/common';
import { subsidyKinds } from '../../domain/commissioners/schema';
import { toRmbUppercase } from '../../format';
import { docxFileName } from '../file-name';
import { gbDate, yuanFigures } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, ledgerTable, signatureBlock, title, type LedgerColumn } from '../style-kit';
import { LANDSCAPE_TEXT_WIDTH_MM } from '../style-kit/page';

export const subsidyTableEntrySchema = z.object({
  /** The commissioner, or the team (a team counts as one, seed 001 §五(一)1). */
  payee: z.string().trim().min(1, '请填写领取人'),
  isTeam: z.boolean().default(false),
  dispatchUnit: z.string().trim().optional(),
  enterprise: z.string().trim().min(1, '请填写派驻企业'),
  kind: z.enum(subsidyKinds),
  amount: money,
  paidDate: isoDate.optional(),
  notes: z.string().trim().optional(),
});

export const subsidyTableInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  entries: z.array(subsidyTableEntrySchema),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  generatedOn: isoDate,
});
export type SubsidyTableInput = z.input<typeof subsidyTableInputSchema>;
type Entry = z.output<typeof subsidyTableEntrySchema>;

/* 五号 on the 225 mm landscape 版心; amounts, dates and names whole, units and notes wrap. */
const TABLE_FONT_PT = 10.5;
const LANDSCAPE_TEXT_MM = LANDSCAPE_TEXT_WIDTH_MM;
const SIGNATURE_ROW_MM = 12;

const COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '科技特派员\n（特派团）', widthMm: 30, align: 'center' },
  { header: '派出单位', widthMm: 32 },
  { header: '派驻企业', widthMm: 40 },
  { header: '补助类别', widthMm: 20, align: 'center', fit: 'whole' },
  { header: '金额（元）', widthMm: 24, align: 'right', fit: 'whole' },
  { header: '发放日期', widthMm: 30, align: 'center', fit: 'whole' },
  { header: '领取人\n签字', widthMm: 20, fit: 'whole', minWidthMm: 20 },
  { header: '备注', widthMm: 19 },
];

function row(e: Entry, n: number): string[] {
  return [String(n + 1), e.isTeam ? `${e.payee}\n（按1人计）` : e.payee, e.dispatchUnit ?? '', e.enterprise, e.kind, yuanFigures(e.amount), e.paidDate ? gbDate(e.paidDate) : '', '', e.notes ?? ''];
}

/** Sum in 分 so 0.1 + 0.2 stays 0.30. */
export function subsidyTotal(entries: readonly { amount: number }[]): number {
  return entries.reduce((sum, e) => sum + Math.round(e.amount * 100), 0) / 100;
}

/**
 * 补助发放表 of a year (seed 001 §五(一)1: 每年每人1万元, 特派团按1人计; seed 004 第十九条: 补助
 * and graded 奖励): one row per payment, amounts in figures, the total in figures and 大写.
 */
export function buildSubsidyTable(raw: SubsidyTableInput): Document {
  const d = subsidyTableInputSchema.parse(raw);
  const total = subsidyTotal(d.entries);
  const rows = [...d.entries.map(row), ['合计', '', '', '', '', yuanFigures(total), '', '', '']];
  const titleText = `${d.year}年度科技特派员补助发放表`;
  return createGbDocument({
    title: titleText,
    tableFontPt: TABLE_FONT_PT,
    sections: [
      {
        orientation: 'landscape',
        children: [
          title(titleText),
          ledgerTable({ columns: COLUMNS, rows, fontPt: TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_MM, minRowHeightMm: SIGNATURE_ROW_MM }),
          bodyParagraph(`共${d.entries.length}笔，合计人民币${yuanFigures(total)}元（大写：${toRmbUppercase(total)}）。`, true),
          ...signatureBlock(d.organisation, gbDate(d.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function subsidyTableFileName(d: SubsidyTableInput): string {
  return docxFileName(`${d.year}年度科技特派员补助发放表`);
}
