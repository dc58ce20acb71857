import type { IStylesOptions } from 'docx';
import { gbFonts } from './fonts';
import { LINE_PITCH_TWIPS, TWO_CHAR_INDENT_TWIPS } from './page';
import { baseStylesXml, paragraphStyleXml, type ParagraphSpec, type RunSpec } from './style-xml';
import { ptToTwip, zihao } from './units';

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

/** Table cells drop the 28.95 pt body pitch: a dense ledger needs about 1.5 lines of 小四. */
export const TABLE_LINE_TWIPS = ptToTwip(18);

/**
 * 28 characters of 三号 (28 × 16 pt = 448 pt) do not fit the 156 mm 版心 (442 pt). Word and WPS
 * set them 28 a line on the grid through its negative charSpace, but LibreOffice (7.4, the
 * rendering check) gives a glyph wider than its grid cell (320 > 315.9 twips) two cells: 14
 * characters a line. So body and headings leave the character grid and are set 紧缩 0.3 磅
 * (28 × 15.7 pt = 439.6 pt ≤ 442 pt; 29 would need 455 pt): every reader gives 28 a line and the
 * glyphs keep their full shape (a 98 % glyph width, the earlier fix, visibly thinned them).
 * LibreOffice still gave 27 a line at 紧缩 0.25 磅. Line height stays the exact 28.95 pt pitch.
 */
const BODY_CONDENSE_TWENTIETHS = -6;

/** Body and headings: exact 28.95 pt, justified, 2-character first-line indent, off the character grid. */
const bodyText: ParagraphSpec = { align: 'both', lineTwips: LINE_PITCH_TWIPS, indentTwoChars: { twips: TWO_CHAR_INDENT_TWIPS }, snapToGrid: false };

/** 三号 body and heading text, condensed to 28 characters a line. */
function condensedSan(font: string, bold = false): RunSpec {
  return { font, sizePt: zihao.san, bold, spacingTwentieths: BODY_CONDENSE_TWENTIETHS };
}

function gbParagraphStyles(tableFontPt: number) {
  const tableLine = { lineTwips: TABLE_LINE_TWIPS, snapToGrid: false } as const;
  return [
    // §7.3.3 标题: 2号小标宋体, centred; 标题下空一行 (the spacing after). Off the character grid,
    // where a 2号 glyph would be stretched over two 三号 cells.
    paragraphStyleXml(gbStyleIds.title, 'GB 标题', { align: 'center', lineTwips: LINE_PITCH_TWIPS, afterTwips: LINE_PITCH_TWIPS, keepNext: true, snapToGrid: false }, { font: gbFonts.title, sizePt: zihao.er }),
    // §5.2.1 正文: 3号仿宋体.
    paragraphStyleXml(gbStyleIds.body, 'GB 正文', bodyText, condensedSan(gbFonts.body)),
    // §7.3.3 结构层次: 第一层黑体, 第二层楷体, 第三层和第四层仿宋体 — all 3号, indented like the body.
    paragraphStyleXml(gbStyleIds.heading1, 'GB 一级标题', { ...bodyText, keepNext: true, outlineLevel: 0 }, condensedSan(gbFonts.heading1)),
    paragraphStyleXml(gbStyleIds.heading2, 'GB 二级标题', { ...bodyText, keepNext: true, outlineLevel: 1 }, condensedSan(gbFonts.heading2)),
    paragraphStyleXml(gbStyleIds.heading3, 'GB 三级标题', { ...bodyText, keepNext: true, outlineLevel: 2 }, condensedSan(gbFonts.body, true)),
    paragraphStyleXml(gbStyleIds.heading4, 'GB 四级标题', { ...bodyText, keepNext: true, outlineLevel: 3 }, condensedSan(gbFonts.body)),
    // §7.3.5.2 署名和成文日期: right-aligned; the right indents are set per paragraph.
    // Off the character grid so the measured right indents hold (LibreOffice would snap the
    // half-width digits of the date to whole cells and push its first character left).
    paragraphStyleXml(gbStyleIds.signature, 'GB 署名', { align: 'right', lineTwips: LINE_PITCH_TWIPS, keepNext: true, snapToGrid: false }, { font: gbFonts.body, sizePt: zihao.san }),
    // Tables and the page number stay off the grid: the grid pitch is measured for 三号, and 小四
    // or 四号 text would be spread to 三号 spacing (offices untick 对齐到网格 in tables).
    paragraphStyleXml(gbStyleIds.tableText, 'GB 表格文字', { align: 'left', ...tableLine }, { font: gbFonts.body, sizePt: tableFontPt }),
    paragraphStyleXml(gbStyleIds.tableHeader, 'GB 表头', { align: 'center', keepNext: true, ...tableLine }, { font: gbFonts.heading1, sizePt: tableFontPt }),
    // §7.5 页码: 4号半角宋体阿拉伯数字. Exact 18 pt so the footer line is not a 28.95 pt grid line.
    paragraphStyleXml(gbStyleIds.pageNumber, 'GB 页码', { align: 'left', lineTwips: ptToTwip(18), snapToGrid: false }, { font: gbFonts.pageNumber, sizePt: zihao.si }),
  ];
}

/**
 * Document defaults and Normal are the body font at 三号: Word and LibreOffice measure the
 * character grid against Normal's size (LibreOffice reads the Normal style, not docDefaults),
 * and an unstyled paragraph still prints as 仿宋 三号. Every rFonts slot is named so no theme
 * font (Calibri/等线) leaks in.
 */
export function gbStyles(tableFontPt: number = zihao.xiaoSi): IStylesOptions {
  return {
    importedStyles: [
      ...baseStylesXml({ font: gbFonts.body, sizePt: zihao.san }, { align: 'both', lineTwips: LINE_PITCH_TWIPS }),
      ...gbParagraphStyles(tableFontPt),
    ],
  };
}
