import { createContext, useContext, type ReactNode } from 'react';
import type { SciLedgerDb } from './database';

const DbContext = createContext<SciLedgerDb | null>(null);

export function DbProvider({ db, children }: { db: SciLedgerDb; children: ReactNode }) {
  return <DbContext.Provider value={db}>{children}</DbContext.Provider>;
}

export function useDb(): SciLedgerDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() outside <DbProvider>');
  return db;
}

/** The database when inside <DbProvider>, else null: for shared parts that also work without one (a LedgerTable of plain rows). */
export function useOptionalDb(): SciLedgerDb | null {
  return useContext(DbContext);
}
