import type { Paragraph, Table } from 'docx';
import { toRmbUppercase } from '../../format';
import { bodyParagraph, ledgerTable, type LedgerColumn } from '../style-kit';
import type { AdvisorActivityRecord, AdvisorStipendRecord, AdvisorSuggestionRecord } from './advisor-records';
import { gbDate, yuanFigures } from './gb-extras';
import { LANDSCAPE_TEXT_WIDTH_MM } from '../style-kit/page';

/**
 * The three wide tables of the 工作台账 (seed 000 §七.(一).5), set in a landscape section at 小四:
 * the table fills the 225 mm landscape 版心 (style-kit/page.ts); 'whole' columns (dates, numbers,
 * unit names) are sized from their longest line so they never break, running text shares the
 * rest by the preferred widths below. Dates start a cell line, so they never break either.
 */
export const LEDGER_TABLE_FONT_PT = 12;
const LANDSCAPE_TEXT_MM = LANDSCAPE_TEXT_WIDTH_MM;

const ACTIVITY_COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 12, align: 'center', fit: 'whole' },
  { header: '日期', widthMm: 36, align: 'center', fit: 'whole' },
  { header: '工作形式', widthMm: 24, align: 'center', fit: 'whole' },
  { header: '工作职责', widthMm: 44 },
  { header: '内容', widthMm: 80 },
  { header: '地点', widthMm: 29 },
];

const SUGGESTION_COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 12, align: 'center', fit: 'whole' },
  { header: '提出日期', widthMm: 36, align: 'center', fit: 'whole' },
  { header: '意见建议', widthMm: 70 },
  { header: '报送单位', widthMm: 42, fit: 'whole' },
  { header: '采纳情况', widthMm: 35 },
  { header: '落实情况', widthMm: 35 },
];

const STIPEND_COLUMNS: LedgerColumn[] = [
  { header: '年度', widthMm: 20, align: 'center', fit: 'whole' },
  // seed 000 §六: 每人每年30万元（税后）.
  { header: '聘金（元，税后）', widthMm: 28, align: 'right', fit: 'whole' },
  { header: '金额（大写）', widthMm: 44, fit: 'whole' },
  { header: '拨付单位', widthMm: 33, fit: 'whole' },
  { header: '拨付日期', widthMm: 36, align: 'center', fit: 'whole' },
  { header: '凭证号', widthMm: 28, align: 'center', fit: 'whole' },
  { header: '备案日期', widthMm: 36, align: 'center', fit: 'whole' },
];

const table = (columns: LedgerColumn[], rows: string[][]) => ledgerTable({ columns, rows, fontPt: LEDGER_TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_MM });

const byDate = <T extends { date: string }>(rows: T[]) => [...rows].sort((a, b) => a.date.localeCompare(b.date));

/** Cell lines without the empty ones: a field nobody filled in is left blank, not "未填写". */
const lines = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join('\n');

/** A table, or one line saying the ledger has nothing for the year (a blank table looks lost). */
function tableOrNote(rows: string[][], build: () => Table, note: string): (Paragraph | Table)[] {
  return rows.length ? [build()] : [bodyParagraph(note)];
}

export function activitiesTable(activities: AdvisorActivityRecord[]): (Paragraph | Table)[] {
  const rows = byDate(activities).map((a, n) => [
    String(n + 1),
    gbDate(a.date),
    a.form,
    (a.duties ?? []).join('、'),
    lines(a.content, a.outcome && `取得成果：${a.outcome}`),
    a.location ?? '',
  ]);
  return tableOrNote(rows, () => table(ACTIVITY_COLUMNS, rows), '本年度暂无工作开展记录。');
}

/** 采纳情况: the status, then the feedback date on a line of its own, then the department's note. */
export function adoptionCell(s: AdvisorSuggestionRecord): string {
  if (s.feedbackStatus === '待反馈') return s.sentDate ? '待反馈' : '尚未报送';
  return lines(s.feedbackStatus, s.feedbackDate && `${gbDate(s.feedbackDate)}反馈`, s.feedbackNote);
}

/** 落实情况 (seed 000 §七(四)): blank until a department reports on it. */
export function implementationCell(s: AdvisorSuggestionRecord): string {
  if (!s.implementationStatus) return '';
  return lines(s.implementationStatus, s.implementationDate && gbDate(s.implementationDate), s.implementationNote);
}

export function suggestionsTable(suggestions: AdvisorSuggestionRecord[]): (Paragraph | Table)[] {
  const rows = byDate(suggestions).map((s, n) => [
    String(n + 1),
    gbDate(s.date),
    lines(s.title, s.content),
    lines(s.sentTo, s.sentTo && s.sentDate && `${gbDate(s.sentDate)}报送`),
    adoptionCell(s),
    implementationCell(s),
  ]);
  return tableOrNote(rows, () => table(SUGGESTION_COLUMNS, rows), '本年度暂无意见建议记录。');
}

/** 聘金 rows in figures and 人民币大写, with a 合计 row when there is more than one year. */
export function stipendsTable(stipends: AdvisorStipendRecord[]): (Paragraph | Table)[] {
  const sorted = [...stipends].sort((a, b) => a.year - b.year);
  const rows = sorted.map((s) => [
    `${s.year}年`,
    yuanFigures(s.amount),
    // The header says 大写; without a 人民币 prefix 叁拾万元整 leaves room for the unit's whole name.
    toRmbUppercase(s.amount),
    s.paidVia ?? '',
    s.paidDate ? gbDate(s.paidDate) : '未拨付',
    s.voucherNumber ?? '',
    s.filedDate ? gbDate(s.filedDate) : '未备案',
  ]);
  if (sorted.length > 1) {
    const total = sorted.reduce((sum, s) => sum + Math.round(s.amount * 100), 0) / 100;
    rows.push(['合计', yuanFigures(total), toRmbUppercase(total), '', '', '', '']);
  }
  return tableOrNote(rows, () => table(STIPEND_COLUMNS, rows), '暂无聘金拨付记录。');
}
