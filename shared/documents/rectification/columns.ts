import type { LedgerColumn } from '../style-kit';
import { LANDSCAPE_TEXT_WIDTH_MM } from '../style-kit/page';

/**
 * Both rectification documents are landscape tables in 五号 (10.5 pt) on the 225 mm turned 版心
 * (style-kit/page.ts). 序号, dates and 责任人 pairs never break (fit 'whole'); the running text
 * columns share the rest by their preferred widths.
 */
export const RECTIFICATION_TABLE_FONT_PT = 10.5;
export const LANDSCAPE_TEXT_MM = LANDSCAPE_TEXT_WIDTH_MM;

/**
 * 责任处室 wraps between names, never inside one: wide enough for "（1）办公室" (5.5 em in 五号
 * plus margins). Header as two lines of two, not 责任处 over 室.
 */
export const divisionColumn: LedgerColumn = { header: '责任\n处室', widthMm: 24, minWidthMm: 24, align: 'center' };

/**
 * 整改内容 is the feedback the whole row answers: it reads as a sentence only at 11 or more 五号
 * characters a line, so it has a floor of 40 mm and takes a larger share than the one-line date
 * column (35 mm for 2021年12月15日). Without the floor the long 整改措施 took the room and left
 * 整改内容 at 31 mm, 8 characters a line, narrower than the date beside it.
 */
export const contentColumn: LedgerColumn = { header: '整改内容', widthMm: 46, minWidthMm: 40 };

/** The seed's column order, which the printed plan keeps exactly. */
export const planTableColumns: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '主题', widthMm: 11, align: 'center' },
  contentColumn,
  { header: '整改措施', widthMm: 50 },
  { header: '整改检验形式', widthMm: 26 },
  { header: '计划完成时间', widthMm: 26, align: 'center', fit: 'whole' },
  divisionColumn,
  { header: '责任人', widthMm: 22, align: 'center', fit: 'whole' },
];
