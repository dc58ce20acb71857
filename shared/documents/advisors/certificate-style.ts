import { Document, PageOrientation, TextRun, type ISectionOptions } from 'docx';
import { allSlots, chineseLanguage } from '../style-kit/fonts';
import { A4_MM } from '../style-kit/page';
import { baseStylesXml } from '../style-kit/style-xml';
import { withFontTable } from '../style-kit/font-table';
import { mmToTwip, ptToHalfPoints } from '../style-kit/units';
import type { CertificateFontKey, CertificateOrientation } from './certificate-input';

/**
 * Fonts of the 聘书 and the calibration sheet. The certificate is not a 公文, so it does not use
 * the GB/T 9704 grid or page numbers, but it names the same installed fonts (style-kit/fonts.ts).
 */
export const certificateFonts: Record<CertificateFontKey | 'title', string> = {
  /** 小标宋 — the "聘书" title, as on printed certificate stock. */
  title: '方正小标宋简体',
  kai: '楷体_GB2312',
  fangsong: '仿宋_GB2312',
  song: '宋体',
  hei: '黑体',
};

/** 字号 used on the certificate, in points. */
export const certificateSizes = {
  /** 初号 */
  chu: 42,
  /** 小初 */
  xiaoChu: 36,
  /** 二号 */
  er: 22,
  /** 三号 */
  san: 16,
  /** 四号 */
  si: 14,
  /** 小五 — labels on the calibration sheet. */
  xiaoWu: 9,
} as const;

/** Ceremonial red of the title and border (the 红色 of 公文 版头, GB/T 9704 §7.2.3). */
export const CERTIFICATE_RED = 'C00000';

export interface RunStyle {
  font: CertificateFontKey | 'title';
  sizePt: number;
  bold?: boolean;
  color?: string;
  /** Extra space between characters in twips (w:spacing), for the spaced-out title. */
  characterSpacing?: number;
}

/** A run with its font on all four rFonts slots and zh-CN East Asian language. */
export function certificateRun(text: string, style: RunStyle): TextRun {
  const size = ptToHalfPoints(style.sizePt);
  return new TextRun({
    text,
    font: allSlots(certificateFonts[style.font]),
    size,
    sizeComplexScript: size,
    bold: style.bold,
    color: style.color ?? '000000',
    characterSpacing: style.characterSpacing,
    language: chineseLanguage,
  });
}

/** A4 in the stock's orientation, in millimetres as the clerk measures it (width × height). */
export function sheetSizeMm(orientation: CertificateOrientation): { width: number; height: number } {
  return orientation === 'landscape' ? { width: A4_MM.height, height: A4_MM.width } : { width: A4_MM.width, height: A4_MM.height };
}

export interface SheetMarginsMm {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Page size and margins of one certificate-style section (a new page each). */
export function sheetPage(orientation: CertificateOrientation, margins: SheetMarginsMm): NonNullable<ISectionOptions['properties']>['page'] {
  return {
    // docx swaps width and height itself for LANDSCAPE, so it is given the portrait sheet.
    size: {
      width: mmToTwip(A4_MM.width),
      height: mmToTwip(A4_MM.height),
      orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: {
      top: mmToTwip(margins.top),
      bottom: mmToTwip(margins.bottom),
      left: mmToTwip(margins.left),
      right: mmToTwip(margins.right),
      header: mmToTwip(10),
      footer: mmToTwip(10),
      gutter: 0,
    },
  };
}

/**
 * A Document with 楷体 三号 defaults on every slot (no Calibri/等线 leaking into an empty line)
 * and the given sections; certificates carry no header, footer or page number.
 */
export function createSheetDocument(title: string, sections: ISectionOptions[]): Document {
  const creator = 'SciLedger 科技工作台账';
  // The font table tells Word on a PC without 楷体_GB2312 / 方正小标宋简体 what to substitute.
  const doc = new Document({
    title,
    creator,
    lastModifiedBy: creator,
    styles: {
      importedStyles: baseStylesXml(
        { font: certificateFonts.kai, sizePt: certificateSizes.san },
        { align: 'left', lineTwips: Math.round(certificateSizes.san * 1.5 * 20), snapToGrid: false },
      ),
    },
    sections,
  });
  return withFontTable(doc, Object.values(certificateFonts));
}
