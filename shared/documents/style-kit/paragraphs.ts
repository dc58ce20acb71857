import { Paragraph, TextRun } from 'docx';
import { LINE_PITCH_TWIPS } from './page';
import { gbStyleIds } from './styles';
import { textWidthInChars } from './text-width';
import { ptToTwip, zihao } from './units';

/** Runs for text that may hold line breaks ("\n"), e.g. a two-line title. */
function runs(text: string): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1 }));
}

function styled(style: string, text: string): Paragraph {
  return new Paragraph({ style, children: runs(text) });
}

/** §7.3.3 标题 — 2号小标宋体, centred, followed by one blank line. "\n" splits a long title. */
export function title(text: string): Paragraph {
  return styled(gbStyleIds.title, text);
}

/** 一级标题 "一、……" — 黑体. The caller writes the ordinal, as offices number by hand. */
export function heading1(text: string): Paragraph {
  return styled(gbStyleIds.heading1, text);
}

/** 二级标题 "（一）……" — 楷体. */
export function heading2(text: string): Paragraph {
  return styled(gbStyleIds.heading2, text);
}

/** 三级标题 "1.……" — 仿宋 bold. */
export function heading3(text: string): Paragraph {
  return styled(gbStyleIds.heading3, text);
}

/** 四级标题 "（1）……" — 仿宋. */
export function heading4(text: string): Paragraph {
  return styled(gbStyleIds.heading4, text);
}

/**
 * 正文 — 3号仿宋, 2-character first-line indent. `keepWithNext` for the paragraph right before the
 * 署名: the signature and date must not stand alone on a page without body text (GB/T 9704
 * §7.3.5: 调整行距、字距 rather than leave them by themselves), so its last lines move with them.
 */
export function bodyParagraph(text: string, keepWithNext = false): Paragraph {
  return new Paragraph({ style: gbStyleIds.body, keepNext: keepWithNext || undefined, children: runs(text) });
}

/** An empty body line (空一行), one grid line high. */
export function blankLine(): Paragraph {
  return new Paragraph({ style: gbStyleIds.body, children: [] });
}

/** One 三号 character in twips: the unit GB/T 9704 uses for "右空二字". */
const CHAR_TWIPS = ptToTwip(zihao.san);

/**
 * §7.3.5.1 加盖印章 (sealed: 邀请函, reports sent upward) or §7.3.5.2 不加盖印章 (internal
 * registers and records). Each document kind picks one.
 */
export type SignatureKind = 'sealed' | 'unsealed';

export interface SignatureIndents {
  /** Right indent of the organisation line, in characters. */
  orgRightChars: number;
  dateRightChars: number;
}

/**
 * Right indents (in characters) for the issuing organisation and the date.
 * - unsealed, §7.3.5.2: 署名右空二字; 成文日期在署名下一行，首字比署名首字右移二字; 如成文日期长于
 *   署名，成文日期右空二字，相应增加署名右空字数.
 * - sealed, §7.3.5.1: 成文日期右空四字; 以成文日期为准居中编排发文机关署名 — the organisation's
 *   centre over the date's, however close that brings it to the margin (自治区党委科技委员会办公室,
 *   13 characters over a 7-character date, ends 1 character in). Only an organisation longer than
 *   the date by more than 8 characters, which would cross the margin, moves the date left.
 */
export function signatureIndents(org: string, date: string, kind: SignatureKind = 'unsealed'): SignatureIndents {
  const orgWidth = Math.max(...org.split('\n').map(textWidthInChars));
  const dateWidth = textWidthInChars(date);
  if (kind === 'sealed') {
    const orgRightChars = 4 + (dateWidth - orgWidth) / 2;
    if (orgRightChars >= 0) return { orgRightChars, dateRightChars: 4 };
    return { orgRightChars: 0, dateRightChars: (orgWidth - dateWidth) / 2 };
  }
  // The date starts 2 characters right of the organisation: W − rD − dW = W − rO − oW + 2,
  // so rD = rO + oW − dW − 2; with rO = 2 that is oW − dW.
  const dateRightChars = orgWidth - dateWidth;
  if (dateRightChars >= 2) return { orgRightChars: 2, dateRightChars };
  return { orgRightChars: dateWidth - orgWidth + 4, dateRightChars: 2 };
}

/**
 * Blank lines between the body and the organisation: one when unsealed (§7.3.5.2: 在正文（或附件
 * 说明）下空一行); two when sealed, so that the seal (about four lines high, 印章顶端应当上距正文
 * 一行之内) presses on the organisation and the date from above their centre (居印章中心偏下位置).
 */
const LINES_ABOVE = { sealed: 2, unsealed: 1 } as const;

/**
 * 署名和成文日期, right-aligned with the indents of `signatureIndents`. `date` is the text as
 * printed, e.g. "2026年5月8日" (§7.3.5.3: Arabic numerals, no leading zeros). `kind` defaults to
 * the unsealed layout the kit always had.
 */
export function signatureBlock(org: string, date: string, kind: SignatureKind = 'unsealed'): Paragraph[] {
  const { orgRightChars, dateRightChars } = signatureIndents(org, date, kind);
  return [
    new Paragraph({
      style: gbStyleIds.signature,
      spacing: { before: LINE_PITCH_TWIPS * LINES_ABOVE[kind] },
      indent: { right: Math.round(orgRightChars * CHAR_TWIPS) },
      children: runs(org),
    }),
    new Paragraph({
      style: gbStyleIds.signature,
      indent: { right: Math.round(dateRightChars * CHAR_TWIPS) },
      children: runs(date),
    }),
  ];
}
