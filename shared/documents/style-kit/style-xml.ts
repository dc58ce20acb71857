import { ImportedXmlComponent } from 'docx';
import { chineseLanguage } from './fonts';
import { ptToHalfPoints } from './units';

/**
 * The GB paragraph styles are written as WordprocessingML directly: docx's typed style options
 * cannot express the paragraph-level w:snapToGrid that LibreOffice honours (it ignores the
 * run-level one), and writing the XML keeps the element order the schema requires (Word
 * rejects a pPr or rPr in the wrong order).
 */
export interface RunSpec {
  font: string;
  sizePt: number;
  bold?: boolean;
  /**
   * Character spacing in twentieths of a point (w:spacing; negative = 紧缩). Only the 三号 body
   * and headings set it, to fit 28 characters a line (styles.ts).
   */
  spacingTwentieths?: number;
}

export interface ParagraphSpec {
  align: 'left' | 'center' | 'right' | 'both';
  /** Exact line height in twips. */
  lineTwips: number;
  afterTwips?: number;
  /**
   * 2-character first-line indent (首行缩进2字符) as w:firstLineChars="200", with its twips
   * equivalent for readers that ignore firstLineChars. The twips must not exceed two grid cells,
   * or a grid-snapping layout (LibreOffice, WPS) pushes the first character into the third cell.
   */
  indentTwoChars?: { twips: number };
  keepNext?: boolean;
  outlineLevel?: number;
  /** false: the paragraph ignores the document grid (Word: 如果定义了文档网格，则对齐到网格). */
  snapToGrid?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function onOff(tag: string, on: boolean | undefined): string {
  return on ? `<w:${tag}/><w:${tag}Cs/>` : '';
}

export function runPropertiesXml({ font, sizePt, bold, spacingTwentieths }: RunSpec): string {
  const f = esc(font);
  const sz = ptToHalfPoints(sizePt);
  // CT_RPr order: rFonts, b, bCs, color, spacing, sz, szCs, lang.
  return (
    `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}" w:hint="eastAsia"/>` +
    onOff('b', bold) +
    `<w:color w:val="000000"/>` +
    (spacingTwentieths ? `<w:spacing w:val="${spacingTwentieths}"/>` : '') +
    `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>` +
    `<w:lang w:val="${chineseLanguage.value}" w:eastAsia="${chineseLanguage.eastAsia}"/></w:rPr>`
  );
}

export function paragraphPropertiesXml(p: ParagraphSpec): string {
  // CT_PPrBase order: keepNext, autoSpaceDE, autoSpaceDN, snapToGrid, spacing, ind, jc, outlineLvl.
  // autoSpace off: 公文 sets "2026年5月8日" without the quarter-em gaps Word and LibreOffice
  // otherwise insert between Chinese and digits (中文与西文/数字间距).
  return (
    '<w:pPr>' +
    (p.keepNext ? '<w:keepNext/>' : '') +
    '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' +
    (p.snapToGrid === false ? '<w:snapToGrid w:val="0"/>' : '') +
    `<w:spacing w:before="0" w:after="${p.afterTwips ?? 0}" w:line="${p.lineTwips}" w:lineRule="exact"/>` +
    (p.indentTwoChars ? `<w:ind w:firstLineChars="200" w:firstLine="${p.indentTwoChars.twips}"/>` : '') +
    `<w:jc w:val="${p.align}"/>` +
    (p.outlineLevel !== undefined ? `<w:outlineLvl w:val="${p.outlineLevel}"/>` : '') +
    '</w:pPr>'
  );
}

export function paragraphStyleXml(id: string, name: string, paragraph: ParagraphSpec, run: RunSpec): ImportedXmlComponent {
  return ImportedXmlComponent.fromXmlString(
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${esc(id)}"><w:name w:val="${esc(name)}"/>` +
      `<w:basedOn w:val="Normal"/><w:next w:val="GbBody"/><w:qFormat/>` +
      paragraphPropertiesXml(paragraph) +
      runPropertiesXml(run) +
      '</w:style>',
  );
}

/**
 * docDefaults, Normal, the default character style and the default table style. docx writes its
 * own only when no styles are imported, so the kit writes them with the GB styles.
 */
export function baseStylesXml(run: RunSpec, paragraph: ParagraphSpec): ImportedXmlComponent[] {
  const rPr = runPropertiesXml(run);
  const pPr = paragraphPropertiesXml(paragraph);
  return [
    `<w:docDefaults><w:rPrDefault>${rPr}</w:rPrDefault><w:pPrDefault>${pPr}</w:pPrDefault></w:docDefaults>`,
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${pPr}${rPr}</w:style>`,
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
      '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  ].map((xml) => ImportedXmlComponent.fromXmlString(xml));
}
