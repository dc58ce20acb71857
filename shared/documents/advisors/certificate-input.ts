import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { checkOverlayField, overlayFieldLines } from '../../domain/advisors/overlayGeometry';
import { toChineseDate } from '../../format';

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
  /** The full wording, already filled: "兹聘请陈思远院士为广西科技顾问，聘期自…至…。" */
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
  /**
   * Top-left of the field's ink (the top of its first line's characters, the left edge of its
   * box), measured from the sheet's top-left corner (overlayGeometry.ts).
   */
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

/** The text of a field for one certificate; the date in Chinese numerals (二〇二五年一月一日). */
export function overlayFieldText(cert: CertificateRecord, key: OverlayFieldKey): string {
  switch (key) {
    case 'name':
      return cert.name;
    case 'bodyText':
      return cert.bodyText;
    case 'number':
      return cert.number;
    case 'issuer':
      return cert.issuer;
    case 'date':
      return toChineseDate(cert.issuedOn, { numerals: 'chinese' });
  }
}

/** Refuses a field whose text would leave the sheet for any of the certificates (or the sample). */
export function checkFieldsOnSheet(fields: OverlayField[], orientation: CertificateOrientation, certs: CertificateRecord[], ctx: z.RefinementCtx, path: (string | number)[] = ['overlay', 'fields']): void {
  fields.forEach((field, i) => {
    const lines = certs.reduce((most, cert) => Math.max(most, overlayFieldLines(field, overlayFieldText(cert, field.key)).length), 1);
    const problem = checkOverlayField(field, orientation, lines);
    if (problem) ctx.addIssue({ code: 'custom', message: `${overlayFieldLabels[field.key]}：${problem.message}`, path: [...path, i, problem.at] });
  });
}

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
  })
  .superRefine((input, ctx) => {
    if (input.mode !== 'overlay' || !input.overlay) return;
    checkFieldsOnSheet(input.overlay.fields, input.orientation, input.certificates, ctx);
  });
export type AppointmentCertificateInput = z.infer<typeof appointmentCertificateInputSchema>;
