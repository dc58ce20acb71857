import { SectionType, type Document, type Paragraph, type ParagraphChild } from 'docx';
import { z } from 'zod';
import { docxFileName } from '../file-name';
import {
  certificateOrientations,
  certificateSchema,
  checkFieldsOnSheet,
  overlayFieldLabels,
  overlayFieldText,
  overlaySchema,
  type CertificateOrientation,
  type OverlayField,
  type OverlayOffset,
} from './certificate-input';
import { fieldLineTwips, OVERLAY_MARGINS_MM, overlayFieldParagraphs, sectionEnd } from './certificate-overlay';
import { labelMm, lineMm, rulerPositions, shapeHolder, tickLengthMm } from './calibration-marks';
import { certificateSizes, createSheetDocument, sheetPage, sheetSizeMm } from './certificate-style';

/**
 * 套打校准页: printed on plain A4 in the stock's orientation, laid on the certificate stock and
 * held against the light. Each field gets a crosshair at its printed top-left corner (measured
 * position + current offset), a bar showing its width, its label and nominal position, and
 * sample text in grey in exactly the frame the overlay uses. Rulers along the top and left
 * edges are in plain page coordinates, so the clerk can also check the printer's own shift.
 */
export const calibrationSheetInputSchema = z
  .object({
    orientation: z.enum(certificateOrientations),
    overlay: overlaySchema,
    /** Optional certificate whose texts are printed as samples; field names are used otherwise. */
    sample: certificateSchema.optional(),
  })
  .superRefine((input, ctx) => checkFieldsOnSheet(input.overlay.fields, input.orientation, input.sample ? [input.sample] : [], ctx));
export type CalibrationSheetInput = z.infer<typeof calibrationSheetInputSchema>;

/** Ruler base lines, this far in from the top and left paper edges (inside any printable area). */
export const RULER_BASE_MM = 12;
const CROSS_ARM_MM = 5;
const SAMPLE_GREY = '808080';
const LABEL = { font: 'hei', sizePt: certificateSizes.xiaoWu } as const;
const SMALL = { font: 'song', sizePt: 7 } as const;
/** 四号 宋体: read at arm's length while holding the sheet to the light. */
const INSTRUCTION = { font: 'song', sizePt: certificateSizes.si } as const;

/** "+1.5" / "−0.5" / "0": a signed millimetre figure as the clerk writes it. */
export function signedMm(value: number): string {
  // Half away from zero, so −0.25 prints as −0.3 like +0.25 prints as +0.3.
  const magnitude = Math.round(Math.abs(value) * 10) / 10;
  if (magnitude === 0) return '0';
  return value > 0 ? `+${magnitude}` : `−${magnitude}`;
}

function topRuler(widthMm: number): { shapes: ParagraphChild[]; labels: Paragraph[] } {
  const shapes: ParagraphChild[] = [lineMm(0, RULER_BASE_MM, widthMm, RULER_BASE_MM)];
  const labels: Paragraph[] = [];
  for (const x of rulerPositions(widthMm)) {
    shapes.push(lineMm(x, RULER_BASE_MM - tickLengthMm(x), x, RULER_BASE_MM));
    if (x % 50 === 0) labels.push(labelMm(String(x), { xMm: x - 6, yMm: RULER_BASE_MM + 0.8, widthMm: 12, align: 'center', style: SMALL }));
  }
  return { shapes, labels };
}

function leftRuler(heightMm: number): { shapes: ParagraphChild[]; labels: Paragraph[] } {
  const shapes: ParagraphChild[] = [lineMm(RULER_BASE_MM, 0, RULER_BASE_MM, heightMm)];
  const labels: Paragraph[] = [];
  for (const y of rulerPositions(heightMm)) {
    shapes.push(lineMm(RULER_BASE_MM - tickLengthMm(y), y, RULER_BASE_MM, y));
    if (y % 50 === 0) labels.push(labelMm(String(y), { xMm: RULER_BASE_MM + 0.8, yMm: y - 1.6, widthMm: 10, style: SMALL }));
  }
  return { shapes, labels };
}

/** Crosshair at the field's printed corner, a bar for its width with an end tick. */
function fieldShapes(field: OverlayField, offset: OverlayOffset): ParagraphChild[] {
  const x = field.xMm + offset.dxMm;
  const y = field.yMm + offset.dyMm;
  const end = x + field.widthMm;
  return [
    lineMm(x - CROSS_ARM_MM, y, x + CROSS_ARM_MM, y, 0.5),
    lineMm(x, y - CROSS_ARM_MM, x, y + CROSS_ARM_MM, 0.5),
    lineMm(x, y, end, y),
    lineMm(end, y - 2, end, y + 2),
  ];
}

/** "姓名　x 90 mm，y 80 mm，宽 60 mm" just above the field's bar. */
export function fieldCaption(field: OverlayField): string {
  return `${overlayFieldLabels[field.key]}　x ${field.xMm} mm，y ${field.yMm} mm，宽 ${field.widthMm} mm`;
}

function fieldLabel(field: OverlayField, offset: OverlayOffset): Paragraph {
  const x = field.xMm + offset.dxMm;
  const y = field.yMm + offset.dyMm;
  return labelMm(fieldCaption(field), { xMm: x + 1, yMm: y - 4.6, widthMm: Math.max(field.widthMm, 70), style: LABEL });
}

function sampleText(field: OverlayField, input: CalibrationSheetInput): string {
  return input.sample ? overlayFieldText(input.sample, field.key) : `${overlayFieldLabels[field.key]}样字`;
}

/** The Chinese instructions and the current offset, in a frame along the bottom edge. */
export function calibrationInstructions(orientation: CertificateOrientation, offset: OverlayOffset): string[] {
  const turn = orientation === 'landscape' ? '横向' : '纵向';
  return [
    `聘书套打校准页（A4${turn}）　当前偏移量：水平 ${signedMm(offset.dxMm)} mm（正值向右），垂直 ${signedMm(offset.dyMm)} mm（正值向下）`,
    '1. 用打印聘书的同一台打印机、同一纸盒，以实际大小（不缩放）打印本页。',
    '2. 将本页叠放在空白聘书上，四边对齐，对着光源查看：每个十字线交点是该字段文字的左上角（字的顶边），灰色文字为套打时的实际位置。',
    '3. 用直尺量出十字线与聘书上应填位置的差距：须向右（下）移动几毫米，就在偏移量上加几毫米；须向左（上）移动则减去。',
    '4. 用直尺量纸边到上、左标尺“50”刻度的距离，应为 50 mm，差值即为打印机自身的偏移。修改偏移量后重新打印本页核对，无误后再套打聘书。',
  ];
}

/**
 * The instructions go on a second page: on the first, any place could be where a clerk's stock
 * has a field (the default 编号 sits near the bottom edge), and printing over a field hides
 * the very crosshair being checked.
 */
function instructionPage(orientation: CertificateOrientation, offset: OverlayOffset): Paragraph[] {
  const sheet = sheetSizeMm(orientation);
  const frame = { xMm: RULER_BASE_MM + 8, yMm: 30, widthMm: sheet.width - 2 * (RULER_BASE_MM + 8) };
  return calibrationInstructions(orientation, offset).map((line, i) => labelMm(line, { ...frame, style: i === 0 ? { ...INSTRUCTION, font: 'hei' } : INSTRUCTION }));
}

export function buildCalibrationSheet(raw: CalibrationSheetInput): Document {
  const input = calibrationSheetInputSchema.parse(raw);
  const { offset, fields } = input.overlay;
  const sheet = sheetSizeMm(input.orientation);
  const top = topRuler(sheet.width);
  const left = leftRuler(sheet.height);
  const children: Paragraph[] = [
    shapeHolder([...top.shapes, ...left.shapes, ...fields.flatMap((f) => fieldShapes(f, offset))]),
    ...top.labels,
    ...left.labels,
    ...fields.flatMap((f) => [fieldLabel(f, offset), ...overlayFieldParagraphs(f, offset, sampleText(f, input), SAMPLE_GREY)]),
    sectionEnd(),
  ];
  const page = sheetPage(input.orientation, OVERLAY_MARGINS_MM);
  return createSheetDocument('聘书套打校准页', [
    { properties: { type: SectionType.NEXT_PAGE, page }, children },
    { properties: { type: SectionType.NEXT_PAGE, page }, children: [...instructionPage(input.orientation, offset), sectionEnd()] },
  ]);
}

export function calibrationSheetFileName(input: CalibrationSheetInput): string {
  return docxFileName(`聘书套打校准页-${input.orientation === 'landscape' ? '横向' : '纵向'}`);
}

/** Re-exported for tests: the line height a field's sample text uses. */
export { fieldLineTwips };
