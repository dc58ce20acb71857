import type { Document } from 'docx';
import { z } from 'zod';
import { toChineseDate } from '../../format';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, ledgerTable, pageLayout, signatureBlock, title, type LedgerColumn, type Orientation } from '../style-kit';

/**
 * 名册 / 列表: any ledger printed as the clerk sees it — the columns shown, the rows left by the
 * filters and search, in the displayed order (issue 8 item 11: 打印本页 printed buttons and cut
 * columns). One builder for every ledger, so new modules get their printed list for free.
 */
export const ledgerListingInputSchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(60),
  columns: z
    .array(
      z.object({
        header: z.string().trim().min(1),
        /** The column's width on screen (px): the printed widths keep its proportions. */
        screenWidth: z.number().positive(),
        align: z.enum(['left', 'center', 'right']).optional(),
      }),
    )
    .min(1, '至少需要一列'),
  rows: z.array(z.array(z.string())),
  /** e.g. "筛选出的 12 条记录" / "全部 30 条记录". */
  scopeDescription: z.string().trim().optional(),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  generatedOn: isoDate,
});
export type LedgerListingInput = z.input<typeof ledgerListingInputSchema>;

/** A column narrower than this on paper wraps every word; past it the sheet turns landscape. */
const MIN_COLUMN_MM = 16;
const SEQ_COLUMN_MM = 11;
/** 五号: dense enough for a roster, still read without glasses. */
const TABLE_FONT_PT = 10.5;

/** Portrait when every column keeps MIN_COLUMN_MM in the 156 mm 版心, else landscape (225 mm). */
export function listingOrientation(columnCount: number): Orientation {
  const portrait = pageLayout('portrait').textWidthMm;
  return SEQ_COLUMN_MM + columnCount * MIN_COLUMN_MM <= portrait && columnCount <= 6 ? 'portrait' : 'landscape';
}

/** Screen proportions spread over the 版心, whole millimetres that add up exactly. */
export function listingColumnWidths(screenWidths: readonly number[], textWidthMm: number): number[] {
  const available = Math.floor(textWidthMm) - SEQ_COLUMN_MM;
  const total = screenWidths.reduce((a, b) => a + b, 0);
  const raw = screenWidths.map((w) => Math.max(MIN_COLUMN_MM * 0.75, (w / total) * available));
  const scale = available / raw.reduce((a, b) => a + b, 0);
  const widths = raw.map((w) => Math.floor(w * scale));
  widths[widths.length - 1] += available - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function buildLedgerListing(raw: LedgerListingInput): Document {
  const d = ledgerListingInputSchema.parse(raw);
  const orientation = listingOrientation(d.columns.length);
  const widths = listingColumnWidths(
    d.columns.map((c) => c.screenWidth),
    pageLayout(orientation).textWidthMm,
  );
  const columns: LedgerColumn[] = [
    { header: '序号', widthMm: SEQ_COLUMN_MM, align: 'center' },
    ...d.columns.map((c, i) => ({ header: c.header, widthMm: widths[i], align: c.align })),
  ];
  const rows = d.rows.map((cells, n) => [String(n + 1), ...d.columns.map((_, i) => cells[i] ?? '')]);
  const scope = d.scopeDescription ? `${d.scopeDescription}，` : '';
  return createGbDocument({
    title: d.title,
    tableFontPt: TABLE_FONT_PT,
    sections: [
      {
        orientation,
        children: [
          title(d.title),
          bodyParagraph(`${scope}共${rows.length}条。`),
          ledgerTable({ columns, rows }),
          ...signatureBlock(d.organisation, toChineseDate(d.generatedOn)),
        ],
      },
    ],
  });
}

export function ledgerListingFileName(input: LedgerListingInput): string {
  return docxFileName(`${input.title}-${input.generatedOn}`);
}
