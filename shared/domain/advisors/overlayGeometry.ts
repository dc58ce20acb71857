import { LONGEST_CHINESE_DATE, widthInChars, wrapKeepingDates, type WrappedLine } from '../../format/date-safe-lines';

/**
 * Geometry of a 套打 field on the pre-printed 聘书 stock (DOMAIN §5), in millimetres from the
 * sheet's top-left corner. A field's position is the **top-left of its ink**: the top edge of
 * the characters of its first line and the left edge of its box. Each line is set at an exact
 * height equal to the font size with no space before or after, so the characters' top lands on
 * the measured line in Word, WPS and LibreOffice alike (their rules for where text sits inside
 * a taller exact line differ by up to half a character).
 */

export type SheetOrientation = 'landscape' | 'portrait';

/** A4 as the clerk holds the stock: width × height in millimetres. */
export function sheetMm(orientation: SheetOrientation): { width: number; height: number } {
  return orientation === 'landscape' ? { width: 297, height: 210 } : { width: 210, height: 297 };
}

export const MM_PER_PT = 25.4 / 72;

/** Space between the wrapped lines of one field, as a share of the font size. */
export const OVERLAY_LINE_GAP = 0.5;

export interface OverlayFieldBox {
  xMm: number;
  yMm: number;
  widthMm: number;
  fontSizePt: number;
}

/** Characters of the field's font size that fit on one line of its box. */
export function fieldLineChars(field: Pick<OverlayFieldBox, 'widthMm' | 'fontSizePt'>): number {
  return field.widthMm / (field.fontSizePt * MM_PER_PT);
}

/** The field's text broken into lines, dates kept whole. */
export function overlayFieldLines(field: Pick<OverlayFieldBox, 'widthMm' | 'fontSizePt'>, text: string): WrappedLine[] {
  return wrapKeepingDates(text, fieldLineChars(field));
}

/** Height of the field's ink from the top of the first line to the bottom of the last. */
export function fieldHeightMm(field: Pick<OverlayFieldBox, 'fontSizePt'>, lineCount: number): number {
  const size = field.fontSizePt * MM_PER_PT;
  return lineCount * size + (lineCount - 1) * size * OVERLAY_LINE_GAP;
}

const round1 = (mm: number) => Math.round(mm * 10) / 10;

export interface FieldProblem {
  /** The input the reason belongs to. */
  at: 'xMm' | 'yMm' | 'widthMm';
  message: string;
}

/**
 * Why a field cannot be printed on the sheet, or null: its box must lie on the paper and a date
 * field must hold the longest date on one line. `lineCount` is how many lines its text takes.
 */
export function checkOverlayField(field: OverlayFieldBox & { key: string }, orientation: SheetOrientation, lineCount = 1): FieldProblem | null {
  const sheet = sheetMm(orientation);
  const turn = orientation === 'landscape' ? '横向' : '纵向';
  if (field.xMm < 0) return { at: 'xMm', message: '距左边不能为负数' };
  if (field.yMm < 0) return { at: 'yMm', message: '距上边不能为负数' };
  if (field.xMm + field.widthMm > sheet.width) {
    return { at: 'widthMm', message: `文字框右端在 ${round1(field.xMm + field.widthMm)} mm，超出${turn}纸宽 ${sheet.width} mm` };
  }
  const bottom = field.yMm + fieldHeightMm(field, lineCount);
  if (bottom > sheet.height) {
    const lines = lineCount > 1 ? `（${lineCount} 行）` : '';
    return { at: 'yMm', message: `文字${lines}下端在 ${round1(bottom)} mm，超出${turn}纸高 ${sheet.height} mm` };
  }
  if (field.key === 'date') {
    const needed = widthInChars(LONGEST_CHINESE_DATE) * field.fontSizePt * MM_PER_PT;
    if (field.widthMm < needed) return { at: 'widthMm', message: `日期须在一行内，最长的“${LONGEST_CHINESE_DATE}”需宽 ${Math.ceil(needed)} mm` };
  }
  return null;
}
