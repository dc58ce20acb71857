import type { Document } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { gbDate } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, ledgerTable, signatureBlock, title, type LedgerColumn } from '../style-kit';
import { LANDSCAPE_TEXT_WIDTH_MM } from '../style-kit/page';

export const serviceSummaryRowSchema = z.object({
  party: z.string().trim().min(1, '请填写科技特派员或特派团'),
  isTeam: z.boolean().default(false),
  enterprise: z.string().trim().min(1, '请填写派驻企业'),
  /** The service year counted (seed 001 §五(三) counts per year from the dispatch). */
  yearStart: isoDate,
  yearEnd: isoDate,
  visits: z.number().int().min(0),
  days: z.number().min(0),
  outcomes: z.string().trim().optional(),
  /** compliance.ts state: 达标 / 进行中 / 进度落后 / 未达标. */
  state: z.string().trim().min(1),
});

export const serviceSummaryInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  minVisits: z.number().int().min(0),
  minDays: z.number().int().min(0),
  rows: z.array(serviceSummaryRowSchema),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  generatedOn: isoDate,
});
export type ServiceSummaryInput = z.input<typeof serviceSummaryInputSchema>;
type Row = z.output<typeof serviceSummaryRowSchema>;

const TABLE_FONT_PT = 10.5;
const LANDSCAPE_TEXT_MM = LANDSCAPE_TEXT_WIDTH_MM;

const COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '科技特派员\n（特派团）', widthMm: 28, align: 'center' },
  { header: '派驻企业', widthMm: 40 },
  { header: '服务年度', widthMm: 34, align: 'center', fit: 'whole' },
  { header: '服务次数', widthMm: 14, align: 'center', fit: 'whole' },
  { header: '服务天数', widthMm: 14, align: 'center', fit: 'whole' },
  { header: '主要成效', widthMm: 60 },
  { header: '完成情况', widthMm: 18, align: 'center', fit: 'whole' },
];

const days = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function row(r: Row, n: number): string[] {
  return [String(n + 1), r.party, r.enterprise, `${gbDate(r.yearStart)}至\n${gbDate(r.yearEnd)}`, String(r.visits), days(r.days), r.outcomes ?? '', r.state];
}

/**
 * 服务情况汇总表 of a year: each commissioner or team, the enterprise, visits and days of the
 * service year against the profile's minimums, outcomes and compliance; landscape, the header
 * repeated on every page (style kit).
 */
export function buildServiceSummary(raw: ServiceSummaryInput): Document {
  const d = serviceSummaryInputSchema.parse(raw);
  const met = d.rows.filter((r) => r.state === '达标').length;
  const titleText = `${d.year}年度科技特派员服务情况汇总表`;
  return createGbDocument({
    title: titleText,
    tableFontPt: TABLE_FONT_PT,
    sections: [
      {
        orientation: 'landscape',
        children: [
          title(titleText),
          bodyParagraph(`共${d.rows.length}名（个）科技特派员（特派团），服务要求为每年到企业服务不少于${d.minVisits}次${d.minDays > 0 ? `、累计服务不少于${d.minDays}天` : ''}，已达标${met}名（个）。`),
          ledgerTable({ columns: COLUMNS, rows: d.rows.map(row), fontPt: TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_MM }),
          ...signatureBlock(d.organisation, gbDate(d.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function serviceSummaryFileName(d: ServiceSummaryInput): string {
  return docxFileName(`${d.year}年度科技特派员服务情况汇总表`);
}
