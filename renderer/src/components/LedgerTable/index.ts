export { LedgerTable } from './LedgerTable';
export type { CellValue, ColumnFilterKind, DisplayedIds, LedgerColumn, LedgerAttachmentFilter, LedgerPagedSource, LedgerTableProps } from './types';
export { chineseCollator, compareForSort, sortValues } from './chineseCollation';
export { buildSearchTexts, getSearchTexts, parseQuery, quickSearch } from './quickSearch';
export { columnStorageKey } from './useColumnVisibility';
export { LedgerTag, type LedgerTagColor } from './LedgerTag';
export { attachmentFilterOptions, type AttachmentFilterValue } from '../../../../shared/attachments/filter';
