import type { Document, Paragraph } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { suggestionFeedbackStatuses } from '../../domain/advisors/schema';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, heading1, heading3, signatureBlock, title } from '../style-kit';
import { advisorSuggestionRecordSchema, type AdvisorSuggestionRecord } from './advisor-records';
import { gbDate } from './gb-extras';

export const suggestionsCompilationInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Advisors in the order the office lists them, each with that year's suggestions. */
  advisors: z.array(
    z.object({
      name: z.string().trim().min(1),
      honorific: z.string().trim().min(1),
      homeInstitution: z.string().trim().optional(),
      suggestions: z.array(advisorSuggestionRecordSchema),
    }),
  ),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  compiledOn: isoDate,
});
export type SuggestionsCompilationInput = z.infer<typeof suggestionsCompilationInputSchema>;

type Status = (typeof suggestionFeedbackStatuses)[number];

/** 共N条，已采纳a条、部分采纳b条、未采纳c条、待反馈d条 — the counts the office reports. */
export function adoptionCounts(suggestions: Pick<AdvisorSuggestionRecord, 'feedbackStatus'>[]): Record<Status, number> & { total: number } {
  const counts = { total: suggestions.length, 已采纳: 0, 部分采纳: 0, 未采纳: 0, 待反馈: 0 };
  for (const s of suggestions) counts[s.feedbackStatus] += 1;
  return counts;
}

export function adoptionSummary(suggestions: Pick<AdvisorSuggestionRecord, 'feedbackStatus'>[]): string {
  const c = adoptionCounts(suggestions);
  return `共${c.total}条，已采纳${c.已采纳}条、部分采纳${c.部分采纳}条、未采纳${c.未采纳}条、待反馈${c.待反馈}条`;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

function adoptionLine(s: AdvisorSuggestionRecord): string {
  if (s.feedbackStatus === '待反馈') return '采纳情况：待反馈。';
  const when = s.feedbackDate ? `（${gbDate(s.feedbackDate)}反馈）` : '';
  return `采纳情况：${s.feedbackStatus}${when}${s.feedbackNote ? `，${s.feedbackNote.replace(/。$/, '')}` : ''}。`;
}

function entry(s: AdvisorSuggestionRecord, n: number): Paragraph[] {
  const sent = s.sentTo ? `报送${s.sentTo}${s.sentDate ? `（${gbDate(s.sentDate)}）` : ''}` : '尚未报送有关部门';
  return [
    heading3(`${n}.${s.title}`),
    ...(s.content ? [bodyParagraph(s.content)] : []),
    bodyParagraph(`提出日期：${gbDate(s.date)}；${sent}；${adoptionLine(s)}`),
  ];
}

/**
 * 年度咨询建议汇编 (seed 000 §七.(一).5 and §八.(二).1: 每年12月末前将年度咨询建议报自治区党委、
 * 自治区人民政府及相关部门参阅): every suggestion of the year grouped by advisor, numbered in
 * date order, with its adoption status and a summary line at the top.
 */
export function buildSuggestionsCompilation(raw: SuggestionsCompilationInput): Document {
  const d = suggestionsCompilationInputSchema.parse(raw);
  const groups = d.advisors.filter((a) => a.suggestions.length > 0);
  const all = groups.flatMap((a) => a.suggestions);
  const body: Paragraph[] = groups.flatMap((a, i) => {
    const sorted = [...a.suggestions].sort((x, y) => x.date.localeCompare(y.date));
    const who = [a.honorific, a.homeInstitution].filter(Boolean).join('，');
    return [
      heading1(`${ORDINALS[i] ?? i + 1}、${a.name}（${who}）`),
      bodyParagraph(`${a.name}${a.honorific.endsWith('院士') ? '院士' : ''}本年度提出意见建议${adoptionSummary(a.suggestions)}。`),
      ...sorted.flatMap((s, n) => entry(s, n + 1)),
    ];
  });
  return createGbDocument({
    title: `${d.year}年度广西科技顾问咨询建议汇编`,
    sections: [
      {
        children: [
          title(`${d.year}年度广西科技顾问\n咨询建议汇编`),
          bodyParagraph(
            all.length
              ? `${d.year}年度，${groups.length}位广西科技顾问围绕全区科技发展提出意见建议${adoptionSummary(all)}。现按科技顾问汇编如下。`
              : `${d.year}年度暂无广西科技顾问意见建议记录。`,
          ),
          ...body,
          ...signatureBlock(d.organisation, gbDate(d.compiledOn)),
        ],
      },
    ],
  });
}

export function suggestionsCompilationFileName(input: SuggestionsCompilationInput): string {
  return docxFileName(`${input.year}年度科技顾问咨询建议汇编`);
}
