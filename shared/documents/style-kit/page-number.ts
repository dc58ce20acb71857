import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { gbStyleIds } from './styles';
import { ptToTwip, zihao } from './units';

/** 一字线 (U+2014): GB/T 9704-2012 §7.5 puts one on each side of the number. */
const EM_DASH = '\u2014';

/** §7.5: 单页码居右空一字，双页码居左空一字 — one 四号 character is 14 pt. */
const ONE_CHARACTER = ptToTwip(zihao.si);

function pageNumberParagraph(side: 'odd' | 'even'): Paragraph {
  return new Paragraph({
    style: gbStyleIds.pageNumber,
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: ONE_CHARACTER } : { left: ONE_CHARACTER },
    children: [new TextRun({ children: [`${EM_DASH} `, PageNumber.CURRENT, ` ${EM_DASH}`] })],
  });
}

/**
 * Odd and even footers. Word shows `even` only when settings.xml has evenAndOddHeaders, which
 * createGbDocument always turns on; `default` then serves the odd pages.
 */
export function gbPageNumberFooters(): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph('odd')] }),
    even: new Footer({ children: [pageNumberParagraph('even')] }),
  };
}
