import type { IFontAttributesProperties } from 'docx';

/**
 * The fonts GB/T 9704-2012 names, spelled exactly as Chinese government PCs have them installed
 * (Windows + the 方正/GB2312 font packs). A machine without one substitutes (LibreOffice maps
 * them to Noto CJK), but the names must match the installed fonts for Word/WPS to pick them up.
 */
export const gbFonts = {
  /** 小标宋体 — the title (§7.3.3). */
  title: '方正小标宋简体',
  /** 仿宋体 — body text (§5.2.1), 三级/四级标题 (§7.3.3). */
  body: '仿宋_GB2312',
  /** 黑体 — 一级标题 (§7.3.3). */
  heading1: '黑体',
  /** 楷体 — 二级标题 (§7.3.3). */
  heading2: '楷体_GB2312',
  /** 宋体 — page numbers (§7.5). */
  pageNumber: '宋体',
} as const;

export type GbFontName = (typeof gbFonts)[keyof typeof gbFonts];

/**
 * One font on all four rFonts slots. Word picks the slot per character class: digits and Latin
 * use ascii/hAnsi, Chinese eastAsia, and some punctuation (— “ ” …) falls to whichever slot the
 * hint selects. Setting only eastAsia leaves digits in Times New Roman/Calibri, which is the
 * commonest visible defect in generated 公文.
 */
export function allSlots(font: string): IFontAttributesProperties {
  return { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' };
}

/**
 * East Asian text is tagged zh-CN so Word and WPS apply Chinese line breaking (禁则) and
 * punctuation compression; Latin stays en-US, as in Chinese Word's own Normal template.
 */
export const chineseLanguage = { value: 'en-US', eastAsia: 'zh-CN' } as const;
