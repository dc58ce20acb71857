import { z } from 'zod';
import { checkNumberPattern } from './certificateNumber';
import { toChineseDate } from '../../format';
import { checkOverlayField, overlayFieldLines, type SheetOrientation } from './overlayGeometry';

/**
 * 设置 → 聘书: the wording with placeholders, the number pattern, the page, and the 套打 layout
 * (field positions on pre-printed stock, in mm from the sheet's top-left corner) with one
 * calibration offset per printer (DOMAIN §5).
 */
export const certificatePlaceholders = ['姓名', '院士称号', '所在单位', '服务单位', '聘期开始', '聘期结束', '聘期年数'] as const;
export type CertificatePlaceholder = (typeof certificatePlaceholders)[number];

export function checkWording(wording: string): string | null {
  const unknown = [...wording.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((name) => !(certificatePlaceholders as readonly string[]).includes(name));
  if (unknown.length) return `聘书文字含有无法识别的占位符 {${unknown[0]}}，可用：${certificatePlaceholders.map((p) => `{${p}}`).join('、')}`;
  if (!wording.includes('{姓名}')) return '聘书文字须包含 {姓名}';
  return null;
}

export const overlayFieldKeys = ['name', 'bodyText', 'number', 'issuer', 'date'] as const;
export const overlayFieldLabels: Record<(typeof overlayFieldKeys)[number], string> = {
  name: '姓名',
  bodyText: '聘书正文',
  number: '聘书编号',
  issuer: '落款单位',
  date: '落款日期',
};

const mm = (label: string) => z.number({ message: `${label}应为数字` }).min(-50, `${label}超出范围`).max(400, `${label}超出范围`);

export const overlayFieldSchema = z.object({
  key: z.enum(overlayFieldKeys),
  xMm: mm('横向位置'),
  yMm: mm('纵向位置'),
  widthMm: z.number().positive('宽度应大于 0').max(300),
  fontSizePt: z.number().min(6, '字号过小').max(72, '字号过大'),
  font: z.enum(['kai', 'fangsong', 'song', 'hei']).default('kai'),
  align: z.enum(['left', 'center', 'right']).default('left'),
});
export type OverlayField = z.infer<typeof overlayFieldSchema>;

export const printerOffsetSchema = z.object({
  printer: z.string().trim().min(1, '请填写打印机名称').max(60),
  dxMm: z.number().min(-30, '偏移超出范围').max(30, '偏移超出范围'),
  dyMm: z.number().min(-30, '偏移超出范围').max(30, '偏移超出范围'),
});
export type PrinterOffset = z.infer<typeof printerOffsetSchema>;

export const certificateOrientations = ['landscape', 'portrait'] as const;

/** 套打 positions for each orientation: stock printed the other way round has its own layout. */
export type OverlayFieldsByOrientation = Record<SheetOrientation, OverlayField[]>;

/**
 * Field positions for a common A4 聘书 stock (title pre-printed in the upper third), as the
 * top-left of each field's ink. Only a starting point: the clerk measures their own stock.
 * The one default layout — settings, calibration sheet and sample documents all use it.
 */
export function defaultOverlayFields(orientation: SheetOrientation): OverlayField[] {
  if (orientation === 'landscape') {
    return [
      { key: 'bodyText', xMm: 60, yMm: 80, widthMm: 180, fontSizePt: 22, font: 'kai', align: 'left' },
      { key: 'issuer', xMm: 150, yMm: 142, widthMm: 110, fontSizePt: 18, font: 'kai', align: 'center' },
      { key: 'date', xMm: 150, yMm: 157, widthMm: 110, fontSizePt: 18, font: 'kai', align: 'center' },
      { key: 'number', xMm: 30, yMm: 186, widthMm: 100, fontSizePt: 12, font: 'fangsong', align: 'left' },
    ];
  }
  return [
    { key: 'bodyText', xMm: 30, yMm: 118, widthMm: 150, fontSizePt: 22, font: 'kai', align: 'left' },
    { key: 'issuer', xMm: 90, yMm: 212, widthMm: 95, fontSizePt: 18, font: 'kai', align: 'center' },
    { key: 'date', xMm: 90, yMm: 227, widthMm: 95, fontSizePt: 18, font: 'kai', align: 'center' },
    { key: 'number', xMm: 30, yMm: 265, widthMm: 100, fontSizePt: 12, font: 'fangsong', align: 'left' },
  ];
}

/** The one layout shipped before positions meant the ink top (y was the top of a 1.5× line). */
const LINE_TOP_DEFAULT = JSON.stringify([
  { key: 'bodyText', xMm: 60, yMm: 78, widthMm: 180, fontSizePt: 22, font: 'kai', align: 'left' },
  { key: 'issuer', xMm: 150, yMm: 140, widthMm: 110, fontSizePt: 18, font: 'kai', align: 'center' },
  { key: 'date', xMm: 150, yMm: 155, widthMm: 110, fontSizePt: 18, font: 'kai', align: 'center' },
  { key: 'number', xMm: 30, yMm: 185, widthMm: 100, fontSizePt: 12, font: 'fangsong', align: 'left' },
]);

/**
 * Where the ink top of a field set at a 1.5× exact line sat below that line's top, measured on
 * the rendered PDF: 0.36 × the font size (正文 22 pt: 78 → 80.7 mm; 落款 18 pt: 140 → 142.3 mm).
 */
const LINE_TOP_TO_INK_TOP = 0.36;

/**
 * Settings saved before fields were kept per orientation hold one list, positioned by line top.
 * It served the saved orientation, so it moves there with each y shifted to where its ink
 * printed (the clerk had measured against that print); the other orientation gets the default.
 * The untouched old default becomes the new default.
 */
function migrateOverlayFields(value: unknown): unknown {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { overlayFields?: unknown }).overlayFields)) return value;
  const old = value as { overlayFields: Record<string, unknown>[]; orientation?: unknown };
  const orientation: SheetOrientation = old.orientation === 'portrait' ? 'portrait' : 'landscape';
  const normalised = old.overlayFields.map(({ key, xMm, yMm, widthMm, fontSizePt, font = 'kai', align = 'left' }) => ({ key, xMm, yMm, widthMm, fontSizePt, font, align }));
  const isOldDefault = JSON.stringify(normalised) === LINE_TOP_DEFAULT;
  const moved = isOldDefault
    ? defaultOverlayFields(orientation)
    : old.overlayFields.map((f) =>
        typeof f.yMm === 'number' && typeof f.fontSizePt === 'number' ? { ...f, yMm: Math.round((f.yMm + LINE_TOP_TO_INK_TOP * f.fontSizePt * (25.4 / 72)) * 10) / 10 } : f,
      );
  const other: SheetOrientation = orientation === 'landscape' ? 'portrait' : 'landscape';
  return { ...old, overlayFields: { [orientation]: moved, [other]: defaultOverlayFields(other) } };
}

/** A long made-up certificate text, to check that the 正文 field's lines stay on the sheet. */
function longestBodyText(wording: string): string {
  return fillCertificateWording(wording, {
    name: '欧阳思远',
    honorific: '中国工程院院士',
    homeInstitution: '某某理工大学',
    serviceUnit: '某某新材料研究院',
    termStart: '2027-12-31',
    termEnd: '2030-12-31',
  });
}

const fieldList = z.array(overlayFieldSchema).min(1, '套打至少需要一个字段');

export const certificateSettingsSchema = z.preprocess(
  migrateOverlayFields,
  z
    .object({
      wording: z.string().trim().min(1, '请填写聘书文字').max(500).superRefine((value, ctx) => {
        const problem = checkWording(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      numberPattern: z.string().trim().min(1, '请填写编号格式').max(60).superRefine((value, ctx) => {
        const problem = checkNumberPattern(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      orientation: z.enum(certificateOrientations),
      overlayFields: z.object({ landscape: fieldList, portrait: fieldList }),
      printerOffsets: z.array(printerOffsetSchema),
      activePrinter: z.string().default(''),
    })
    .refine((s) => new Set(s.printerOffsets.map((p) => p.printer)).size === s.printerOffsets.length, {
      message: '打印机名称不能重复',
      path: ['printerOffsets'],
    }),
);

/**
 * What 设置 saves and the calibration sheet prints: the stored shape, and every field must print
 * on its paper — the reason is reported at the input to change. Kept out of the stored schema
 * on purpose: a layout saved before this check must still load (with its wording, numbering
 * and printers) rather than fall back to the defaults; the 套打 builder refuses it instead.
 */
export const certificateSettingsFormSchema = certificateSettingsSchema.superRefine((s, ctx) => {
  const body = longestBodyText(s.wording);
  for (const orientation of certificateOrientations) {
    s.overlayFields[orientation].forEach((field, i) => {
      const lines = field.key === 'bodyText' ? overlayFieldLines(field, body).length : 1;
      const problem = checkOverlayField(field, orientation, lines);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: ['overlayFields', orientation, i, problem.at] });
    });
  }
});
export type CertificateSettings = z.output<typeof certificateSettingsSchema>;

export const defaultCertificateSettings: CertificateSettings = {
  wording: '兹聘请{姓名}院士为广西科技顾问，聘期自{聘期开始}至{聘期结束}。',
  numberPattern: '桂科顾聘〔{年}〕{序号}号',
  orientation: 'landscape',
  overlayFields: { landscape: defaultOverlayFields('landscape'), portrait: defaultOverlayFields('portrait') },
  printerOffsets: [],
  activePrinter: '',
};

/** The offset of the chosen printer, or none. */
export function activeOffset(settings: CertificateSettings): { dxMm: number; dyMm: number } {
  const printer = settings.printerOffsets.find((p) => p.printer === settings.activePrinter);
  return { dxMm: printer?.dxMm ?? 0, dyMm: printer?.dyMm ?? 0 };
}

export interface CertificateTextValues {
  name: string;
  honorific: string;
  homeInstitution: string;
  serviceUnit?: string;
  termStart: string;
  termEnd: string;
}

/** Whole years of the term, e.g. 2025-01-01 … 2027-12-31 → 3. */
export function termYears(termStart: string, termEnd: string): number {
  const [y1, m1, d1] = termStart.split('-').map(Number);
  const [y2, m2, d2] = termEnd.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) + (d2 >= d1 - 1 ? 0 : -1);
  return Math.max(1, Math.round((months + 1) / 12));
}

const chineseNumber = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The certificate's body text: placeholders filled, dates in Chinese numerals (certificate style). */
export function fillCertificateWording(wording: string, values: CertificateTextValues): string {
  const years = termYears(values.termStart, values.termEnd);
  const replacements: Record<CertificatePlaceholder, string> = {
    姓名: values.name,
    院士称号: values.honorific,
    所在单位: values.homeInstitution,
    服务单位: values.serviceUnit ?? '',
    聘期开始: toChineseDate(values.termStart, { numerals: 'chinese' }),
    聘期结束: toChineseDate(values.termEnd, { numerals: 'chinese' }),
    聘期年数: years <= 10 ? `${chineseNumber[years]}年` : `${years}年`,
  };
  return wording.replace(/\{([^}]*)\}/g, (whole, name: string) => replacements[name as CertificatePlaceholder] ?? whole);
}
