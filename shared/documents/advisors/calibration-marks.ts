import { AlignmentType, FrameAnchorType, FrameWrap, HorizontalPositionRelativeFrom, LineRuleType, Paragraph, VerticalPositionRelativeFrom, type ParagraphChild } from 'docx';
import { ShapeRun } from 'docx/shapes';
import { mmToTwip, ptToTwip } from '../style-kit/units';
import { certificateRun, type RunStyle } from './certificate-style';

/**
 * Drawing primitives of the 套打 calibration sheet, all in millimetres from the paper's top-left
 * corner. Lines are DrawingML shapes anchored to the page by EMU offsets (36 000 per mm, exact);
 * labels are text frames anchored to the page, the same mechanism the overlay fields use.
 */

const EMU_PER_MM = 36_000;
/** docx sizes shapes in CSS pixels (96 per inch) and converts them to EMU itself. */
const PX_PER_MM = 96 / 25.4;

/** A straight line from (x1, y1) to (x2, y2), horizontal or vertical, 0.25 pt black. */
export function lineMm(x1: number, y1: number, x2: number, y2: number, widthPt = 0.25): ShapeRun {
  const left = Math.min(x1, x2);
  const top = Math.min(y1, y2);
  return new ShapeRun({
    type: 'line',
    transformation: { width: Math.abs(x2 - x1) * PX_PER_MM, height: Math.abs(y2 - y1) * PX_PER_MM },
    line: { color: '000000', width: widthPt },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.PAGE, offset: Math.round(left * EMU_PER_MM) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: Math.round(top * EMU_PER_MM) },
      allowOverlap: true,
      behindDocument: false,
    },
  });
}

/** One paragraph that only anchors shapes: no text, a 1 pt line, so it takes no room. */
export function shapeHolder(shapes: ParagraphChild[]): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwip(1), lineRule: LineRuleType.EXACT }, children: shapes });
}

export interface LabelOptions {
  xMm: number;
  yMm: number;
  widthMm: number;
  align?: 'left' | 'center' | 'right';
  style: RunStyle;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * Text in a frame anchored to the page. Paragraphs given identical options stack inside one
 * frame (Word and LibreOffice merge adjacent frames with identical properties).
 */
export function labelMm(text: string, { xMm, yMm, widthMm, align = 'left', style }: LabelOptions): Paragraph {
  return new Paragraph({
    frame: {
      type: 'absolute',
      position: { x: mmToTwip(xMm), y: mmToTwip(yMm) },
      width: mmToTwip(widthMm),
      anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
      wrap: FrameWrap.AROUND,
    },
    alignment: ALIGN[align],
    spacing: { before: 0, after: 0, line: ptToTwip(style.sizePt * 1.4), lineRule: LineRuleType.EXACT },
    children: [certificateRun(text, style)],
  });
}

/** Tick length for a position on the ruler: long every 50 mm, medium every 10, short every 5. */
export function tickLengthMm(positionMm: number): number {
  if (positionMm % 50 === 0) return 6;
  if (positionMm % 10 === 0) return 3.5;
  return 1.5;
}

/** Positions of ruler ticks along an edge of `lengthMm`: every 5 mm, from 5 to the edge. */
export function rulerPositions(lengthMm: number): number[] {
  const out: number[] = [];
  for (let p = 5; p < lengthMm; p += 5) out.push(p);
  return out;
}
