import { Document, LineRuleType, Paragraph, Table } from 'docx';
import { withFontTable } from './font-table';
import { sectionProperties, type Orientation } from './page';
import { gbPageNumberFooters } from './page-number';
import { gbStyleIds, gbStyles } from './styles';

export interface GbSection {
  /** 'landscape' for wide ledger tables; the 版心 keeps its size, turned (see page.ts). */
  orientation?: Orientation;
  children: (Paragraph | Table)[];
  /**
   * Page numbers start again at — 1 — (one document of a batch, e.g. each 合作协议书 of a year's
   * dispatches in one file). The section starts on a new page either way.
   */
  restartPageNumbers?: boolean;
}

export interface GbDocumentOptions {
  sections: GbSection[];
  /** The document title for the file's properties (Word's 文件 → 信息 → 标题). */
  title: string;
  subject?: string;
  /** Shown as the author; defaults to the application's name. */
  creator?: string;
  /** Table text size in points: 小四 (12) for dense ledgers, 四号 (14) for short tables. */
  tableFontPt?: number;
}

/**
 * LibreOffice drops the page setup of a section that starts with a table (the table stays on the
 * previous section's portrait page); a 1-pt empty paragraph in front keeps the section's own.
 */
function sectionStartLine(): Paragraph {
  return new Paragraph({ style: gbStyleIds.pageNumber, spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] });
}

/**
 * A Document laid out per GB/T 9704-2012: A4, the 版心 margins, the 22 × 28 grid, the GB fonts
 * on all four slots, and "— 1 —" page numbers alternating right/left (§7.5). Builders supply
 * content only, made with the helpers of this kit.
 */
export function createGbDocument({ sections, title, subject, creator = 'SciLedger 科技工作台账', tableFontPt }: GbDocumentOptions): Document {
  if (sections.length === 0) throw new Error('文档至少需要一节内容');
  const doc = new Document({
    title,
    subject,
    creator,
    lastModifiedBy: creator,
    // §7.5 odd pages right, even pages left: needs different odd and even footers.
    evenAndOddHeaderAndFooters: true,
    styles: gbStyles(tableFontPt),
    sections: sections.map((s, i) => {
      const orientation = s.orientation ?? 'portrait';
      const properties = sectionProperties(orientation);
      return {
        properties: s.restartPageNumbers ? { ...properties, page: { ...properties.page, pageNumbers: { start: 1 } } } : properties,
        // A section of the previous one's orientation inherits its footers (Word and WPS link
        // them by default): a batch of 1,000 sections carries two footer parts, not 2,000.
        footers: i > 0 && orientation === (sections[i - 1].orientation ?? 'portrait') && sections[i - 1].restartPageNumbers && s.restartPageNumbers ? undefined : gbPageNumberFooters(orientation),
        children: i > 0 && s.children[0] instanceof Table ? [sectionStartLine(), ...s.children] : s.children,
      };
    }),
  });
  // Font substitution hints (w:altName, GB2312 charset) for PCs without the GB fonts.
  return withFontTable(doc);
}
