import { toChineseDate } from '../format';
import { ledgerTables, type LedgerTableName } from '../domain/ledgerTables';
import { defaultOrganisation } from '../domain/settings/schema';
import { advisorSampleInputs } from './advisors/sample-inputs';
import { commissionerSampleInputs } from './commissioners/sample-inputs';
import { consultationSampleInputs } from './consultations/sample-inputs';
import type { OperationLogEntry } from './audit/operation-log-report';
import { rectificationSampleInputs } from './rectification/sample-inputs';
import type { DocumentInput, DocumentKindId } from './registry';

/** The sample dataset as stored in resources/sample-data: ledger table name → plain records. */
export type SampleDataset = Record<string, unknown>;

type Row = Record<string, unknown>;

/** Fictional operators, as in the dataset (全部人物均为虚构). */
const OPERATORS = ['李文静', '黄志强'];

// Dates on which a clerk would plausibly have entered the record (never a planned, future date).
const DATE_KEYS = ['date', 'signedDate', 'meetingDate', 'reportedDate', 'paidDate', 'sentDate', 'termStart'];
const SUMMARY_KEYS = ['name', 'title', 'number', 'agreementNumber', 'protocolNumber', 'content', 'progress'];
const FALLBACK_DATE = '2026-01-05';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function firstOf(row: Row, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = text(row[key]);
    if (value) return value;
  }
  return undefined;
}

function truncate(s: string, max = 40): string {
  return [...s].length > max ? `${[...s].slice(0, max).join('')}…` : s;
}

/**
 * What the record is, as a clerk would name it: its name, title or number; a yearly record by
 * year and kind (2025年度聘金发放); never a bare "记录".
 */
function summarise(row: Row, label: string, date: string): string {
  const yearly = typeof row.year === 'number' ? `${row.year}年度${label.replace(/^年度/, '')}` : undefined;
  const head = firstOf(row, SUMMARY_KEYS) ?? yearly ?? `${label}（${toChineseDate(date)}）`;
  const status = text(row.status);
  return truncate(status ? `${head}（${status}）` : head);
}

/** A Beijing-time ISO timestamp on `date`, spread through the working day by `n`. */
function workingTime(date: string, n: number): string {
  const minutes = 9 * 60 + ((n * 37) % (8 * 60));
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00+08:00`;
}

function ledgerRows(dataset: SampleDataset): { table: LedgerTableName; row: Row }[] {
  const out: { table: LedgerTableName; row: Row }[] = [];
  for (const [table, rows] of Object.entries(dataset)) {
    if (table === 'settings' || !(table in ledgerTables) || !Array.isArray(rows)) continue;
    for (const row of rows) if (row && typeof row === 'object') out.push({ table: table as LedgerTableName, row: row as Row });
  }
  return out;
}

/**
 * Plausible 操作记录 for the sample dataset: each record entered (新增) on its own date, and a
 * later 修改 for records whose status moved on. The dataset carries no oplog of its own.
 */
export function sampleOperationLog(dataset: SampleDataset): OperationLogEntry[] {
  const entries: OperationLogEntry[] = [];
  ledgerRows(dataset).forEach(({ table, row }, i) => {
    const date = firstOf(row, DATE_KEYS) ?? FALLBACK_DATE;
    const base = { operator: OPERATORS[i % OPERATORS.length], tableLabel: ledgerTables[table].label, recordId: String(row.id ?? '') };
    entries.push({ ...base, at: workingTime(date, i), action: '新增', fields: summarise(row, base.tableLabel, date) });
    const completed = text(row.completedDate);
    const status = text(row.status);
    if (completed && status) {
      // Every date a clerk reads is in Chinese form, in running text too.
      entries.push({ ...base, at: workingTime(completed, i + 5), action: '修改', fields: `状态改为“${status}”，完成日期${toChineseDate(completed)}` });
    }
  });
  return entries;
}

function calendarDate(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * The input of every document kind, built from the sample dataset (resources/sample-data).
 * scripts/sample-docs writes one file per kind from this; a new kind adds its sample here, and
 * the type makes a missing one a compile error.
 */
export function sampleInputs(dataset: SampleDataset): { [K in DocumentKindId]: DocumentInput<K> } {
  const entries = sampleOperationLog(dataset);
  const dates = entries.map((e) => calendarDate(e.at)).sort();
  const first = dates[0] ?? FALLBACK_DATE;
  const last = dates[dates.length - 1] ?? FALLBACK_DATE;
  return {
    operationLogReport: {
      entries,
      filterDescription: `${toChineseDate(first)}至${toChineseDate(last)}，全部台账，全部操作员`,
      organisation: defaultOrganisation.department,
      generatedOn: last,
    },
    ledgerListing: sampleLedgerListing(dataset, last),
    ...advisorSampleInputs(dataset),
    ...rectificationSampleInputs(),
    ...commissionerSampleInputs(dataset),
    ...consultationSampleInputs(dataset),
  };
}

/** 科技顾问名册 as the roster shows it: name, title, unit, status, term. */
function sampleLedgerListing(dataset: SampleDataset, generatedOn: string): DocumentInput<'ledgerListing'> {
  const advisors = (Array.isArray(dataset.advisors) ? dataset.advisors : []) as Row[];
  return {
    title: '科技顾问名册',
    columns: [
      { header: '姓名', screenWidth: 110 },
      { header: '院士称号', screenWidth: 150 },
      { header: '所在单位', screenWidth: 220 },
      { header: '状态', screenWidth: 90, align: 'center' },
      { header: '聘期', screenWidth: 200, align: 'center' },
    ],
    rows: advisors.map((a) => [text(a.name) ?? '', text(a.honorific) ?? '', text(a.homeInstitution) ?? '', text(a.status) ?? '', [text(a.termStart), text(a.termEnd)].filter(Boolean).join(' 至 ')]),
    scopeDescription: `全部 ${advisors.length} 位科技顾问`,
    organisation: defaultOrganisation.department,
    generatedOn,
  };
}
