import { PageOrientation, type ISectionPropertiesOptions } from 'docx';
import { mmToTwip, ptToTwip, zihao } from './units';

/** A4 (GB/T 9704-2012 §5.2.1: 210 mm × 297 mm). */
export const A4_MM = { width: 210, height: 297 } as const;

/**
 * Margins, GB/T 9704-2012 §5.2.2 (版心 156 mm × 225 mm): 天头 (top) 37 mm, 订口 (left,
 * binding) 28 mm; the bottom and right margins follow from the 版心 size.
 */
export const PORTRAIT_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/**
 * Wide ledger tables are printed on the sheet turned a quarter clockwise (§10.1: 表格横排时
 * 表头在订口一边), so the 版心 keeps its 156 × 225 mm size and the binding edge (28 mm) becomes
 * the top: left ← bottom 35, top ← left 28, right ← top 37, bottom ← right 26.
 */
export const LANDSCAPE_MARGINS_MM = { top: 28, bottom: 26, left: 35, right: 37 } as const;
/** Width of the landscape 版心 (297 − 35 − 37 = 225 mm): the fixed total of a landscape table. */
/** The portrait 版心 width (156 mm), for tables that fill it. */
export const PORTRAIT_TEXT_WIDTH_MM = A4_MM.width - PORTRAIT_MARGINS_MM.left - PORTRAIT_MARGINS_MM.right;
export const LANDSCAPE_TEXT_WIDTH_MM = A4_MM.height - LANDSCAPE_MARGINS_MM.left - LANDSCAPE_MARGINS_MM.right;

/**
 * Exact line pitch: 22 lines in the 225 mm 版心 (§5.2.1: 一般每面排22行). 225 mm / 22 is
 * 28.99 pt; Word templates in use settle on 28.95 pt (579 twips), which still fits 22 lines.
 */
export const LINE_PITCH_TWIPS = ptToTwip(28.95);

/** 每行排28个字 (§5.2.1). */
export const CHARS_PER_LINE = 28;

/** The body font size against which Word measures the character grid (docDefaults, 三号). */
export const GRID_BASE_PT = zihao.san;

/**
 * The page number line sits with its 一字线 7 mm below the 版心 (§7.5). Word places the footer
 * paragraph's bottom `footer` twips above the page edge; the dash is about 2.5 mm above the
 * bottom of an 18 pt line of 四号 宋体, so footer = bottom margin − 7 mm − 2.5 mm.
 */
const PAGE_NUMBER_GAP_MM = 7;
const DASH_ABOVE_LINE_BOTTOM_MM = 2.5;

/** Portrait: the page number line's bottom, measured up from the sheet's bottom edge (25.5 mm). */
export const PAGE_NUMBER_LINE_BOTTOM_MM = PORTRAIT_MARGINS_MM.bottom - PAGE_NUMBER_GAP_MM - DASH_ABOVE_LINE_BOTTOM_MM;

export type Orientation = 'portrait' | 'landscape';

export interface PageLayout {
  orientation: Orientation;
  /** Page size in twips as Word stores it: for landscape, width is the long edge. */
  widthTwips: number;
  heightTwips: number;
  margins: { top: number; bottom: number; left: number; right: number };
  headerTwips: number;
  footerTwips: number;
  /** The 版心 width available to text and tables. */
  textWidthTwips: number;
  textWidthMm: number;
  charsPerLine: number;
  /** docGrid charSpace: (grid pitch − base font size) × 4096, see ECMA-376 §17.6.5. */
  charSpace: number;
}

function marginsFor(orientation: Orientation) {
  return orientation === 'portrait' ? PORTRAIT_MARGINS_MM : LANDSCAPE_MARGINS_MM;
}

/**
 * Word's "characters per line" is floor(text width / (base size + charSpace/4096)). Rounding the
 * grid pitch down (a more negative charSpace) keeps the count at 28, not 27.999 → 27.
 */
function charSpaceFor(textWidthTwips: number, charsPerLine: number): number {
  const pitchPt = textWidthTwips / 20 / charsPerLine;
  return Math.floor((pitchPt - GRID_BASE_PT) * 4096);
}

export function pageLayout(orientation: Orientation = 'portrait'): PageLayout {
  const mm = marginsFor(orientation);
  const margins = {
    top: mmToTwip(mm.top),
    bottom: mmToTwip(mm.bottom),
    left: mmToTwip(mm.left),
    right: mmToTwip(mm.right),
  };
  const [wMm, hMm] = orientation === 'portrait' ? [A4_MM.width, A4_MM.height] : [A4_MM.height, A4_MM.width];
  const widthTwips = mmToTwip(wMm);
  const heightTwips = mmToTwip(hMm);
  const textWidthTwips = widthTwips - margins.left - margins.right;
  const textWidthMm = wMm - mm.left - mm.right;
  // Landscape keeps the 三号 character pitch as close to the portrait one as a whole count allows.
  const charsPerLine = orientation === 'portrait' ? CHARS_PER_LINE : Math.round((textWidthTwips / 20) / (GRID_BASE_PT - 0.2));
  return {
    orientation,
    widthTwips,
    heightTwips,
    margins,
    headerTwips: mmToTwip(15),
    footerTwips: mmToTwip(mm.bottom - PAGE_NUMBER_GAP_MM - DASH_ABOVE_LINE_BOTTOM_MM),
    textWidthTwips,
    textWidthMm,
    charsPerLine,
    charSpace: charSpaceFor(textWidthTwips, charsPerLine),
  };
}

/** One cell of the character grid in twips, as Word computes it: base size + charSpace / 4096 pt. */
export function gridCellTwips(layout: PageLayout): number {
  return (GRID_BASE_PT + layout.charSpace / 4096) * 20;
}

/**
 * The twips twin of firstLineChars="200" (首行缩进2字符): two grid cells, rounded down and taken
 * from the narrower grid of the two orientations, since one style serves both. 2 × 16 pt = 640
 * twips is wider than two 三号 cells of the 156 mm 版心 (2 × 315.9), and a grid-snapping layout
 * then starts the text in the third cell. One twip less again: LibreOffice rounds the cell to
 * 1/100 mm, and measured, 631 still pushed the text to the third cell where 630 does not.
 */
export const TWO_CHAR_INDENT_TWIPS = Math.floor(2 * Math.min(gridCellTwips(pageLayout('portrait')), gridCellTwips(pageLayout('landscape')))) - 1;

/** Section properties for docx: size, margins, and the 22 × 28 document grid. */
export function sectionProperties(orientation: Orientation = 'portrait'): ISectionPropertiesOptions {
  const layout = pageLayout(orientation);
  return {
    page: {
      // docx swaps width and height itself for LANDSCAPE, so it is given the portrait sheet.
      size: {
        width: mmToTwip(A4_MM.width),
        height: mmToTwip(A4_MM.height),
        orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
      },
      margin: { ...layout.margins, header: layout.headerTwips, footer: layout.footerTwips, gutter: 0 },
    },
    // linesAndChars is Word's "指定行和字符网格": the dialog then shows 每页 22 行, 每行 28 字.
    grid: { type: 'linesAndChars', linePitch: LINE_PITCH_TWIPS, charSpace: layout.charSpace },
  };
}
