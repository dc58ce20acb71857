import type { Document } from 'docx';
import { z } from 'zod';
import { docxFileName } from '../file-name';
import { gbDate } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, ledgerTable, LANDSCAPE_TEXT_WIDTH_MM, signatureBlock, title, type LedgerColumn } from '../style-kit';
import { chineseNumber, isoDate, optional, partiesSchema, text } from './round-input';

export const progressLedgerRowSchema = z.object({
  seq: z.number().int().min(1),
  title: text('议题名称'),
  domain: text('领域', 50),
  status: z.string().trim().optional(),
  /** Absent: the topic's quarter is not reported yet (printed 未报送, so the gap shows). */
  progress: optional(),
  problems: optional(),
  nextSteps: optional(),
  responsiblePerson: optional(50),
  reportedDate: isoDate.optional(),
});

export const progressLedgerInputSchema = partiesSchema.extend({
  quarter: z.number().int().min(1).max(4),
  /** The year the quarter belongs to (a 2023 round reports 2026 quarters). */
  reportYear: z.number().int().min(2000).max(2100),
  rows: z.array(progressLedgerRowSchema),
  organisation: text('填报单位', 60),
  generatedOn: isoDate,
});
export type ProgressLedgerInput = z.input<typeof progressLedgerInputSchema>;
type Row = z.output<typeof progressLedgerRowSchema>;

const TABLE_FONT_PT = 10.5;
const COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '会商议题', widthMm: 40 },
  { header: '领域', widthMm: 22, align: 'center' },
  { header: '推进情况', widthMm: 56 },
  { header: '存在问题', widthMm: 32 },
  { header: '下一步工作', widthMm: 32 },
  { header: '责任人', widthMm: 16, align: 'center', fit: 'whole' },
  // LibreOffice printed this table's digits at 0.635 em (measured with pdftotext -bbox), wider
  // than the kit's 0.55 em estimate: the floor keeps 2026年10月10日 on one line.
  { header: '报送日期', widthMm: 19, align: 'center', fit: 'whole', minWidthMm: 38 },
];

function row(r: Row): string[] {
  return [chineseNumber(r.seq), r.title, r.domain, r.progress?.trim() || '未报送', r.problems ?? '', r.nextSteps ?? '', r.responsiblePerson ?? '', r.reportedDate ? gbDate(r.reportedDate) : ''];
}

/** 工作推进情况台账 (seed 002 第十九条): one quarter, every topic of a round; landscape, header on every page. */
export function buildProgressLedger(raw: ProgressLedgerInput): Document {
  const d = progressLedgerInputSchema.parse(raw);
  const rows = [...d.rows].sort((a, b) => a.seq - b.seq);
  const reported = rows.filter((r) => r.progress?.trim()).length;
  const quarter = `${d.reportYear}年第${chineseNumber(d.quarter)}季度`;
  const titleText = `${d.city}市厅市会商工作推进情况台账（${quarter}）`;
  return createGbDocument({
    title: titleText,
    tableFontPt: TABLE_FONT_PT,
    sections: [
      {
        orientation: 'landscape',
        children: [
          title(titleText),
          bodyParagraph(`${d.year}年${d.kind}议定书共${rows.length}项议题，本季度已报送${reported}项${rows.length > reported ? `，未报送${rows.length - reported}项` : ''}。`),
          ledgerTable({ columns: COLUMNS, rows: rows.map(row), fontPt: TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_WIDTH_MM, rowsMaySplit: true }),
          ...signatureBlock(d.organisation, gbDate(d.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function progressLedgerFileName(d: ProgressLedgerInput): string {
  return docxFileName(`${d.city}市厅市会商工作推进情况台账-${d.reportYear}年第${d.quarter}季度`);
}
