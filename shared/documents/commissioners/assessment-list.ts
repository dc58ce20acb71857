import type { Document } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { gbDate } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, ledgerTable, PORTRAIT_TEXT_WIDTH_MM, signatureBlock, title, type LedgerColumn } from '../style-kit';

/** The four outcomes of the year, in the order the list prints them. */
export const assessmentResults = ['优秀', '合格', '不合格', '未参加考核'] as const;

export const assessmentListEntrySchema = z.object({
  /** The commissioner, or the team (assessed as one, seed 001 §五(一)1). */
  party: z.string().trim().min(1, '请填写科技特派员或特派团'),
  isTeam: z.boolean().default(false),
  dispatchUnit: z.string().trim().optional(),
  enterprise: z.string().trim().min(1, '请填写派驻企业'),
  result: z.enum(assessmentResults),
  notes: z.string().trim().optional(),
});

export const assessmentListInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  entries: z.array(assessmentListEntrySchema),
  /** The profile's 优秀 share cap, printed with the counts (seed 004 第十七条第二款). */
  excellentShareMax: z.number().min(0).max(1),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  generatedOn: isoDate,
});
export type AssessmentListInput = z.input<typeof assessmentListInputSchema>;
type Entry = z.output<typeof assessmentListEntrySchema>;

/* 五号, like the other commissioner tables: a nine-character team name stays on one line. */
const TABLE_FONT_PT = 10.5;
const COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '科技特派员\n（特派团）', widthMm: 37, align: 'center' },
  { header: '派出单位', widthMm: 33 },
  { header: '派驻企业', widthMm: 40 },
  { header: '考核等次', widthMm: 18, align: 'center', fit: 'whole' },
  { header: '备注', widthMm: 18 },
];

const collator = new Intl.Collator('zh-CN');
const order = (e: Entry) => assessmentResults.indexOf(e.result);

/**
 * 年度考核结果名单 (seed 004 第十七条; seed 001 管理考核): everyone assessed in the year, 优秀 first,
 * then 合格, 不合格 and those who did not take part (无故不参加考核 counts as 不合格 for the next
 * application), with the counts and the 优秀 cap in the closing paragraph.
 */
export function buildAssessmentList(raw: AssessmentListInput): Document {
  const d = assessmentListInputSchema.parse(raw);
  const sorted = [...d.entries].sort((a, b) => order(a) - order(b) || collator.compare(a.party, b.party));
  const rows = sorted.map((e, n) => [String(n + 1), e.isTeam ? `${e.party}\n（特派团）` : e.party, e.dispatchUnit ?? '', e.enterprise, e.result, e.notes ?? '']);
  const count = (r: (typeof assessmentResults)[number]) => d.entries.filter((e) => e.result === r).length;
  const took = d.entries.length - count('未参加考核');
  const titleText = `${d.year}年度科技特派员考核结果名单`;
  const share = Math.round(d.excellentShareMax * 1000) / 10;
  return createGbDocument({
    title: titleText,
    tableFontPt: TABLE_FONT_PT,
    sections: [
      {
        children: [
          title(titleText),
          bodyParagraph(`经派驻企业评价、县（区）科技管理部门审核，${d.year}年度共${d.entries.length}名（个）科技特派员（特派团）纳入考核，其中参加考核${took}名（个）。考核结果如下：`),
          ledgerTable({ columns: COLUMNS, rows, fontPt: TABLE_FONT_PT, totalMm: PORTRAIT_TEXT_WIDTH_MM }),
          bodyParagraph(
            `优秀${count('优秀')}名（个）、合格${count('合格')}名（个）、不合格${count('不合格')}名（个），未参加考核${count('未参加考核')}名（个）。优秀等次不超过参加考核人数的${share}%。考核不合格或无故不参加考核的，不得申报下一年度科技特派员。`,
          ),
          ...signatureBlock(d.organisation, gbDate(d.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function assessmentListFileName(d: AssessmentListInput): string {
  return docxFileName(`${d.year}年度科技特派员考核结果名单`);
}
