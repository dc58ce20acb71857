import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { SciLedgerDb } from '../../../../renderer/src/db/database';
import { usePagedLedgerSource } from '../../../../renderer/src/db/usePagedLedgerSource';
import { toRosterRows, withAdvisorRecord, type RosterRow } from '../../../../renderer/src/features/advisors/rosterRows';
import { guangxiPreset } from '../../../../shared/policy/profile';
import type { Advisor } from '../../../../shared/domain/advisors/schema';
import { advisor, freshDb } from './helpers';

/** Rows of a page as first read, never re-read: only a patch from the write can change them. */
function frozenReader(snapshot: Map<string, { name: string }>) {
  return async (db: SciLedgerDb, ids: readonly string[]) => {
    await db.advisors.bulkGet([...ids]); // the live read depends on the records, like a real reader
    return new Map(ids.map((id) => [id, snapshot.get(id)!]));
  };
}

describe('usePagedLedgerSource: a write shows on the page from the record as written', () => {
  it('patches the row on screen at commit, without reading it back', async () => {
    const db = await freshDb();
    const a = advisor({ name: '陈思远' });
    await db.advisors.add(a);
    const loadRows = frozenReader(new Map([[a.id, { name: '陈思远' }]]));
    const applyRecord = (_row: { name: string }, record: Readonly<Record<string, unknown>>) => ({ name: String(record.name) });
    const { result } = renderHook(() => usePagedLedgerSource(db, 'advisors', loadRows, undefined, undefined, applyRecord));
    const seen: string[] = [];
    let stop = () => undefined as void;
    await act(async () => {
      stop = result.current.observeRows([a.id], (rows) => seen.push(rows.get(a.id)!.name));
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(seen).toContain('陈思远');
    await act(async () => {
      await db.advisors.update(a.id, { name: '单雄信' });
    });
    // Told when the write committed (the frozen reader would still say 陈思远).
    expect(seen).toContain('单雄信');
    stop();
  });

  it('leaves rows not on screen, and other tables, alone', async () => {
    const db = await freshDb();
    const shown = advisor({ name: '陈思远' });
    const other = advisor({ name: '王五' });
    await db.advisors.bulkAdd([shown, other]);
    const calls: string[] = [];
    const applyRecord = (row: { name: string }, record: Readonly<Record<string, unknown>>) => {
      calls.push(String(record.id));
      return { name: String(record.name) };
    };
    const { result } = renderHook(() => usePagedLedgerSource(db, 'advisors', frozenReader(new Map([[shown.id, { name: '陈思远' }]])), undefined, undefined, applyRecord));
    let stop = () => undefined as void;
    await act(async () => {
      stop = result.current.observeRows([shown.id], () => undefined);
      await new Promise((r) => setTimeout(r, 50));
    });
    await act(async () => {
      await db.advisors.update(other.id, { name: '王六' });
    });
    expect(calls).toEqual([]);
    stop();
  });
});

describe('withAdvisorRecord', () => {
  it('gives the row a fresh read gives (reminders and term follow the new record)', () => {
    const old = advisor({ status: '已聘任', termStart: '2025-01-01', termEnd: '2027-12-31' }) as unknown as Advisor;
    const file = { advisor: old, activities: [], suggestions: [], stipends: [], plans: [], evaluations: [] };
    const [row] = toRosterRows([file], '2026-11-30', guangxiPreset.advisors);
    const changed = { ...old, termEnd: '2026-12-15', homeInstitution: '广西大学' };
    const patched = withAdvisorRecord(row, changed, '2026-11-30', guangxiPreset.advisors) as RosterRow;
    expect(patched).toEqual(toRosterRows([{ ...file, advisor: changed }], '2026-11-30', guangxiPreset.advisors)[0]);
    expect(withAdvisorRecord(row, { ...changed, deletedAt: '2026-11-30T00:00:00.000Z' }, '2026-11-30', guangxiPreset.advisors)).toBeUndefined();
  });
});
