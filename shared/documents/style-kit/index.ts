/** The GB/T 9704-2012 style kit every document builder uses. */
export { createGbDocument, type GbDocumentOptions, type GbSection } from './document';
export { withFontTable, fontTableXml, gbFontTable, GB2312_CHARSET, type FontTableEntry } from './font-table';
export { ledgerTable, type LedgerColumn, type LedgerTableOptions } from './ledger-table';
export { fitColumnWidths, minimumColumnTwips, columnWidthMmFor, type ColumnFit, type SizedColumn } from './column-widths';
export { LANDSCAPE_TEXT_WIDTH_MM, PORTRAIT_TEXT_WIDTH_MM, pageLayout, sectionProperties, gridCellTwips, LINE_PITCH_TWIPS, CHARS_PER_LINE, TWO_CHAR_INDENT_TWIPS, type Orientation, type PageLayout } from './page';
export { gbPageNumberFooters } from './page-number';
export { title, heading1, heading2, heading3, heading4, bodyParagraph, blankLine, signatureBlock, signatureIndents, type SignatureKind } from './paragraphs';
export { gbStyleIds, gbStyles } from './styles';
export { fillPortraitPages, bodyLines, tableLines, SAFE_LINES_PER_PAGE, type Block } from './portrait-fill';
export { gbFonts, allSlots } from './fonts';
export { textWidthInChars, printedWidthEm, longestUnbreakableEm } from './text-width';
export { mmToTwip, ptToTwip, ptToHalfPoints, zihao } from './units';
