import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type Document } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, gbStyleIds, heading1, heading2, mmToTwip, signatureBlock, title } from '../style-kit';
import { bodyLines, fillPortraitPages, tableLines, type Block } from '../style-kit/portrait-fill';
import { TABLE_LINE_TWIPS } from '../style-kit/styles';
import {
  advisorActivityRecordSchema,
  advisorEvaluationRecordSchema,
  advisorPlanRecordSchema,
  advisorProfileSchema,
  advisorStipendRecordSchema,
  advisorSuggestionRecordSchema,
  type AdvisorEvaluationRecord,
  type AdvisorPlanRecord,
  type AdvisorProfile,
} from './advisor-records';
import { gbDate } from './gb-extras';
import { activitiesTable, LEDGER_TABLE_FONT_PT, stipendsTable, suggestionsTable } from './ledger-report-tables';

export const advisorLedgerReportInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  advisor: advisorProfileSchema,
  plans: z.array(advisorPlanRecordSchema).default([]),
  activities: z.array(advisorActivityRecordSchema).default([]),
  suggestions: z.array(advisorSuggestionRecordSchema).default([]),
  /** The 聘金 rows to show, usually the term so far (the table has a 年度 column). */
  stipends: z.array(advisorStipendRecordSchema).default([]),
  evaluations: z.array(advisorEvaluationRecordSchema).default([]),
  /** 署名, e.g. 自治区党委科技委员会办公室. */
  organisation: z.string().trim().min(1, '请填写单位名称'),
  generatedOn: isoDate,
});
export type AdvisorLedgerReportInput = z.input<typeof advisorLedgerReportInputSchema>;
type Parsed = z.output<typeof advisorLedgerReportInputSchema>;

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };
/** Label, value, label, value: 26 + 52 + 26 + 52 = the 156 mm portrait 版心. */
const PROFILE_WIDTHS_MM = [26, 52, 26, 52];

function profileCell(text: string, widthMm: number, isLabel: boolean, span = 1): TableCell {
  return new TableCell({
    width: { size: mmToTwip(widthMm), type: WidthType.DXA },
    columnSpan: span > 1 ? span : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: mmToTwip(1), right: mmToTwip(1) },
    children: [
      new Paragraph({
        style: isLabel ? gbStyleIds.tableHeader : gbStyleIds.tableText,
        alignment: isLabel ? AlignmentType.CENTER : AlignmentType.LEFT,
        // An empty field stays blank: a dash or 未填写 reads as if it were the value.
        children: [new TextRun(text)],
      }),
    ],
  });
}

const term = (a: AdvisorProfile) => (a.termStart ? `${gbDate(a.termStart)}至${gbDate(a.termEnd, '')}` : '');

/** 一、基本情况 as a label/value grid, fixed layout with explicit widths (DESIGN §Documents). */
function profileRows(a: AdvisorProfile): [string, string, string?, string?][] {
  const liaison = [a.serviceUnitLiaison, a.serviceUnitLiaisonPhone].filter(Boolean).join('　');
  return [
    ['姓名', a.name, '院士称号', a.honorific],
    ['所在单位', a.homeInstitution, '专业领域', a.field ?? ''],
    ['服务单位', a.serviceUnit ?? '', '联络人', liaison],
    ['主管部门', a.competentDepartment ?? '', '聘书编号', a.certificateNumber ?? ''],
    ['聘期', term(a)],
  ];
}

function profileTableLines(a: AdvisorProfile): number {
  const [l1, v1, l2, v2] = PROFILE_WIDTHS_MM;
  const rows = profileRows(a).map(([la, va, lb, vb]) =>
    lb === undefined
      ? [{ text: la, widthMm: l1 }, { text: va, widthMm: v1 + l2 + v2 }]
      : [{ text: la, widthMm: l1 }, { text: va, widthMm: v1 }, { text: lb, widthMm: l2 }, { text: vb ?? '', widthMm: v2 }],
  );
  return tableLines(rows, LEDGER_TABLE_FONT_PT, TABLE_LINE_TWIPS);
}

function profileTable(a: AdvisorProfile): Table {
  const [l1, v1, l2, v2] = PROFILE_WIDTHS_MM;
  const pair = (la: string, va: string, lb: string, vb: string) =>
    new TableRow({ cantSplit: true, children: [profileCell(la, l1, true), profileCell(va, v1, false), profileCell(lb, l2, true), profileCell(vb, v2, false)] });
  const wide = (la: string, va: string) =>
    new TableRow({ cantSplit: true, children: [profileCell(la, l1, true), profileCell(va, v1 + l2 + v2, false, 3)] });
  return new Table({
    width: { size: mmToTwip(PROFILE_WIDTHS_MM.reduce((s, w) => s + w, 0)), type: WidthType.DXA },
    columnWidths: PROFILE_WIDTHS_MM.map(mmToTwip),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    rows: profileRows(a).map(([la, va, lb, vb]) => (lb === undefined ? wide(la, va) : pair(la, va, lb, vb ?? ''))),
  });
}

const yearsOf = (p: AdvisorPlanRecord) => (p.startYear === p.endYear ? `${p.startYear}年` : `${p.startYear}—${p.endYear}年`);

/** `office` is the committee office from 设置 (the report's own 署名), never a fixed name. */
function filingSentence(p: AdvisorPlanRecord, department: string | undefined, office: string): string {
  const parts = [
    p.filedWithDepartmentDate ? `${gbDate(p.filedWithDepartmentDate)}报${department || '主管部门'}备案` : '',
    p.filedWithOfficeDate ? `${gbDate(p.filedWithOfficeDate)}报${office}备案` : '',
  ].filter(Boolean);
  return parts.length ? `备案情况：${parts.join('，')}。` : '备案情况：尚未备案。';
}

const text = (t: string): Block => ({ node: bodyParagraph(t), lines: bodyLines(t) });

/** 二、工作方案和年度工作计划 — prose per plan (seed 000 §七.(三).3); a field left empty is omitted. */
function planBlocks(d: Parsed): Block[] {
  const plans = [...d.plans].sort((a, b) => a.startYear - b.startYear || a.kind.localeCompare(b.kind));
  if (plans.length === 0) return [text('尚未报送工作方案和年度工作计划。')];
  const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return plans.flatMap((p, i) => {
    const heading = `（${ordinals[i] ?? i + 1}）${p.kind}（${yearsOf(p)}）`;
    return [
      { node: heading2(heading), lines: bodyLines(heading), keepWithNext: true },
      text(`名称：${p.title}。`),
      ...(p.targets ? [text(`目标任务：${p.targets}`)] : []),
      ...(p.benefitSharingPlan ? [text(`成果受益分配方案：${p.benefitSharingPlan}`)] : []),
      text(filingSentence(p, d.advisor.competentDepartment, d.organisation)),
    ];
  });
}

function evaluationSentence(e: AdvisorEvaluationRecord): string {
  const received = [
    e.annualWorkReportReceivedDate ? `${gbDate(e.annualWorkReportReceivedDate)}收到年度工作报告` : '',
    e.annualSummaryReceivedDate ? `${gbDate(e.annualSummaryReceivedDate)}收到年度总结` : '',
    e.termReportReceivedDate ? `${gbDate(e.termReportReceivedDate)}收到任期科技成果报告` : '',
    e.selfAssessmentReceivedDate ? `${gbDate(e.selfAssessmentReceivedDate)}收到成效自评报告` : '',
  ].filter(Boolean);
  const evaluated = e.evaluationDate
    ? `${gbDate(e.evaluationDate)}组织实地考察评估，评估结果：${e.result ?? '待定'}。`
    : '尚未组织实地考察评估。';
  return `${e.year}年度：${received.length ? `${received.join('，')}；` : '尚未收到服务单位报送的报告；'}${evaluated}${e.notes ? e.notes : ''}`;
}

/** 六、成效评估 (seed 000 §八.(一): 12月上旬报送年度总结、成效自评报告). */
function evaluationParagraphs(d: Parsed): Paragraph[] {
  const rows = [...d.evaluations].sort((a, b) => a.year - b.year);
  if (!rows.some((e) => e.year === d.year)) {
    rows.push({ year: d.year, notes: `服务单位应于${d.year}年12月上旬报送年度总结和成效自评报告。` });
  }
  // The last one keeps with the 署名 below it.
  return rows.map((e, i) => bodyParagraph(evaluationSentence(e), i === rows.length - 1));
}

/**
 * 广西科技顾问工作台账 for one advisor and one year (seed 000 §七.(一).5: 工作计划和年度工作报告、
 * 参与咨询论证的具体情况、对全区科技发展提出的意见和建议), GB/T 9704-2012 layout. 一 and 二 are text on
 * portrait pages; 三 to 六, with the three wide tables, follow in one landscape section. What of 二
 * would only start another portrait page is carried over to the landscape section instead, so no
 * page before the tables stands nearly empty.
 */
export function buildAdvisorLedgerReport(raw: AdvisorLedgerReportInput): Document {
  const d = advisorLedgerReportInputSchema.parse(raw);
  const heading = `广西科技顾问工作台账\n（${d.advisor.name}　${d.year}年度）`;
  const heading1Block = (t: string): Block => ({ node: heading1(t), lines: 1, keepWithNext: true });
  const { portrait, carried } = fillPortraitPages([
    // title: two lines and the blank line under it
    { node: title(heading), lines: 3, keepWithNext: true },
    heading1Block('一、基本情况'),
    { node: profileTable(d.advisor), lines: profileTableLines(d.advisor) },
    heading1Block('二、工作方案和年度工作计划'),
    ...planBlocks(d),
  ]);
  return createGbDocument({
    title: `广西科技顾问工作台账（${d.advisor.name}，${d.year}年度）`,
    tableFontPt: LEDGER_TABLE_FONT_PT,
    sections: [
      { children: portrait.map((b) => b.node) },
      {
        orientation: 'landscape',
        children: [
          ...carried.map((b) => b.node),
          heading1('三、工作开展情况'),
          ...activitiesTable(d.activities),
          heading1('四、意见建议及采纳落实情况'),
          ...suggestionsTable(d.suggestions),
          heading1('五、聘金拨付情况'),
          ...stipendsTable(d.stipends),
          heading1('六、成效评估'),
          ...evaluationParagraphs(d),
          // The office's own record, kept rather than sent under seal (§7.3.5.2).
          ...signatureBlock(d.organisation, gbDate(d.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function advisorLedgerReportFileName(input: AdvisorLedgerReportInput): string {
  return docxFileName(`科技顾问工作台账-${input.advisor.name}-${input.year}年度`);
}
