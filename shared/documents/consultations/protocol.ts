import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type Document } from 'docx';
import { z } from 'zod';
import { money } from '../../domain/common';
import { defaultProtocolWording, fillProtocolText, protocolWordingSchema, type ProtocolPlaceholder, type ProtocolWording } from '../../domain/consultations/protocolWording';
import { toRmbUppercase } from '../../format';
import { formatWan } from '../../domain/consultations/rules';
import { docxFileName } from '../file-name';
import { gbDate, yuanFigures } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, gbStyleIds, heading1, heading2, LINE_PITCH_TWIPS, title } from '../style-kit';
import { pageLayout } from '../style-kit/page';
import { chineseNumber, documentTopicSchema, isoDate, optional, partiesSchema, sortedTopics, type DocumentTopic } from './round-input';

export const protocolInputSchema = partiesSchema
  .extend({
    protocolNumber: optional(60),
    goals: optional(),
    topics: z.array(documentTopicSchema).min(1, '议定书至少需要一项会商议题'),
    /** The kind's cap from the policy profile (seed 002 第十八条). */
    fundingCap: money,
    /** seed 002 第十九条 from the profile: 'MM-DD'. */
    annualReportDueMonthDay: z.string().regex(/^\d{2}-\d{2}$/),
    /** seed 002 第十条: a round runs until the next one, three years on (profile). */
    termYears: z.number().int().min(1),
    signedDate: isoDate.optional(),
    /** Edited wording from 设置; the default wording when absent. */
    wording: protocolWordingSchema.optional(),
  })
  .superRefine((i, ctx) => {
    const total = i.topics.reduce((s, t) => s + Math.round(t.funding * 100), 0);
    if (total > Math.round(i.fundingCap * 100)) ctx.addIssue({ code: 'custom', path: ['topics'], message: `议题项目资金合计 ${yuanFigures(total / 100)} 元，超过${i.kind}市上限 ${yuanFigures(i.fundingCap)} 元` });
    const seqs = i.topics.map((t) => t.seq);
    if (new Set(seqs).size !== seqs.length) ctx.addIssue({ code: 'custom', path: ['topics'], message: '议题序号重复' });
  });
export type ProtocolInput = z.input<typeof protocolInputSchema>;
type Parsed = z.output<typeof protocolInputSchema>;

export const protocolTitle = '厅市会商议定书';

export function protocolFundingTotal(topics: readonly { funding?: number }[]): number {
  return topics.reduce((s, t) => s + Math.round((t.funding ?? 0) * 100), 0) / 100;
}

function placeholderValues(i: Parsed): Record<ProtocolPlaceholder, string> {
  const total = protocolFundingTotal(i.topics);
  const [mm, dd] = i.annualReportDueMonthDay.split('-').map(Number);
  return {
    厅: i.department,
    市: i.city,
    市政府: i.government,
    年度: String(i.year),
    会商类别: i.kind,
    会商目标: i.goals?.trim() || `推动${i.city}市经济社会发展的重大科技需求与自治区科技资源精准对接，提升科技对${i.city}市高质量发展的支撑作用。`,
    议题数: chineseNumber(i.topics.length),
    资金金额: yuanFigures(total),
    资金大写: toRmbUppercase(total),
    经费上限: yuanFigures(i.fundingCap),
    经费上限大写: toRmbUppercase(i.fundingCap),
    年报截止日: `${mm}月${dd}日`,
    有效年限: chineseNumber(i.termYears),
  };
}

/** A section's text, one body paragraph per line; a line that filled to nothing leaves no gap. */
function sectionText(template: string, values: Record<ProtocolPlaceholder, string>, lastKeepsWithNext = false): Paragraph[] {
  const lines = fillProtocolText(template, values)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((l, n) => bodyParagraph(l, lastKeepsWithNext && n === lines.length - 1));
}

const sentence = (s: string) => (/[。；！？]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);

function topicParagraphs(t: DocumentTopic): Paragraph[] {
  const out = [heading2(`（${chineseNumber(t.seq)}）${t.title}`)];
  if (t.content?.trim()) for (const line of t.content.split('\n').filter((l) => l.trim())) out.push(bodyParagraph(sentence(line)));
  // 万元 here: a long figure at a line end stretches the line (justified); the total prints in full.
  out.push(bodyParagraph(`所属领域：${t.domain}。${t.funding > 0 ? `项目资金：${formatWan(t.funding)}。` : ''}`));
  return out;
}

/** 双方职责 from the topics' tasks: (一) the 厅's, (二) the city's, each topic a numbered item. */
function dutyParagraphs(i: Parsed, topics: DocumentTopic[]): Paragraph[] {
  const side = (heading: string, pick: (t: DocumentTopic) => [string | undefined, string | undefined], who: string) => {
    const items = topics.filter((t) => pick(t)[0]?.trim());
    const out = [heading2(heading)];
    if (items.length === 0) out.push(bodyParagraph(`${who}按照本议定书做好会商议题的组织推进工作。`));
    items.forEach((t, n) => {
      const [tasks, unit] = pick(t);
      out.push(bodyParagraph(`${n + 1}. 议题${chineseNumber(t.seq)}：${sentence(tasks!)}${unit?.trim() ? `（责任单位：${unit.trim()}）` : ''}`));
    });
    return out;
  };
  return [
    ...side(`（一）${i.department}职责`, (t) => [t.departmentTasks, t.departmentDivision], i.department),
    ...side(`（二）${i.government}职责`, (t) => [t.cityTasks, t.cityDepartment], i.government),
  ];
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function signatureCell(lines: string[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
    children: lines.map((l) => new Paragraph({ style: gbStyleIds.body, indent: { firstLine: 0, firstLineChars: 0 }, keepNext: true, keepLines: true, children: [new TextRun(l)] })),
  });
}

/**
 * The two signature-and-seal blocks side by side (seed 002 第十七条(三)(4): 科技厅厅长与设区市人民政府
 * 主要领导签定议定书): a borderless two-column table with explicit grid widths (WPS reads gridCol),
 * one row that may not split, so both blocks stay on one page with the line before them.
 */
function signatureTable(i: Parsed): Table {
  const total = pageLayout('portrait').textWidthTwips;
  const half = Math.floor(total / 2);
  const date = i.signedDate ? gbDate(i.signedDate) : '　　　　年　　月　　日';
  // The names are signed by hand; the printed lines say who signs and who seals. The party and
  // 盖章 on their own lines: a long name with （盖章） would wrap in half the 版心 and the two
  // blocks' lines would no longer face each other.
  const block = (party: string, role: string) => [party, '（盖章）', '', `${role}（签字）：`, '', date];
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [half, total - half],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [signatureCell(block(i.department, '厅长'), half), signatureCell(block(i.government, '主要领导'), total - half)],
      }),
    ],
  });
}

/**
 * 议定书 (seed 002 第十五–十七条): both parties in the title, preamble, 会商目标, the numbered
 * 会商议题, 双方职责 from the topics' tasks, 资金支持 in figures and 人民币大写 within the cap,
 * 组织实施 (quarterly ledger, the annual report date, evaluation), 附则, and the two
 * signature-and-seal blocks with the date. Section wording from 设置, {占位符} filled here.
 */
export function buildProtocol(raw: ProtocolInput): Document {
  const i = protocolInputSchema.parse(raw);
  const w: ProtocolWording = i.wording ?? defaultProtocolWording;
  const values = placeholderValues(i);
  const topics = sortedTopics(i.topics);
  let n = 0;
  const section = (heading: string) => heading1(`${chineseNumber(++n)}、${heading}`);
  return createGbDocument({
    title: `${i.department}　${i.government}${protocolTitle}`,
    subject: `${i.year}年${i.city}${i.kind}议定书`,
    sections: [
      {
        children: [
          title(`${i.department}\n${i.government}\n${protocolTitle}`),
          ...(i.protocolNumber ? [new Paragraph({ style: gbStyleIds.body, alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(i.protocolNumber)] })] : []),
          ...sectionText(w.preamble.text, values),
          section(w.goals.heading),
          ...sectionText(w.goals.text, values),
          section(w.topics.heading),
          ...sectionText(w.topics.text, values),
          ...topics.flatMap(topicParagraphs),
          section(w.duties.heading),
          ...sectionText(w.duties.text, values),
          ...dutyParagraphs(i, topics),
          section(w.funding.heading),
          ...sectionText(w.funding.text, values),
          section(w.implementation.heading),
          ...sectionText(w.implementation.text, values),
          section(w.closing.heading),
          // The signature page never stands without body text (GB/T 9704 §7.3.5): the last line moves with it.
          ...sectionText(w.closing.text, values, true),
          new Paragraph({ style: gbStyleIds.body, keepNext: true, spacing: { after: LINE_PITCH_TWIPS }, children: [new TextRun('（以下无正文）')] }),
          signatureTable(i),
        ],
      },
    ],
  });
}

export function protocolFileName(i: ProtocolInput): string {
  return docxFileName(`${i.year}年${i.city}厅市会商议定书`);
}

