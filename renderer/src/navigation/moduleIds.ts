import { tablesOfModules } from '../../../shared/domain/ledgerModules';

/**
 * The modules this build has (the same ids as appModules, checked by a test). Kept apart from
 * modules.tsx so that screens can ask "which ledgers exist" without importing every page.
 */
export const availableModuleIds = ['advisors', 'commissioners', 'consultations', 'rectification', 'exchange', 'settings'] as const;

/** Ledger tables a clerk can open in this build: counts and previews list only these. */
// 附件 are shown on the records of every module (issue 11), so they are counted too.
export const shownLedgerTables = [...tablesOfModules(availableModuleIds), 'attachments' as const];
