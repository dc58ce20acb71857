import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../../db/DbContext';
import { todayIso, useCommissionerLookups, useCommissionerRules } from '../useCommissioners';
import { loadYearRoster } from './yearRoster';

/**
 * What the module-wide year tabs (年度考核, 补助发放) share: the chosen year (this year at first,
 * the last six to pick from) and everyone in service that year, read live.
 */
export function useYearRoster() {
  const db = useDb();
  const rules = useCommissionerRules();
  const lookups = useCommissionerLookups();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const subjects = useLiveQuery(() => loadYearRoster(db, year, today, rules), [db, year, today, rules]);
  const yearOptions = Array.from({ length: 6 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }));
  return { db, rules, lookups, today, year, setYear, yearOptions, subjects };
}
