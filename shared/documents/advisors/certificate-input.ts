import { z } from 'zod';
import { isoDate } from '../../domain/common';

/**
 * Input of the 聘书 (seed 000 §三.(一): 聘书以自治区人民政府名义聘任) and of its 套打 calibration
 * sheet. Plain data only: the wording is filled in by the caller from the editable template.
 */

export const certificateOrientations = ['landscape', 'portrait'] as const;
export type CertificateOrientation = (typeof certificateOrientations)[number];

export const certificateModes = ['full', 'overlay'] as const;

export const overlayFieldKeys = ['name', 'bodyText', 'number', 'issuer', 'date'] as const;
export type OverlayFieldKey = (typeof overlayFieldKeys)[number];

export const certificateFontKeys = ['kai', 'fangsong', 'song', 'hei'] as const;
export type CertificateFontKey = (typeof certificateFontKeys)[number];

/** Chinese names of the variable fields, printed on the calibration sheet and in errors. */
export const overlayFieldLabels: Record<OverlayFieldKey, string> = {
  name: '姓名',
  bodyText: '正文',
  number: '编号',
  issuer: '落款',
  date: '日期',
};

export const certificateSchema = z.object({
  /** 聘书编号, e.g. 桂科顾聘〔2025〕1号. */
  number: z.string().trim().min(1, '请填写聘书编号'),
  name: z.string().trim().min(1, '请填写姓名'),
  /** The full wording, already filled: "兹聘请 陈思远 院士为广西科技顾问，聘期自…至…。" */
  bodyText: z.string().trim().min(1, '请填写聘书正文'),
  /** 落款, normally 广西壮族自治区人民政府. */
  issuer: z.string().trim().min(1, '请填写落款单位'),
  issuedOn: isoDate,
  /**
   * A replacement print under the original number. The certificate itself looks the same (it
   * is the same appointment); the 发放登记簿 records it as 补打（原号）.
   */
  isReprint: z.boolean().optional(),
});
export type CertificateRecord = z.infer<typeof certificateSchema>;

const mm = (max: number) => z.number().finite().min(0).max(max);

export const overlayFieldSchema = z.object({
  key: z.enum(overlayFieldKeys),
  /** Top-left corner of the field's text box, measured from the sheet's top-left corner. */
  xMm: mm(297),
  yMm: mm(297),
  widthMm: z.number().finite().positive().max(297),
  fontSizePt: z.number().finite().min(5).max(72),
  font: z.enum(certificateFontKeys).optional(),
  align: z.enum(['left', 'center', 'right']).optional(),
});
export type OverlayField = z.infer<typeof overlayFieldSchema>;

/** The printer's measured shift (positive: right / down), added to every field. */
export const overlayOffsetSchema = z.object({
  dxMm: z.number().finite().min(-50).max(50),
  dyMm: z.number().finite().min(-50).max(50),
});
export type OverlayOffset = z.infer<typeof overlayOffsetSchema>;

export const overlaySchema = z.object({
  fields: z.array(overlayFieldSchema).min(1, '套打至少需要一个字段'),
  offset: overlayOffsetSchema,
});
export type OverlayLayout = z.infer<typeof overlaySchema>;

export const appointmentCertificateInputSchema = z
  .object({
    mode: z.enum(certificateModes),
    orientation: z.enum(certificateOrientations),
    certificates: z.array(certificateSchema).min(1, '请至少选择一份聘书'),
    overlay: overlaySchema.optional(),
  })
  .refine((input) => input.mode !== 'overlay' || input.overlay !== undefined, {
    message: '套打模式需要字段位置和偏移量',
    path: ['overlay'],
  });
export type AppointmentCertificateInput = z.infer<typeof appointmentCertificateInputSchema>;

/**
 * Field positions for a common 聘书 stock (A4, title pre-printed in the upper third). Only a
 * starting point: the clerk measures their own stock and edits these in the settings.
 */
export function defaultOverlayFields(orientation: CertificateOrientation): OverlayField[] {
  if (orientation === 'landscape') {
    return [
      { key: 'number', xMm: 190, yMm: 24, widthMm: 80, fontSizePt: 14, font: 'fangsong', align: 'right' },
      { key: 'bodyText', xMm: 45, yMm: 86, widthMm: 207, fontSizePt: 22, font: 'kai', align: 'left' },
      { key: 'issuer', xMm: 160, yMm: 146, widthMm: 100, fontSizePt: 20, font: 'kai', align: 'center' },
      { key: 'date', xMm: 160, yMm: 160, widthMm: 100, fontSizePt: 20, font: 'kai', align: 'center' },
    ];
  }
  return [
    { key: 'number', xMm: 110, yMm: 30, widthMm: 75, fontSizePt: 14, font: 'fangsong', align: 'right' },
    { key: 'bodyText', xMm: 30, yMm: 118, widthMm: 150, fontSizePt: 22, font: 'kai', align: 'left' },
    { key: 'issuer', xMm: 90, yMm: 212, widthMm: 95, fontSizePt: 20, font: 'kai', align: 'center' },
    { key: 'date', xMm: 90, yMm: 226, widthMm: 95, fontSizePt: 20, font: 'kai', align: 'center' },
  ];
}
