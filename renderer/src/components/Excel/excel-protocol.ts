import type { ExportCell, ExportSheetSpec } from '../../../../shared/excel/exportSheet';
import type { SheetData } from '../../../../shared/excel/sheetCell';

/** Messages to the excel worker: an export is begin → rows… → finish; a read is one message. */
export type ExcelRequest =
  | { type: 'begin'; spec: ExportSheetSpec }
  | { type: 'rows'; rows: ExportCell[][] }
  | { type: 'finish' }
  | { type: 'read'; bytes: Uint8Array; fileName: string };

export type ExcelResponse =
  | { type: 'ready' }
  | { type: 'written'; bytes: Uint8Array }
  | { type: 'read'; sheets: SheetData[] }
  | { type: 'progress'; done: number }
  | { type: 'error'; message: string };
