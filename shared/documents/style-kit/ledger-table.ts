import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { fitColumnWidths, type SizedColumn } from './column-widths';
import { gbStyleIds } from './styles';
import { mmToTwip, zihao } from './units';

export interface LedgerColumn extends SizedColumn {
  /** Text alignment in the column's body cells; headers are always centred. */
  align?: 'left' | 'center' | 'right';
}

export interface LedgerTableOptions {
  columns: LedgerColumn[];
  rows: string[][];
  /** The table text size the document was created with (createGbDocument's tableFontPt). */
  fontPt?: number;
  /** The table's fixed total width; by default the sum of the preferred column widths. */
  totalMm?: number;
  /** Minimum body row height, e.g. room for a handwritten signature. */
  minRowHeightMm?: number;
  /**
   * Let a body row break across pages. Off by default (a short ledger row reads best whole), on
   * for tables whose cells hold paragraphs — 整改措施 with several numbered measures — where
   * whole rows leave most of each page blank, unlike the office's own Word plans.
   */
  rowsMaySplit?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** 0.5 pt black rules (w:sz is in eighths of a point), the usual 公文 table line. */
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

/** About 1 mm of air left and right of the text, tighter than Word's 1.9 mm default. */
const CELL_MARGINS = { top: 30, bottom: 30, left: mmToTwip(1), right: mmToTwip(1) };

function cellParagraphs(text: string, style: string, align: (typeof ALIGN)[keyof typeof ALIGN]): Paragraph[] {
  // Line breaks inside a cell stay in the same cell rather than being flattened.
  return text.split('\n').map((line) => new Paragraph({ style, alignment: align, children: [new TextRun(line)] }));
}

function cell(text: string, widthTwips: number, style: string, align: (typeof ALIGN)[keyof typeof ALIGN]): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: CELL_MARGINS,
    children: cellParagraphs(text, style, align),
  });
}

/**
 * A ledger table that lays out the same in Word, WPS and LibreOffice: explicit w:gridCol widths
 * (WPS sizes columns from the grid alone), the same width on every cell, fixed layout (no
 * autofit to content), and the header row repeated on every page (GB/T 9704-2012 §10.1: 表格
 * 跨页时，每页都应当有表头). Column widths come from the content (column-widths.ts).
 */
export function ledgerTable({ columns, rows, fontPt = zihao.xiaoSi, totalMm, minRowHeightMm, rowsMaySplit = false }: LedgerTableOptions): Table {
  if (columns.length === 0) throw new Error('台账表格至少需要一列');
  const total = totalMm !== undefined ? mmToTwip(totalMm) : columns.reduce((sum, c) => sum + mmToTwip(c.widthMm), 0);
  // Sized from the content within the fixed total, so a date or number never breaks (fit 'whole').
  const widths = fitColumnWidths(columns, rows, fontPt, total);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, widths[i], gbStyleIds.tableHeader, AlignmentType.CENTER)),
  });
  const bodyRows = rows.map((row, r) => {
    if (row.length !== columns.length) {
      throw new Error(`台账表格第 ${r + 1} 行有 ${row.length} 个单元格，应为 ${columns.length} 个`);
    }
    return new TableRow({
      cantSplit: rowsMaySplit ? undefined : true,
      height: minRowHeightMm ? { value: mmToTwip(minRowHeightMm), rule: HeightRule.ATLEAST } : undefined,
      children: row.map((text, i) => cell(text, widths[i], gbStyleIds.tableText, ALIGN[columns[i].align ?? 'left'])),
    });
  });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: BORDERS,
    rows: [headerRow, ...bodyRows],
  });
}
