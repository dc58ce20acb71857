import type { Document, Paragraph, Table } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { suggestionFeedbackStatuses } from '../../domain/advisors/schema';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, heading1, heading2, heading3, ledgerTable, signatureBlock, title, type LedgerColumn, PORTRAIT_TEXT_WIDTH_MM } from '../style-kit';
import { advisorActivityRecordSchema, advisorSuggestionRecordSchema, type AdvisorSuggestionRecord } from './advisor-records';
import { gbDate } from './gb-extras';

export const suggestionsCompilationInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  /** Advisors in the order the office lists them, each with that year's suggestions and work. */
  advisors: z.array(
    z.object({
      name: z.string().trim().min(1),
      honorific: z.string().trim().min(1),
      homeInstitution: z.string().trim().optional(),
      suggestions: z.array(advisorSuggestionRecordSchema),
      /** The year's work records; those with 取得成果 make the 科研成果 section (seed 000 §八(二)1). */
      activities: z.array(advisorActivityRecordSchema).default([]),
    }),
  ),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  compiledOn: isoDate,
});
export type SuggestionsCompilationInput = z.input<typeof suggestionsCompilationInputSchema>;
type Parsed = z.output<typeof suggestionsCompilationInputSchema>;
type AdvisorEntry = Parsed['advisors'][number];

type Status = (typeof suggestionFeedbackStatuses)[number];

/** 共N条，已采纳a条、部分采纳b条、未采纳c条、待反馈d条 — the counts the office reports. */
export function adoptionCounts(suggestions: Pick<AdvisorSuggestionRecord, 'feedbackStatus'>[]): Record<Status, number> & { total: number } {
  const counts = { total: suggestions.length, 已采纳: 0, 部分采纳: 0, 未采纳: 0, 待反馈: 0 };
  for (const s of suggestions) counts[s.feedbackStatus] += 1;
  return counts;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const ordinal = (i: number) => ORDINALS[i] ?? String(i + 1);
const sentence = (s: string) => s.trim().replace(/[。；;，,]$/, '');

const outcomesOf = (a: AdvisorEntry) => a.activities.filter((w) => (w.outcome ?? '').trim() !== '').sort((x, y) => x.date.localeCompare(y.date));
const implementedCount = (suggestions: AdvisorSuggestionRecord[]) => suggestions.filter((s) => s.implementationStatus === '已落实').length;

const COUNT_COLUMNS: LedgerColumn[] = [
  { header: '科技顾问', widthMm: 30, fit: 'whole' },
  ...['意见建议', '已采纳', '部分采纳', '未采纳', '待反馈', '已落实', '科研成果'].map((header) => ({ header, widthMm: 18, align: 'center' as const, fit: 'whole' as const })),
];

/**
 * The counts as a small table — one row per advisor and a 合计 row — instead of prose full of
 * "部分采纳0条、未采纳0条" (issue 7).
 */
function countTable(groups: AdvisorEntry[]): Table {
  const row = (name: string, suggestions: AdvisorSuggestionRecord[], outcomes: number) => {
    const c = adoptionCounts(suggestions);
    return [name, c.total, c.已采纳, c.部分采纳, c.未采纳, c.待反馈, implementedCount(suggestions), outcomes].map(String);
  };
  const rows = groups.map((a) => row(a.name, a.suggestions, outcomesOf(a).length));
  if (groups.length > 1) rows.push(row('合计', groups.flatMap((a) => a.suggestions), groups.reduce((n, a) => n + outcomesOf(a).length, 0)));
  return ledgerTable({ columns: COUNT_COLUMNS, rows, totalMm: PORTRAIT_TEXT_WIDTH_MM });
}

function statusLines(s: AdvisorSuggestionRecord): string {
  const sent = s.sentTo ? `报送${s.sentTo}${s.sentDate ? `（${gbDate(s.sentDate)}）` : ''}` : '尚未报送有关部门';
  const adopted =
    s.feedbackStatus === '待反馈'
      ? '采纳情况：待反馈'
      : `采纳情况：${s.feedbackStatus}${s.feedbackDate ? `（${gbDate(s.feedbackDate)}反馈）` : ''}${s.feedbackNote ? `，${sentence(s.feedbackNote)}` : ''}`;
  const implemented = s.implementationStatus
    ? `；落实情况：${s.implementationStatus}${s.implementationDate ? `（${gbDate(s.implementationDate)}）` : ''}${s.implementationNote ? `，${sentence(s.implementationNote)}` : ''}`
    : '';
  return `提出日期：${gbDate(s.date)}；${sent}；${adopted}${implemented}。`;
}

function suggestionEntries(a: AdvisorEntry): Paragraph[] {
  const sorted = [...a.suggestions].sort((x, y) => x.date.localeCompare(y.date));
  return sorted.flatMap((s, n) => [heading3(`${n + 1}.${s.title}`), ...(s.content ? [bodyParagraph(s.content)] : []), bodyParagraph(statusLines(s))]);
}

function outcomeEntries(a: AdvisorEntry): Paragraph[] {
  return outcomesOf(a).map((w, n) => bodyParagraph(`${n + 1}.${sentence(w.outcome ?? '')}（${gbDate(w.date)}，${w.form}）。`));
}

/** The closing line before the 署名, kept on its page (a signature never stands alone). */
function closingParagraph(d: Parsed): Paragraph {
  return bodyParagraph(`以上${d.year}年度广西科技顾问咨询建议及科研成果，报请参阅。`, true);
}

const who = (a: AdvisorEntry) => `${a.name}（${[a.honorific, a.homeInstitution].filter(Boolean).join('，')}）`;

/**
 * 年度咨询建议汇编 (seed 000 §七.(一).5 and §八.(二).1: 每年12月末前将广西科技顾问的年度咨询建议及
 * 科研成果报自治区党委、自治区人民政府及相关部门参阅): a count table, then 一、咨询建议 by advisor
 * with 采纳 and 落实, then 二、科研成果 by advisor. Sent upward under seal (§7.3.5.1).
 */
export function buildSuggestionsCompilation(raw: SuggestionsCompilationInput): Document {
  const d = suggestionsCompilationInputSchema.parse(raw);
  const groups = d.advisors.filter((a) => a.suggestions.length > 0 || outcomesOf(a).length > 0);
  const withSuggestions = groups.filter((a) => a.suggestions.length > 0);
  const withOutcomes = groups.filter((a) => outcomesOf(a).length > 0);
  const suggestionTotal = withSuggestions.reduce((n, a) => n + a.suggestions.length, 0);
  const outcomeTotal = withOutcomes.reduce((n, a) => n + outcomesOf(a).length, 0);
  const made = [suggestionTotal ? `提出意见建议${suggestionTotal}条` : '', outcomeTotal ? `取得科研成果${outcomeTotal}项` : ''].filter(Boolean).join('、');
  const body: (Paragraph | Table)[] = groups.length
    ? [
        bodyParagraph(`${d.year}年度，${groups.length}位广西科技顾问围绕全区科技发展${made}。采纳落实情况统计如下，咨询建议及科研成果汇编于后。`),
        countTable(groups),
        ...(withSuggestions.length
          ? [heading1('一、咨询建议'), ...withSuggestions.flatMap((a, i) => [heading2(`（${ordinal(i)}）${who(a)}`), ...suggestionEntries(a)])]
          : []),
        ...(withOutcomes.length
          ? [heading1(`${withSuggestions.length ? '二' : '一'}、科研成果`), ...withOutcomes.flatMap((a, i) => [heading2(`（${ordinal(i)}）${who(a)}`), ...outcomeEntries(a)])]
          : []),
      ]
    : [];
  const closing = groups.length ? closingParagraph(d) : bodyParagraph(`${d.year}年度暂无广西科技顾问咨询建议及科研成果记录。`, true);
  return createGbDocument({
    title: `${d.year}年度广西科技顾问咨询建议及科研成果汇编`,
    sections: [{ children: [title(`${d.year}年度广西科技顾问\n咨询建议及科研成果汇编`), ...body, closing, ...signatureBlock(d.organisation, gbDate(d.compiledOn), 'sealed')] }],
  });
}

export function suggestionsCompilationFileName(input: SuggestionsCompilationInput): string {
  return docxFileName(`${input.year}年度科技顾问咨询建议及科研成果汇编`);
}
