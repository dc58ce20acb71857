import { Paragraph, TextRun, type Document, type Table } from 'docx';
import { z } from 'zod';
import { isoDate, money } from '../../domain/common';
import { toRmbUppercase } from '../../format';
import { docxFileName } from '../file-name';
import { gbDate, yuanFigures } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, gbStyleIds, heading1, LINE_PITCH_TWIPS, title } from '../style-kit';
import { agreementPlaceholders, defaultAgreementWording, type AgreementPlaceholder } from '../../domain/commissioners/agreementWording';
import { clauseSchema, clauseParagraphs as clauseLines, type Clause } from '../../domain/templates/clauseTemplate';
import { chineseOrdinal, fillClauseText } from './agreement-clauses';

const text = (label: string, max = 200) => z.string().trim().min(1, `请填写${label}`).max(max);

const memberSchema = z.object({
  name: text('成员姓名', 50),
  academicTitle: z.string().trim().optional(),
  unit: z.string().trim().optional(),
  isLeader: z.boolean().default(false),
});

export const cooperationAgreementInputSchema = z
  .object({
    variant: z.enum(['provincial', 'city']),
    agreementNumber: z.string().trim().optional(),
    enterprise: z.object({
      name: text('派驻企业名称'),
      creditCode: z.string().trim().optional(),
      legalRepresentative: z.string().trim().optional(),
      address: z.string().trim().optional(),
    }),
    /** 乙方: one commissioner, or a team with its members (seed 001 §四(一)6). */
    commissioner: z
      .object({ name: text('科技特派员姓名', 50), idNumber: z.string().trim().optional(), academicTitle: z.string().trim().optional(), mobile: z.string().trim().optional() })
      .optional(),
    team: z.object({ name: text('特派团名称', 100), members: z.array(memberSchema).min(1, '请填写特派团成员') }).optional(),
    dispatchUnit: z.object({ name: text('派出单位名称'), address: z.string().trim().optional() }),
    /** The duties agreed (seed 001 §二 / seed 004 第三章), one per item, plus free text. */
    duties: z.array(z.string().trim().min(1)).min(1, '请至少选择一项服务内容'),
    startDate: isoDate,
    endDate: isoDate,
    servicePeriodYears: z.number().int().positive(),
    minVisitsPerYear: z.number().int().min(0),
    minServiceDaysPerYear: z.number().int().min(0),
    subsidyPerYear: money,
    excellentReward: money.default(0),
    qualifiedReward: money.default(0),
    excellentShareMax: z.number().min(0).max(1),
    reportingCadence: z.enum(['年度', '季度']),
    renewable: z.boolean(),
    /** Office the signed agreement is filed with (工作办 / 市科学技术局). */
    filingOffice: text('备案机关'),
    signedDate: isoDate.optional(),
    /** Edited clause text from 设置; default wording of the variant when absent. */
    clauses: z.array(clauseSchema(agreementPlaceholders)).min(1).optional(),
  })
  .refine((i) => !i.commissioner !== !i.team, { message: '乙方应为一名科技特派员或一个科技特派团（二选一）', path: ['commissioner'] })
  .refine((i) => i.endDate > i.startDate, { message: '服务期结束日期应晚于开始日期', path: ['endDate'] });
export type CooperationAgreementInput = z.input<typeof cooperationAgreementInputSchema>;
type Parsed = z.output<typeof cooperationAgreementInputSchema>;
export type ParsedAgreement = Parsed;

/** A party line flush left: "甲方（派驻企业）：" then the value. */
function line(label: string, value: string | undefined): Paragraph {
  return new Paragraph({ style: gbStyleIds.body, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(`${label}${value ?? ''}`)] });
}

function partyB(i: Parsed): string {
  return i.team ? i.team.name : i.commissioner!.name;
}

function partyLines(i: Parsed): Paragraph[] {
  const out = [line('甲方（派驻企业）：', i.enterprise.name)];
  if (i.enterprise.creditCode) out.push(line('统一社会信用代码：', i.enterprise.creditCode));
  out.push(line('法定代表人：', i.enterprise.legalRepresentative ?? ''));
  if (i.enterprise.address) out.push(line('地址：', i.enterprise.address));
  if (i.team) {
    out.push(line('乙方（科技特派团）：', i.team.name));
    for (const m of i.team.members) {
      const extra = [m.unit, m.academicTitle].filter(Boolean).join('，');
      out.push(line(m.isLeader ? '团长：' : '成员：', `${m.name}${extra ? `（${extra}）` : ''}`));
    }
  } else {
    const c = i.commissioner!;
    out.push(line('乙方（科技特派员）：', `${c.name}${c.academicTitle ? `（${c.academicTitle}）` : ''}`));
    if (c.idNumber) out.push(line('身份证号：', c.idNumber));
    if (c.mobile) out.push(line('联系电话：', c.mobile));
  }
  out.push(line('丙方（派出单位）：', i.dispatchUnit.name));
  if (i.dispatchUnit.address) out.push(line('地址：', i.dispatchUnit.address));
  return out;
}

function placeholderValues(i: Parsed): Record<AgreementPlaceholder, string> {
  const rewards = [
    i.excellentReward > 0 ? `年度考核优秀的奖励人民币${yuanFigures(i.excellentReward)}元（大写：${toRmbUppercase(i.excellentReward)}）` : '',
    i.qualifiedReward > 0 ? `合格的奖励人民币${yuanFigures(i.qualifiedReward)}元（大写：${toRmbUppercase(i.qualifiedReward)}）` : '',
  ].filter(Boolean);
  return {
    甲方: i.enterprise.name,
    乙方: partyB(i),
    丙方: i.dispatchUnit.name,
    服务内容: i.duties.map((d, n) => `（${chineseOrdinal(n + 1)}）${d.replace(/[。；;]$/, '')}。`).join('\n'),
    服务期限: `自${gbDate(i.startDate)}起至${gbDate(i.endDate)}止`,
    服务年限: String(i.servicePeriodYears),
    最少次数: String(i.minVisitsPerYear),
    最少天数: String(i.minServiceDaysPerYear),
    补助金额: yuanFigures(i.subsidyPerYear),
    补助大写: toRmbUppercase(i.subsidyPerYear),
    补助说明: i.team ? '（科技特派团按1人计）' : '',
    奖励说明: rewards.length ? `年度考核结束后，按优秀、合格两个等次给予奖励：${rewards.join('，')}。` : '年度考核结束后，按优秀、合格两个等次分级给予奖励。',
    优秀比例: `${Math.round(i.excellentShareMax * 100)}%`,
    报送要求: i.reportingCadence === '季度' ? '乙方按季度向甲方所在县（区）、高新区科技管理部门报送工作进展。' : '乙方每年向科技管理部门报送年度工作情况。',
    续签约定: i.renewable ? '期满后视服务情况，经三方协商一致可以续签。' : '期满后根据甲方实际需求，按程序继续选派。',
    备案机关: i.filingOffice,
  };
}

function clauseParagraphs(clauses: readonly Clause[], values: Record<AgreementPlaceholder, string>): Paragraph[] {
  const out: Paragraph[] = [];
  clauses.forEach((clause, n) => {
    out.push(heading1(`${chineseOrdinal(n + 1)}、${clause.heading}`));
    for (const p of clauseLines(clause.text)) {
      const filled = fillClauseText(p, values).trim();
      // A placeholder that filled to nothing (e.g. no extra agreement) leaves no empty line.
      for (const piece of filled.split('\n')) if (piece.trim()) out.push(bodyParagraph(piece.trim()));
    }
  });
  return out;
}

/**
 * Each party's signature block, flush left, kept together: who signs, who seals, the date
 * (the signing date when known, else blanks to write in by hand).
 */
function signatureBlocks(i: Parsed): Paragraph[] {
  const date = i.signedDate ? gbDate(i.signedDate) : '　　　　年　　月　　日';
  const blocks: [string, string][][] = [
    [['甲方（盖章）：', i.enterprise.name], ['法定代表人或授权代表（签字）：', ''], ['日期：', date]],
    i.team
      ? [['乙方（科技特派团）：', i.team.name], ['团长及成员（签字）：', ''], ['日期：', date]]
      : [['乙方（签字）：', ''], ['日期：', date]],
    [['丙方（盖章）：', i.dispatchUnit.name], ['负责人（签字）：', ''], ['日期：', date]],
  ];
  const out: Paragraph[] = [];
  blocks.forEach((block, b) => {
    block.forEach(([label, value], n) => {
      out.push(
        new Paragraph({
          style: gbStyleIds.body,
          indent: { firstLine: 0, firstLineChars: 0 },
          // The three parties sign on one page: every line keeps with the next but the last.
          keepNext: b < blocks.length - 1 || n < block.length - 1 || undefined,
          keepLines: true,
          // One blank line before each block: room for a seal and a signature.
          spacing: n === 0 ? { before: b === 0 ? LINE_PITCH_TWIPS * 2 : LINE_PITCH_TWIPS } : undefined,
          children: [new TextRun(`${label}${value}`)],
        }),
      );
    });
  });
  return out;
}

export function agreementTitle(variant: 'provincial' | 'city'): string {
  return variant === 'provincial' ? '企业科技特派员合作协议书' : '科技特派员服务合作协议书';
}

/**
 * 合作协议书 (seed 001 §六(四): 公示无异议后组织签订合作协议书; seed 004 第十四条(五): 派出单位、
 * 派驻单位、科技特派员三方签订服务合作协议), GB/T 9704 layout: title, number, the three parties,
 * numbered clauses, one signature-and-seal block per party.
 */
export function buildCooperationAgreement(raw: CooperationAgreementInput): Document {
  const i = cooperationAgreementInputSchema.parse(raw);
  const titleText = agreementTitle(i.variant);
  return createGbDocument({
    title: titleText,
    subject: `${titleText}（${i.enterprise.name}，${partyB(i)}）`,
    sections: [{ children: agreementContent(i) }],
  });
}

/**
 * One agreement's content, from title to the last signature line: the body of its own document,
 * or of its own section in a batch (cooperation-agreement-batch.ts). Takes a parsed input.
 */
export function agreementContent(i: ParsedAgreement): (Paragraph | Table)[] {
  const clauses = i.clauses ?? defaultAgreementWording[i.variant];
  const values = placeholderValues(i);
  const preamble =
    i.variant === 'provincial'
      ? '根据《广西企业科技特派员工作方案（暂行）》，经自主申请、双向选择、择优选派，甲、乙、丙三方本着平等自愿、互利共赢的原则，就乙方派驻甲方开展科技创新服务事宜，达成如下协议：'
      : '根据市科技特派员管理办法，按照“双方自愿，相互赋能”的原则，甲、乙、丙三方经协商一致，就乙方到甲方开展科技服务事宜，达成如下协议：';
  return [
    title(agreementTitle(i.variant)),
    ...(i.agreementNumber ? [line('协议编号：', i.agreementNumber)] : []),
    ...partyLines(i),
    bodyParagraph(preamble),
    ...clauseParagraphs(clauses, values),
    // Closes the text on its own page; the signature page may follow on the next one.
    bodyParagraph('（以下无正文）'),
    ...signatureBlocks(i),
  ];
}

/** 乙方's name as the file name and a batch's table of contents give it. */
export function agreementPartyName(i: Pick<CooperationAgreementInput, 'team' | 'commissioner'>): string {
  return i.team?.name ?? i.commissioner?.name ?? '';
}

export function cooperationAgreementFileName(i: CooperationAgreementInput): string {
  return docxFileName(`${agreementTitle(i.variant)}-${i.enterprise.name}-${agreementPartyName(i)}`);
}
