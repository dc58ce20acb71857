import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeightRule,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  WidthType,
} from 'docx';
import { A4_MM, PAGE_NUMBER_LINE_BOTTOM_MM, PORTRAIT_MARGINS_MM, type Orientation } from './page';
import { gbStyleIds } from './styles';
import { mmToTwip, ptToTwip, zihao } from './units';

/** 一字线 (U+2014): GB/T 9704-2012 §7.5 puts one on each side of the number. */
const EM_DASH = '\u2014';

/** §7.5: 单页码居右空一字，双页码居左空一字 — one 四号 character is 14 pt. */
const ONE_CHARACTER = ptToTwip(zihao.si);

/** The page number's exact line height (GbPageNumber style). */
export const PAGE_NUMBER_LINE_PT = 18;

function pageNumberParagraph(side: 'odd' | 'even'): Paragraph {
  return new Paragraph({
    style: gbStyleIds.pageNumber,
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: ONE_CHARACTER } : { left: ONE_CHARACTER },
    children: [new TextRun({ children: [`${EM_DASH} `, PageNumber.CURRENT, ` ${EM_DASH}`] })],
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/**
 * A landscape page is the portrait sheet turned (page.ts: the binding edge is its top), so the
 * portrait page number's place — 7 mm under the 版心, along the sheet's bottom edge — is the
 * landscape page's left margin, reading top to bottom with the glyph tops towards the 版心
 * (§10.2, 横排表格: 页码位置与正文其他页码保持一致). The number goes in a one-cell table floated
 * to that place on the page, its text turned by the cell's tbRl direction; the cell is as long
 * as the portrait 版心 is wide, so the 右空一字/左空一字 indents land where they do on portrait
 * pages.
 */
function turnedPageNumber(side: 'odd' | 'even'): Table {
  const lineMm = (PAGE_NUMBER_LINE_PT * 25.4) / 72;
  const versoWidthMm = A4_MM.width - PORTRAIT_MARGINS_MM.left - PORTRAIT_MARGINS_MM.right;
  const cellWidth = mmToTwip(lineMm);
  return new Table({
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      verticalAnchor: TableAnchorType.PAGE,
      // Portrait: the line's bottom is PAGE_NUMBER_LINE_BOTTOM_MM above the sheet's bottom edge.
      absoluteHorizontalPosition: mmToTwip(PAGE_NUMBER_LINE_BOTTOM_MM),
      // Portrait: the 版心 starts at the binding margin, which is the landscape page's top.
      absoluteVerticalPosition: mmToTwip(PORTRAIT_MARGINS_MM.left),
      leftFromText: 0,
      rightFromText: 0,
      topFromText: 0,
      bottomFromText: 0,
    },
    width: { size: cellWidth, type: WidthType.DXA },
    columnWidths: [cellWidth],
    layout: TableLayoutType.FIXED,
    // No table-level cell margin: Word and LibreOffice shift a table left by it (108 twips from
    // TableNormal), which would move the number 5.4 pt towards the sheet's edge.
    margins: { top: 0, bottom: 0, left: 0, right: 0, marginUnitType: WidthType.DXA },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        height: { value: mmToTwip(versoWidthMm), rule: HeightRule.EXACT },
        children: [
          new TableCell({
            width: { size: cellWidth, type: WidthType.DXA },
            textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            children: [pageNumberParagraph(side)],
          }),
        ],
      }),
    ],
  });
}

/** A footer needs a paragraph after a table; this one is empty and one point high. */
function emptyFooterLine(): Paragraph {
  return new Paragraph({ style: gbStyleIds.pageNumber, spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] });
}

/**
 * Odd and even footers. Word shows `even` only when settings.xml has evenAndOddHeaders, which
 * createGbDocument always turns on; `default` then serves the odd pages. Landscape sections
 * carry the number turned, where the portrait pages have it (see turnedPageNumber).
 */
export function gbPageNumberFooters(orientation: Orientation = 'portrait'): { default: Footer; even: Footer } {
  if (orientation === 'landscape') {
    return {
      default: new Footer({ children: [turnedPageNumber('odd'), emptyFooterLine()] }),
      even: new Footer({ children: [turnedPageNumber('even'), emptyFooterLine()] }),
    };
  }
  return {
    default: new Footer({ children: [pageNumberParagraph('odd')] }),
    even: new Footer({ children: [pageNumberParagraph('even')] }),
  };
}
