import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { allSlots, chineseLanguage, gbFonts } from './fonts';
import { LINE_PITCH_TWIPS } from './page';
import { ptToHalfPoints, ptToTwip, zihao } from './units';

/**
 * Paragraph style ids. Builders use the helpers in paragraphs.ts; the ids are exported for tests
 * and for builders that need a variant (e.g. a centred body line).
 */
export const gbStyleIds = {
  title: 'GbTitle',
  body: 'GbBody',
  heading1: 'GbHeading1',
  heading2: 'GbHeading2',
  heading3: 'GbHeading3',
  heading4: 'GbHeading4',
  signature: 'GbSignature',
  tableText: 'GbTableText',
  tableHeader: 'GbTableHeader',
  pageNumber: 'GbPageNumber',
} as const;

/** Body and headings share one exact line pitch, so every line stays on the 22-line grid. */
const exactLine = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** 2-character first-line indent (§5.2.1 / customary 公文 layout): chars for Word, twips for the rest. */
const twoCharIndent = { firstLineChars: 200, firstLine: ptToTwip(zihao.san * 2) } as const;

function runOf(font: string, sizePt: number, bold = false) {
  const sz = ptToHalfPoints(sizePt);
  return { font: allSlots(font), size: sz, sizeComplexScript: sz, bold, boldComplexScript: bold, language: chineseLanguage, color: '000000' };
}

function paragraphStyle(id: string, name: string, run: ReturnType<typeof runOf>, paragraph: IParagraphStyleOptions['paragraph']): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: gbStyleIds.body, quickFormat: true, run, paragraph };
}

/** Table cells drop the 28.95 pt body pitch: a dense ledger needs about 1.5 lines of 小四. */
export const TABLE_LINE_TWIPS = ptToTwip(18);

export function gbParagraphStyles(tableFontPt: number = zihao.xiaoSi): IParagraphStyleOptions[] {
  return [
    // §7.3.3 标题: 2号小标宋体, centred; 标题下空一行 (the blank line is the spacing after).
    paragraphStyle(gbStyleIds.title, 'GB 标题', runOf(gbFonts.title, zihao.er), {
      alignment: AlignmentType.CENTER,
      spacing: { ...exactLine, line: LINE_PITCH_TWIPS, after: LINE_PITCH_TWIPS },
      keepNext: true,
    }),
    // §5.2.1 / §7.3.3 正文: 3号仿宋体, justified, 2-character first-line indent.
    paragraphStyle(gbStyleIds.body, 'GB 正文', runOf(gbFonts.body, zihao.san), {
      alignment: AlignmentType.BOTH,
      spacing: exactLine,
      indent: twoCharIndent,
    }),
    // §7.3.3 结构层次: 第一层黑体, 第二层楷体, 第三层和第四层仿宋体 — all 3号, indented like the body.
    paragraphStyle(gbStyleIds.heading1, 'GB 一级标题', runOf(gbFonts.heading1, zihao.san), {
      alignment: AlignmentType.BOTH,
      spacing: exactLine,
      indent: twoCharIndent,
      keepNext: true,
      outlineLevel: 0,
    }),
    paragraphStyle(gbStyleIds.heading2, 'GB 二级标题', runOf(gbFonts.heading2, zihao.san), {
      alignment: AlignmentType.BOTH,
      spacing: exactLine,
      indent: twoCharIndent,
      keepNext: true,
      outlineLevel: 1,
    }),
    paragraphStyle(gbStyleIds.heading3, 'GB 三级标题', runOf(gbFonts.body, zihao.san, true), {
      alignment: AlignmentType.BOTH,
      spacing: exactLine,
      indent: twoCharIndent,
      keepNext: true,
      outlineLevel: 2,
    }),
    paragraphStyle(gbStyleIds.heading4, 'GB 四级标题', runOf(gbFonts.body, zihao.san), {
      alignment: AlignmentType.BOTH,
      spacing: exactLine,
      indent: twoCharIndent,
      keepNext: true,
      outlineLevel: 3,
    }),
    // §7.3.5.2 署名和成文日期: right-aligned; the right indents are set per paragraph.
    paragraphStyle(gbStyleIds.signature, 'GB 署名', runOf(gbFonts.body, zihao.san), {
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      keepNext: true,
    }),
    paragraphStyle(gbStyleIds.tableText, 'GB 表格文字', runOf(gbFonts.body, tableFontPt), {
      alignment: AlignmentType.LEFT,
      spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    }),
    // Table heads in 黑体, as 一级 emphasis, centred.
    paragraphStyle(gbStyleIds.tableHeader, 'GB 表头', runOf(gbFonts.heading1, tableFontPt), {
      alignment: AlignmentType.CENTER,
      spacing: { line: TABLE_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      keepNext: true,
    }),
    // §7.5 页码: 4号半角宋体阿拉伯数字. Exact spacing keeps the footer off the 28.95 pt grid.
    paragraphStyle(gbStyleIds.pageNumber, 'GB 页码', runOf(gbFonts.pageNumber, zihao.si), {
      spacing: { line: ptToTwip(18), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    }),
  ];
}

/**
 * Document defaults are the body font at 三号: Word measures the character grid against the
 * Normal font size, and any paragraph a builder forgets to style still prints as 仿宋 三号.
 * Every slot is named explicitly so no theme font (Calibri/等线) leaks in.
 */
export function gbStyles(tableFontPt?: number): IStylesOptions {
  return {
    default: {
      document: {
        run: runOf(gbFonts.body, zihao.san),
        paragraph: { spacing: exactLine },
      },
    },
    paragraphStyles: gbParagraphStyles(tableFontPt),
  };
}
