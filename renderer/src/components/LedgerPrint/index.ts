export { printButtonLabel, LedgerPrintButton, type LedgerPrintButtonProps } from './LedgerPrintButton';
export { ledgerListingInput, printedCell } from './ledgerListingInput';
