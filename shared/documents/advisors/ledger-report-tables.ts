import type { Paragraph, Table } from 'docx';
import { toRmbUppercase } from '../../format';
import { bodyParagraph, ledgerTable, type LedgerColumn } from '../style-kit';
import type { AdvisorActivityRecord, AdvisorStipendRecord, AdvisorSuggestionRecord } from './advisor-records';
import { gbDate, yuanFigures } from './gb-extras';

/**
 * The three wide tables of the 工作台账 (seed 000 §七.(一).5), set in a landscape section: column
 * widths sum to the 225 mm landscape 版心 (style-kit/page.ts). Date columns are 36 mm so that
 * 2026年12月28日 in 小四 stays on one line even where the renderer adds 中西文间距.
 */

const ACTIVITY_COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 12, align: 'center' },
  { header: '日期', widthMm: 36, align: 'center' },
  { header: '工作形式', widthMm: 24, align: 'center' },
  { header: '工作职责', widthMm: 44 },
  { header: '内容', widthMm: 77 },
  { header: '地点', widthMm: 32, align: 'center' },
];

const SUGGESTION_COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 12, align: 'center' },
  { header: '提出日期', widthMm: 36, align: 'center' },
  { header: '意见建议', widthMm: 66 },
  { header: '报送单位', widthMm: 42 },
  { header: '采纳情况', widthMm: 22, align: 'center' },
  { header: '反馈日期/说明', widthMm: 47 },
];

const STIPEND_COLUMNS: LedgerColumn[] = [
  { header: '年度', widthMm: 20, align: 'center' },
  { header: '金额（元）', widthMm: 28, align: 'right' },
  { header: '金额（大写）', widthMm: 44 },
  { header: '拨付单位', widthMm: 33 },
  { header: '拨付日期', widthMm: 36, align: 'center' },
  { header: '凭证号', widthMm: 28, align: 'center' },
  { header: '备案日期', widthMm: 36, align: 'center' },
];

const byDate = <T extends { date: string }>(rows: T[]) => [...rows].sort((a, b) => a.date.localeCompare(b.date));

/** A table, or one line saying the ledger has nothing for the year (a blank table looks lost). */
function tableOrNote(rows: string[][], table: () => Table, note: string): (Paragraph | Table)[] {
  return rows.length ? [table()] : [bodyParagraph(note)];
}

export function activitiesTable(activities: AdvisorActivityRecord[]): (Paragraph | Table)[] {
  const rows = byDate(activities).map((a, n) => [
    String(n + 1),
    gbDate(a.date),
    a.form,
    (a.duties ?? []).join('、') || '—',
    a.content,
    a.location || '—',
  ]);
  return tableOrNote(rows, () => ledgerTable({ columns: ACTIVITY_COLUMNS, rows }), '本年度暂无工作开展记录。');
}

function feedbackText(s: AdvisorSuggestionRecord): string {
  if (s.feedbackStatus === '待反馈') return s.sentDate ? '尚未反馈' : '尚未报送';
  const parts = [s.feedbackDate ? `${gbDate(s.feedbackDate)}反馈` : '', s.feedbackNote ?? ''].filter(Boolean);
  return parts.join('：') || '—';
}

export function suggestionsTable(suggestions: AdvisorSuggestionRecord[]): (Paragraph | Table)[] {
  const rows = byDate(suggestions).map((s, n) => [
    String(n + 1),
    gbDate(s.date),
    s.content ? `${s.title}\n${s.content}` : s.title,
    s.sentTo ? `${s.sentTo}${s.sentDate ? `\n（${gbDate(s.sentDate)}报送）` : ''}` : '未报送',
    s.feedbackStatus,
    feedbackText(s),
  ]);
  return tableOrNote(rows, () => ledgerTable({ columns: SUGGESTION_COLUMNS, rows }), '本年度暂无意见建议记录。');
}

/** 聘金 rows in figures and 人民币大写, with a 合计 row when there is more than one year. */
export function stipendsTable(stipends: AdvisorStipendRecord[]): (Paragraph | Table)[] {
  const sorted = [...stipends].sort((a, b) => a.year - b.year);
  const rows = sorted.map((s) => [
    `${s.year}年`,
    yuanFigures(s.amount),
    `人民币${toRmbUppercase(s.amount)}`,
    s.paidVia || '—',
    s.paidDate ? gbDate(s.paidDate) : '未拨付',
    s.voucherNumber || '—',
    s.filedDate ? gbDate(s.filedDate) : '未备案',
  ]);
  if (sorted.length > 1) {
    const total = sorted.reduce((sum, s) => sum + Math.round(s.amount * 100), 0) / 100;
    rows.push(['合计', yuanFigures(total), `人民币${toRmbUppercase(total)}`, '', '', '', '']);
  }
  return tableOrNote(rows, () => ledgerTable({ columns: STIPEND_COLUMNS, rows }), '暂无聘金拨付记录。');
}
