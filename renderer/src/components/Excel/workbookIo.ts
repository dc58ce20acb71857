/**
 * The file half of Excel in and out; runs in the excel worker (or on the main thread where
 * Worker is missing, and in Node for tests and the bench). Both directions stream (issue 15:
 * 100,000 rows): the writer deflates sheet XML block by block as the paged ledger delivers rows
 * (fflate), the reader inflates and tokenizes each sheet chunk by chunk. exceljs is not on this
 * path: its browser build has only the whole in-memory Workbook (tests and the bench use it to
 * read our files back and as the baseline).
 */
export { LedgerWorkbookWriter } from './xlsx/ledgerSheetWriter';
export { WorkbookReadError, readWorkbook } from './xlsx/workbookReader';
