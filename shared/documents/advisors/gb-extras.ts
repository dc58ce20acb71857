import { Paragraph, TextRun } from 'docx';
import { toChineseDate } from '../../format';
import { gbStyleIds } from '../style-kit';

/**
 * Small additions to the GB/T 9704 kit for advisor documents, built on its styles so the
 * fonts, sizes and grid stay the kit's.
 */

/** 主送机关/称呼 — body text flush left (GB/T 9704-2012 §7.3.4: 居左顶格). */
export function flushLeftParagraph(text: string): Paragraph {
  return new Paragraph({ style: gbStyleIds.body, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(text)] });
}

/** A 2026-05-10 date as printed in 公文 body text and tables: 2026年5月10日 (§7.3.5.3). */
export function gbDate(iso: string | undefined, missing = '—'): string {
  return iso ? toChineseDate(iso) : missing;
}

/** "2026年11月20日至22日", "2026年11月30日至12月2日", or one day. */
export function gbDateRange(start: string, end?: string): string {
  if (!end || end === start) return gbDate(start);
  const [y1, m1] = start.split('-').map(Number);
  const [y2, m2, d2] = end.split('-').map(Number);
  if (y1 !== y2) return `${gbDate(start)}至${gbDate(end)}`;
  if (m1 !== m2) return `${gbDate(start)}至${m2}月${d2}日`;
  return `${gbDate(start)}至${d2}日`;
}

/** 300000 → "300,000.00": money in figures as in a 凭证. */
export function yuanFigures(amount: number): string {
  const [int, frac] = amount.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** 中国工程院院士 → 院士, for the salutation "尊敬的陈思远院士". */
export function salutationTitle(honorific: string): string {
  const h = honorific.trim();
  return h.endsWith('院士') ? '院士' : h;
}
