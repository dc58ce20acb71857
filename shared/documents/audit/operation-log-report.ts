import type { Document } from 'docx';
import { z } from 'zod';
import { toChineseDate } from '../../format';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, ledgerTable, signatureBlock, title, type LedgerColumn } from '../style-kit';
import { BEIJING_UTC_OFFSET_MINUTES, formatTimestamp } from './format-timestamp';
import { LANDSCAPE_TEXT_WIDTH_MM } from '../style-kit/page';

export const operationLogActions = ['新增', '修改', '删除'] as const;

export const operationLogEntrySchema = z.object({
  /** When the change was made (the oplog's wall-clock time), ISO 8601. */
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), '时间格式无效'),
  operator: z.string(),
  /** The ledger's Chinese name, e.g. 科技顾问 (ledgerTables[table].label). */
  tableLabel: z.string(),
  recordId: z.string(),
  action: z.enum(operationLogActions),
  /** A short summary of what changed, prepared by the caller. */
  fields: z.string(),
});
export type OperationLogEntry = z.infer<typeof operationLogEntrySchema>;

export const operationLogReportInputSchema = z.object({
  entries: z.array(operationLogEntrySchema),
  /** The filter as the clerk chose it, e.g. "2026年1月1日至2026年6月30日，全部台账". */
  filterDescription: z.string(),
  /** The issuing organisation printed in the signature block. */
  organisation: z.string().min(1, '请填写单位名称'),
  /** The report's date (YYYY-MM-DD); builders never read the clock. */
  generatedOn: isoDate,
  /** Offset used to print times; Beijing time unless the caller says otherwise. */
  utcOffsetMinutes: z.number().int().min(-720).max(840).optional(),
});
export type OperationLogReportInput = z.infer<typeof operationLogReportInputSchema>;

/**
 * The table fills the 225 mm landscape 版心 (style-kit/page.ts); time, operator, ledger name and
 * action are sized to stay on one line (工作方案与计划 must not break), the summary wraps.
 */
const COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 14, align: 'center', fit: 'whole' },
  { header: '时间', widthMm: 44, align: 'center', fit: 'whole' },
  { header: '操作员', widthMm: 24, align: 'center', fit: 'whole' },
  { header: '台账', widthMm: 30, align: 'center', fit: 'whole' },
  { header: '操作', widthMm: 16, align: 'center', fit: 'whole' },
  { header: '内容摘要', widthMm: 97 },
];
const LANDSCAPE_TEXT_MM = LANDSCAPE_TEXT_WIDTH_MM;

/** Record ids are UUIDs; the first 8 characters are enough to find the record again. */
function shortId(id: string): string {
  return id.slice(0, 8);
}

function entryRow(entry: OperationLogEntry, index: number, offset: number): string[] {
  const summary = entry.fields.trim() || '（无字段摘要）';
  return [
    String(index + 1),
    formatTimestamp(entry.at, offset),
    entry.operator || '（未署名）',
    entry.tableLabel,
    entry.action,
    `${summary}\n记录编号：${shortId(entry.recordId)}`,
  ];
}

/**
 * 操作记录 — the audit trail printed for an inspection: which operator added, changed or
 * deleted which ledger record, when. Rows are in time order, whatever order they arrive in.
 */
export function buildOperationLogReport(raw: OperationLogReportInput): Document {
  const input = operationLogReportInputSchema.parse(raw);
  const offset = input.utcOffsetMinutes ?? BEIJING_UTC_OFFSET_MINUTES;
  const entries = [...input.entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const filter = input.filterDescription.trim() || '全部记录';
  return createGbDocument({
    title: '操作记录',
    subject: `操作记录（${filter}）`,
    sections: [
      {
        orientation: 'landscape',
        children: [
          title('操作记录'),
          bodyParagraph(`筛选条件：${filter}。共${entries.length}条记录。`),
          ledgerTable({ columns: COLUMNS, rows: entries.map((e, i) => entryRow(e, i, offset)), totalMm: LANDSCAPE_TEXT_MM }),
          ...signatureBlock(input.organisation, toChineseDate(input.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function operationLogReportFileName(input: OperationLogReportInput): string {
  return docxFileName(`操作记录-${input.generatedOn}`);
}
