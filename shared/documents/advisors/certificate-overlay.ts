import { AlignmentType, FrameAnchorType, FrameWrap, HeightRule, LineRuleType, Paragraph, SectionType, type ISectionOptions } from 'docx';
import { OVERLAY_LINE_GAP, overlayFieldLines } from '../../domain/advisors/overlayGeometry';
import { mmToTwip, ptToTwip } from '../style-kit/units';
import { overlayFieldText, type CertificateOrientation, type CertificateRecord, type OverlayField, type OverlayLayout, type OverlayOffset } from './certificate-input';
import type { CertificatePage } from './certificate-page';
import { certificateRun, sheetPage } from './certificate-style';

/**
 * 套打: only the variable text, each field in a text frame anchored to the PAGE at the measured
 * position plus the printer's offset (DOMAIN §5), to be printed on pre-printed certificate stock.
 *
 * Why frames anchored to the page and not margins of zero: many printer drivers refuse or
 * silently shift a page whose margins lie inside their unprintable border, and Word warns
 * about it. A frame with hAnchor/vAnchor="page" is placed at absolute page coordinates however
 * large the margins are, so the section keeps ordinary 10 mm margins and the field positions
 * mean exactly what the clerk measured on the stock with a ruler.
 */

/** The sheet's margins: irrelevant to the frames, kept inside every printer's printable area. */
export const OVERLAY_MARGINS_MM = { top: 10, bottom: 10, left: 10, right: 10 } as const;

/**
 * Line height inside a field: exactly the font size, no space before or after, so the
 * characters fill the line and their top is the frame's top (overlayGeometry.ts). Wrapped
 * lines are separate paragraphs in the same frame, OVERLAY_LINE_GAP apart.
 */
export function fieldLineTwips(fontSizePt: number): number {
  return ptToTwip(fontSizePt);
}

export interface FramePosition {
  x: number;
  y: number;
  width: number;
}

/** Frame position in twips: Math.round((mm + offset) × 1440 / 25.4), as Word stores it. */
export function overlayFramePosition(field: Pick<OverlayField, 'xMm' | 'yMm' | 'widthMm'>, offset: OverlayOffset): FramePosition {
  return {
    x: mmToTwip(field.xMm + offset.dxMm),
    y: mmToTwip(field.yMm + offset.dyMm),
    width: mmToTwip(field.widthMm),
  };
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * One absolutely positioned field: a frame at the measured ink top-left plus the printer's
 * offset, one paragraph per line (dates kept whole, overlayFieldLines). Paragraphs with
 * identical frame properties share one frame in Word and LibreOffice, so the lines stack from
 * the measured top edge; different fields differ in position and stay apart.
 */
export function overlayFieldParagraphs(field: OverlayField, offset: OverlayOffset, text: string, color = '000000'): Paragraph[] {
  return overlayLineParagraphs(field, offset, overlayFieldLines(field, text).map((l) => l.text), color);
}

function overlayLineParagraphs(field: OverlayField, offset: OverlayOffset, lines: readonly string[], color = '000000'): Paragraph[] {
  const { x, y, width } = overlayFramePosition(field, offset);
  const line = fieldLineTwips(field.fontSizePt);
  return lines.map(
    (text, i) =>
      new Paragraph({
        frame: {
          type: 'absolute',
          position: { x, y },
          width,
          anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
          wrap: FrameWrap.AROUND,
          rule: HeightRule.AUTO,
        },
        alignment: ALIGN[field.align ?? 'left'],
        spacing: { before: 0, after: i < lines.length - 1 ? Math.round(line * OVERLAY_LINE_GAP) : 0, line, lineRule: LineRuleType.EXACT },
        children: [certificateRun(text, { font: field.font ?? 'kai', sizePt: field.fontSizePt, color })],
      }),
  );
}

/** An empty 2 pt line that carries the section break and prints nothing. */
export function sectionEnd(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwip(2), lineRule: LineRuleType.EXACT }, children: [] });
}

/** One certificate's variable text as its lines and a layout that depends on them only through `shape`. */
export function overlayCertificatePage(cert: CertificateRecord, orientation: CertificateOrientation, overlay: OverlayLayout): CertificatePage {
  const lines = overlay.fields.map((field) => overlayFieldLines(field, overlayFieldText(cert, field.key)).map((l) => l.text));
  return {
    shape: ['overlay', orientation, lines.map((l) => l.length).join(',')].join('|'),
    texts: lines.flat(),
    section: (texts) => {
      let next = 0;
      return {
        properties: { type: SectionType.NEXT_PAGE, page: sheetPage(orientation, OVERLAY_MARGINS_MM) },
        children: [
          ...overlay.fields.flatMap((field, f) => overlayLineParagraphs(field, overlay.offset, texts.slice(next, (next += lines[f].length)))),
          // An ordinary empty paragraph ends the section: docx writes the section break into the
          // last paragraph, and a break inside a frame is ignored by Word and LibreOffice.
          sectionEnd(),
        ],
      };
    },
  };
}

/** The section of one certificate's variable text; each certificate starts a new page. */
export function overlayCertificateSection(cert: CertificateRecord, orientation: CertificateOrientation, overlay: OverlayLayout): ISectionOptions {
  const page = overlayCertificatePage(cert, orientation, overlay);
  return page.section(page.texts);
}
