import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveKeyRow, deriveStoredKey, keySpecOf } from '../../../../shared/search/ledgerKeys';
import type { LedgerQuery } from '../../../../shared/search/keyIndex';
import { storedKeyOf } from '../../../../renderer/src/db/ledgerKeys';
import { LedgerKeyIndexes, liveCount, recentFirstPage } from '../../../../renderer/src/db/pagedLedger';
import { recordOf } from '../../../../renderer/src/db/rowClocks';
import { markTransactionSelfLogged } from '../../../../renderer/src/db/tracking';
import type { SciLedgerDb } from '../../../../renderer/src/db/database';
import { advisor } from './helpers';
import { node, send } from './sync/syncHelpers';

/**
 * Ledger keys inside the record rows (schema v19): whatever writes a record — an edit of a key
 * field or of a field no key reads, a tombstone, a restore, a hard delete, a bulk put, a clear,
 * an import — the key stored with it equals the key derived from the record now, and a ledger
 * index kept up to date from committed writes answers every query like one read afresh.
 */
const names = ['曾国藩', '单雄信', '陈思远', '仇英', 'Alice 李', '解缙'];
const units = ['广西大学', '华南示范理工大学', undefined];

const action = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: fc.nat(names.length - 1), unit: fc.nat(units.length - 1) }),
  fc.record({ kind: fc.constant('rename' as const), which: fc.nat(), name: fc.nat(names.length - 1) }),
  // A field no key reads: the record is written again with the same key.
  fc.record({ kind: fc.constant('notes' as const), which: fc.nat(), text: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('status' as const), which: fc.nat(), status: fc.constantFrom('推荐', '评议', '已聘任') }),
  fc.record({ kind: fc.constant('tombstone' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('hardDelete' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('bulk' as const), picks: fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(units.length - 1)), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('clear' as const) }),
  // The other machine edits, then its changes arrive by bundle (written by the import, self-logged).
  fc.record({ kind: fc.constant('import' as const), which: fc.nat(), name: fc.nat(names.length - 1) }),
);

async function storedRows(db: SciLedgerDb): Promise<Record<string, unknown>[]> {
  return db.transaction('r', db.advisors, (tx) => {
    markTransactionSelfLogged(db.tracker, tx);
    return db.advisors.toArray() as unknown as Promise<Record<string, unknown>[]>;
  });
}

const queries: LedgerQuery[] = [
  {},
  { sort: { field: 'updatedAt', desc: true } },
  { search: 'zgf' },
  { search: '广西' },
  { search: 'li' },
  { select: { status: ['评议'] } },
  { includeDeleted: true, sort: { field: 'name', desc: true } },
];

describe('ledger keys kept inside the record rows', () => {
  it('equal a derivation from the record after any sequence of writes, and the live index answers like a fresh one', async () => {
    const spec = keySpecOf('advisors')!;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 10 }), async (actions) => {
        const db = await node('甲');
        const other = await node('乙');
        const live = new LedgerKeyIndexes(db);
        const index = await live.load('advisors');
        let clock = 0;
        const stamp = () => `2026-11-24T08:00:${String(++clock).padStart(2, '0')}.000Z`;
        for (const a of actions) {
          const ids = (await db.advisors.toCollection().primaryKeys()) as string[];
          const target = 'which' in a && ids.length ? ids[a.which % ids.length] : undefined;
          switch (a.kind) {
            case 'add':
              await db.advisors.add(advisor({ name: names[a.name], homeInstitution: units[a.unit], updatedAt: stamp() }));
              break;
            case 'rename':
              if (target) await db.advisors.update(target, { name: names[a.name], updatedAt: stamp() });
              break;
            case 'notes':
              if (target) await db.advisors.update(target, { notes: a.text });
              break;
            case 'status':
              if (target) await db.advisors.update(target, { status: a.status as never, updatedAt: stamp() });
              break;
            case 'tombstone':
              if (target) await db.advisors.update(target, { deletedAt: stamp() });
              break;
            case 'restore':
              if (target) await db.advisors.update(target, { deletedAt: null });
              break;
            case 'hardDelete':
              if (target) await db.advisors.delete(target);
              break;
            case 'bulk':
              await db.advisors.bulkPut(a.picks.map(([n, u]) => advisor({ name: names[n], homeInstitution: units[u], updatedAt: stamp() })));
              break;
            case 'clear':
              await db.advisors.clear();
              break;
            case 'import':
              await send(db, other, { confirmLargeDelete: true });
              if (target) await other.advisors.update(target, { name: names[a.name], updatedAt: stamp() });
              await send(other, db, { confirmLargeDelete: true });
              break;
          }
        }
        const rows = await storedRows(db);
        // Every row carries the key of the record it holds.
        for (const row of rows) expect(storedKeyOf(row)).toEqual(deriveStoredKey(spec, recordOf(row)));
        // The index kept from committed writes holds exactly the derived key rows…
        for (const row of rows) expect(index.get(String(row.id))).toEqual(deriveKeyRow('advisors', spec, recordOf(row)));
        expect(index.size).toBe(rows.length);
        // …and answers like an index read afresh from the stored rows.
        const fresh = await new LedgerKeyIndexes(db).load('advisors');
        for (const q of queries) expect(index.query(q)).toEqual(fresh.query(q));
        const liveRows = rows.filter((r) => !r.deletedAt);
        expect(await liveCount(db, 'advisors')).toBe(liveRows.length);
        const recent = await recentFirstPage(db, 'advisors', 3);
        expect(recent.map((r) => r.updatedAt)).toEqual(liveRows.map((r) => String(r.updatedAt)).sort().reverse().slice(0, 3));
        db.close();
        other.close();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
