import { csvLines, toCsv } from '../../../../shared/excel/csv';
import { EXPORT_BLOCK, csvCell, toExportCell, type ExportCell, type ExportKind, type ExportSheetSpec } from '../../../../shared/excel/exportSheet';
import type { LedgerColumn } from '../LedgerTable/types';
import { writeLedgerWorkbook } from './excelClient';

/** Columns that are controls on screen (row actions, checkboxes), not data. */
const SCREEN_ONLY_COLUMNS = new Set(['actions', 'select']);
export { EXPORT_BLOCK };

export interface LedgerExportJob<T> {
  title: string;
  /** The columns on screen, in their order (列显示 decides). */
  columns: readonly LedgerColumn<T>[];
  /** The rows to write, in order: what is on screen (filters, search, sort) or the whole ledger. */
  ids: readonly string[];
  /** Reads rows by id (a paged ledger reads each block from the database). */
  rowsOf: (ids: readonly string[]) => Promise<readonly T[]>;
  /** 筛选出的 12 条（共 40 条） / 全部 40 条. */
  scope: string;
  /** 'YYYY-MM-DD HH:mm' of the export, printed under the title. */
  exportedAt: string;
  onProgress?: (done: number, total: number) => void;
}

export function exportedColumns<T>(columns: readonly LedgerColumn<T>[]): LedgerColumn<T>[] {
  return columns.filter((c) => c.exportAs !== 'none' && !SCREEN_ONLY_COLUMNS.has(c.id));
}

function kindOf<T>(column: LedgerColumn<T>): ExportKind | undefined {
  if (column.exportAs && column.exportAs !== 'none') return column.exportAs;
  return column.filter === 'dateRange' ? 'date' : undefined;
}

export function exportRow<T>(columns: readonly LedgerColumn<T>[], row: T): ExportCell[] {
  return columns.map((c) => toExportCell(c.exportValue ? c.exportValue(row) : c.accessor(row), kindOf(c)));
}

export function exportSpec<T>(job: Pick<LedgerExportJob<T>, 'title' | 'columns' | 'scope' | 'exportedAt'> & { ids?: readonly string[] }): ExportSheetSpec {
  return {
    ...(job.ids ? { rowCount: job.ids.length } : {}),
    title: job.title,
    subtitle: `${job.scope}；导出于 ${job.exportedAt}`,
    sheetName: job.title,
    columns: exportedColumns(job.columns).map((c) => ({ header: c.header, kind: kindOf(c) })),
  };
}

/** Reads the job's rows block by block. */
function blocks<T>(job: LedgerExportJob<T>, columns: readonly LedgerColumn<T>[]): () => Promise<ExportCell[][] | null> {
  let next = 0;
  return async () => {
    if (next >= job.ids.length) return null;
    const ids = job.ids.slice(next, next + EXPORT_BLOCK);
    const rows = await job.rowsOf(ids);
    next += ids.length;
    job.onProgress?.(next, job.ids.length);
    return rows.map((r) => exportRow(columns, r));
  };
}

/** The .xlsx: title, subtitle, frozen header, typed cells (the worker writes it). */
export function exportLedgerXlsx<T>(job: LedgerExportJob<T>): Promise<Uint8Array> {
  return writeLedgerWorkbook(exportSpec(job), blocks(job, exportedColumns(job.columns)));
}

/** The same rows as a CSV (header row and data, every text cell neutralised), encoded block by block. */
export async function exportLedgerCsv<T>(job: LedgerExportJob<T>): Promise<Uint8Array> {
  const columns = exportedColumns(job.columns);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(toCsv([columns.map((c) => c.header)]))];
  const next = blocks(job, columns);
  for (let rows = await next(); rows; rows = await next()) parts.push(encoder.encode(csvLines(rows.map((r) => r.map(csvCell)))));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** 科技顾问名册_20261130.xlsx — safe on Windows. */
export function exportFileName(title: string, date: string, extension: 'xlsx' | 'csv'): string {
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '台账';
  return `${clean}_${date.replace(/-/g, '')}.${extension}`;
}
