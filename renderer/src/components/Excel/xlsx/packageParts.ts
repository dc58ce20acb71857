import { numberFormats } from '../../../../../shared/excel/exportSheet';
import { xmlAttr, xmlText } from './xml';

/**
 * The fixed parts of the .xlsx the ledger export writes: a conservative SpreadsheetML package
 * (one worksheet, a shared-string table, styles, no theme) of the kind Excel, WPS and LibreOffice
 * all open without a repair prompt. Text goes through the shared-string table, as Excel itself
 * writes it: inline strings save memory but older WPS releases refused such files (reported
 * against libxlsxwriter's constant-memory mode, php-ext-xlswriter issue 398).
 */
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

export const contentTypesXml =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  `<Override PartName="/${SHEET_PATH}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

export const packageRelsXml =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export const workbookRelsXml =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
  '</Relationships>';

export function corePropsXml(title: string, createdIso: string): string {
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>SciLedger 科技工作台账</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${createdIso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${createdIso}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export const appPropsXml = XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>SciLedger</Application></Properties>';

/** Cell style indexes (cellXfs) of styles.xml. */
export const XF = { plain: 0, title: 1, subtitle: 2, header: 3, date: 4, dateTime: 5, amount: 6, wrap: 7 } as const;

const FONT = (extra: string, size: number) => `<font>${extra}<sz val="${size}"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`;
const THIN = '<color rgb="FFBFBFBF"/>';

/** 宋体 throughout; title 16 bold, subtitle 10 grey, header bold on light grey with thin borders; dates and amounts in formats Excel and WPS show alike. */
export const stylesXml =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="${xmlAttr(numberFormats.date)}"/><numFmt numFmtId="165" formatCode="${xmlAttr(numberFormats.dateTime)}"/></numFmts>` +
  `<fonts count="4">${FONT('', 11)}${FONT('<b/>', 16)}${FONT('<color rgb="FF595959"/>', 10)}${FONT('<b/>', 11)}</fonts>` +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border></borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  // 4 is the built-in #,##0.00.
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** A sheet name inside a formula or defined name: 'Name' with apostrophes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function workbookXml(sheetName: string, filterRange: string | null, headerRow: number): string {
  const q = xmlText(quotedSheet(sheetName));
  const names =
    (filterRange ? `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${q}!${filterRange}</definedName>` : '') +
    // The title, scope and header rows print on every page.
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">${q}!$1:$${headerRow}</definedName>`;
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    `<sheets><sheet name="${xmlAttr(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    `<definedNames>${names}</definedNames>` +
    '</workbook>'
  );
}
