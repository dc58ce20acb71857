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

/** The seed's column order, which the printed plan keeps exactly. */
export const planTableColumns: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '主题', widthMm: 14, align: 'center' },
  { header: '整改内容', widthMm: 42 },
  { header: '整改措施', widthMm: 80 },
  { header: '整改检验形式', widthMm: 38 },
  { header: '计划完成时间', widthMm: 26, align: 'center', fit: 'whole' },
  divisionColumn,
  { header: '责任人', widthMm: 22, align: 'center', fit: 'whole' },
];
