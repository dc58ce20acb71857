import { tablesOfModules } from '../../../shared/domain/ledgerModules';

/**
 * The modules this build has (the same ids as appModules, checked by a test). Kept apart from
 * modules.tsx so that screens can ask "which ledgers exist" without importing every page.
 */
export const availableModuleIds = ['advisors', 'consultations', 'exchange', 'settings'] as const;

/** Ledger tables a clerk can open in this build: counts and previews list only these. */
export const shownLedgerTables = tablesOfModules(availableModuleIds);
