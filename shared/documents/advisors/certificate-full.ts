import {
  AlignmentType,
  BorderStyle,
  FrameAnchorType,
  FrameWrap,
  LineRuleType,
  PageBorderDisplay,
  PageBorderOffsetFrom,
  Paragraph,
  SectionType,
  type ISectionOptions,
} from 'docx';
import { toChineseDate, wrapKeepingDates } from '../../format';
import { textWidthInChars } from '../style-kit/text-width';
import { mmToTwip, ptToTwip } from '../style-kit/units';
import type { CertificateOrientation, CertificateRecord } from './certificate-input';
import type { CertificatePage } from './certificate-page';
import { CERTIFICATE_RED, certificateRun, certificateSizes, sheetPage, sheetSizeMm, type SheetMarginsMm } from './certificate-style';

/**
 * The complete 聘书 page, printed on plain A4 and handed over at the 聘书颁发仪式 (seed 000 §三):
 * number at the upper right, "聘　书" in 初号 小标宋 red, the wording in 二号 楷体, the issuer
 * (自治区人民政府) and the date in Chinese numerals centred on one axis at the lower right,
 * inside a red double page border.
 */

interface FullLayout {
  margins: SheetMarginsMm;
  /** Space below the title, in points (the space above is computed, see blockTopPt). */
  titleAfterPt: number;
  /** Space between the wording and the issuer, in points. */
  issuerBeforePt: number;
  /** Issuer/date axis: characters of 二号 between it and the right margin. */
  signatureRightChars: number;
}

// Both layouts have room for five lines of wording (about 130 characters) on one page; the
// standard wording is about 60. The margins sit well inside the border.
const LAYOUTS: Record<CertificateOrientation, FullLayout> = {
  landscape: { margins: { top: 32, bottom: 24, left: 36, right: 36 }, titleAfterPt: 36, issuerBeforePt: 48, signatureRightChars: 2 },
  portrait: { margins: { top: 40, bottom: 36, left: 30, right: 30 }, titleAfterPt: 60, issuerBeforePt: 80, signatureRightChars: 1 },
};

/** The number sits in the upper right corner, 20 mm below the paper edge, out of the flow. */
const NUMBER_TOP_MM = 20;
const NUMBER_WIDTH_MM = 100;

/** Exact line height of the wording: 二号 at about 1.8 lines, as certificates are set airy. */
const BODY_LINE_PT = 40;
const BODY_LINE_TWIPS = ptToTwip(BODY_LINE_PT);
const TITLE_LINE_PT = 60;
const PT_PER_MM = 72 / 25.4;
const BODY = { font: 'kai', sizePt: certificateSizes.er } as const;
const INDENT_CHARS = 2;

/** Red 3 pt thick-thin double rule, 24 pt in from the paper edge (inside any printer's margin). */
const BORDER_SIDE = { style: BorderStyle.THICK_THIN_LARGE_GAP, size: 24, color: CERTIFICATE_RED, space: 24 } as const;
const PAGE_BORDERS = {
  pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.PAGE },
  pageBorderTop: BORDER_SIDE,
  pageBorderBottom: BORDER_SIDE,
  pageBorderLeft: { ...BORDER_SIDE, style: BorderStyle.THIN_THICK_LARGE_GAP },
  pageBorderRight: { ...BORDER_SIDE, style: BorderStyle.THIN_THICK_LARGE_GAP },
};

function numberLine(text: string, orientation: CertificateOrientation, layout: FullLayout): Paragraph {
  const sheet = sheetSizeMm(orientation);
  return new Paragraph({
    // A frame anchored to the page keeps the number in its corner while the rest is centred.
    frame: {
      type: 'absolute',
      position: { x: mmToTwip(sheet.width - layout.margins.right - NUMBER_WIDTH_MM), y: mmToTwip(NUMBER_TOP_MM) },
      width: mmToTwip(NUMBER_WIDTH_MM),
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.AROUND,
    },
    alignment: AlignmentType.RIGHT,
    spacing: { before: 0, after: 0, line: ptToTwip(24), lineRule: LineRuleType.EXACT },
    children: [certificateRun(text, { font: 'fangsong', sizePt: certificateSizes.si })],
  });
}

/** Characters of 二号 on a line of the wording. */
function lineChars(orientation: CertificateOrientation, layout: FullLayout): number {
  return ((sheetSizeMm(orientation).width - layout.margins.left - layout.margins.right) * PT_PER_MM) / BODY.sizePt;
}

/**
 * The wording's paragraphs (one per line of the text) cut so that no date breaks across lines:
 * where a date would not fit the rest of a line, the paragraph ends there and the next one starts
 * with the date. Each piece is justified with its short last line left as it is.
 */
export interface WordingPiece {
  text: string;
  lines: number;
  /** Starts with a date moved down from the line above: no first-line indent. */
  isContinuation: boolean;
}

export function wordingParagraphs(text: string, orientation: CertificateOrientation): WordingPiece[] {
  const chars = lineChars(orientation, LAYOUTS[orientation]);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => {
      const pieces: WordingPiece[] = [];
      let startsPiece = true;
      for (const wrapped of wrapKeepingDates(line, chars, INDENT_CHARS)) {
        if (startsPiece) pieces.push({ text: wrapped.text, lines: 1, isContinuation: pieces.length > 0 });
        else {
          pieces[pieces.length - 1].text += wrapped.text;
          pieces[pieces.length - 1].lines += 1;
        }
        startsPiece = wrapped.endsBeforeDate;
      }
      return pieces;
    });
}

/** Lines the wording takes. */
function wordingLines(text: string, orientation: CertificateOrientation): number {
  return wordingParagraphs(text, orientation).reduce((sum, p) => sum + p.lines, 0);
}

/**
 * Space above the title that puts the block (title, wording, issuer, date) a little above the
 * middle of the page — the optical centre — so a short wording does not leave the lower half
 * empty. Computed rather than left to w:vAlign, which LibreOffice ignores.
 */
export function blockTopPt(text: string, orientation: CertificateOrientation): number {
  const layout = LAYOUTS[orientation];
  const areaPt = (sheetSizeMm(orientation).height - layout.margins.top - layout.margins.bottom) * PT_PER_MM;
  const blockPt = TITLE_LINE_PT + layout.titleAfterPt + wordingLines(text, orientation) * BODY_LINE_PT + layout.issuerBeforePt + 2 * BODY_LINE_PT;
  return Math.max(0, Math.floor((areaPt - blockPt) * 0.42));
}

function titleLine(layout: FullLayout, beforePt: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: ptToTwip(beforePt), after: ptToTwip(layout.titleAfterPt), line: ptToTwip(TITLE_LINE_PT), lineRule: LineRuleType.EXACT },
    // "聘　书" with a full-width space, spread a further quarter of a character each side.
    children: [certificateRun('聘　书', { font: 'title', sizePt: certificateSizes.chu, color: CERTIFICATE_RED, characterSpacing: ptToTwip(10) })],
  });
}

function bodyLines(pieces: Pick<WordingPiece, 'text' | 'isContinuation'>[]): Paragraph[] {
  return pieces.map(
    (piece) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { before: 0, after: 0, line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
        // 首行缩进二字, as a letter; a piece that starts with a moved date continues the line.
        indent: piece.isContinuation ? undefined : { firstLine: ptToTwip(BODY.sizePt * INDENT_CHARS), firstLineChars: INDENT_CHARS * 100 },
        children: [certificateRun(piece.text, BODY)],
      }),
  );
}

/**
 * Issuer and date right-aligned on a common centre line: the shorter one gets the larger right
 * indent, by half the difference of their widths in characters. Returns the two right indents.
 */
function signatureIndents(issuer: string, date: string, layout: FullLayout): [number, number] {
  const charTwips = ptToTwip(BODY.sizePt);
  const widest = Math.max(textWidthInChars(issuer), textWidthInChars(date));
  const right = (text: string) => Math.round((layout.signatureRightChars + (widest - textWidthInChars(text)) / 2) * charTwips);
  return [right(issuer), right(date)];
}

function signatureLines(issuer: string, date: string, [issuerRight, dateRight]: [number, number], layout: FullLayout): Paragraph[] {
  const line = (text: string, right: number, before: number, keepNext: boolean) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext,
      spacing: { before, after: 0, line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
      indent: { right },
      children: [certificateRun(text, BODY)],
    });
  return [line(issuer, issuerRight, ptToTwip(layout.issuerBeforePt), true), line(date, dateRight, 0, false)];
}

/**
 * One certificate's page as its texts and a layout that depends on them only through `shape`:
 * pages of equal shape differ in their texts alone (certificate-page.ts fills them in).
 */
export function fullCertificatePage(cert: CertificateRecord, orientation: CertificateOrientation): CertificatePage {
  const layout = LAYOUTS[orientation];
  const pieces = wordingParagraphs(cert.bodyText, orientation);
  const date = toChineseDate(cert.issuedOn, { numerals: 'chinese' });
  const indents = signatureIndents(cert.issuer, date, layout);
  const top = blockTopPt(cert.bodyText, orientation);
  const n = pieces.length;
  return {
    shape: ['full', orientation, top, pieces.map((p) => (p.isContinuation ? 'c' : 'p')).join(''), indents.join(',')].join('|'),
    texts: [`编号：${cert.number}`, ...pieces.map((p) => p.text), cert.issuer, date],
    section: (texts) => ({
      properties: {
        type: SectionType.NEXT_PAGE,
        page: { ...sheetPage(orientation, layout.margins), borders: PAGE_BORDERS },
      },
      children: [
        numberLine(texts[0], orientation, layout),
        titleLine(layout, top),
        ...bodyLines(pieces.map((p, i) => ({ isContinuation: p.isContinuation, text: texts[1 + i] }))),
        ...signatureLines(texts[n + 1], texts[n + 2], indents, layout),
      ],
    }),
  };
}

/** The section of one certificate; every certificate starts a new page (SectionType.NEXT_PAGE). */
export function fullCertificateSection(cert: CertificateRecord, orientation: CertificateOrientation): ISectionOptions {
  const page = fullCertificatePage(cert, orientation);
  return page.section(page.texts);
}
