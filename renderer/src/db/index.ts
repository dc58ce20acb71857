// Public API of the database layer (DESIGN §Data). Feature code imports from here.
export { DATABASE_NAME, SciLedgerDb, createSciLedgerDb, openSciLedgerDb, type LedgerTables, type SciLedgerDbOptions } from './database';
export { LedgerRepository, RecordNotFoundError, ledgerRepository, type CreateInput, type UpdateInput } from './ledgerRepository';
export { ValidationError, validateRecord, type LedgerIssue } from './validation';
export { getNodeId, getOperatorName, setOperatorName } from './meta';
export {
  clearAllLedgers,
  countActiveRecords,
  loadSampleData,
  loadSampleRecords,
  restoreCleared,
  type ClearOptions,
  type ClearedRef,
  type LedgerCounts,
  type LedgerDataset,
  type LedgerRecords,
} from './maintenance';
export { DEFAULT_OPERATOR, type MetaEntry, type OplogEntry } from './oplog';
export { ChangeTracker, getCurrentOperator, markTransactionSelfLogged, setCurrentOperator } from './tracking';
export { latestSchemaVersion, schemaVersions, type SchemaVersion } from './schema';
