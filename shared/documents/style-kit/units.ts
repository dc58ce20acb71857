/**
 * Unit conversions for WordprocessingML. Word stores lengths in twips (1/20 pt, 1/1440 inch) and
 * font sizes in half-points. GB/T 9704-2012 gives its measures in millimetres and in 号 sizes.
 */

const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;

/**
 * Millimetres to twips, rounded to the nearest twip. docx's own convertMillimetersToTwip rounds
 * down, which would make 37 mm 2097 instead of 2098 and drift every margin by up to a twip.
 */
export function mmToTwip(mm: number): number {
  return Math.round((mm * TWIPS_PER_INCH) / MM_PER_INCH);
}

export function ptToTwip(pt: number): number {
  return Math.round(pt * 20);
}

export function twipToPt(twip: number): number {
  return twip / 20;
}

/** Chinese type sizes (字号) in points, as printed on every office's style sheet. */
export const zihao = {
  /** 二号 — 公文标题 (GB/T 9704-2012 §7.3.3). */
  er: 22,
  /** 三号 — 正文 (§5.2.1). */
  san: 16,
  /** 四号 — 页码 (§7.5), large table text. */
  si: 14,
  /** 小四 — dense ledger tables. */
  xiaoSi: 12,
} as const;

/** Word's w:sz is in half-points: 22 pt → 44, 16 pt → 32, 14 pt → 28. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}
