import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf, emptyDigest, type AdvisorRecords } from '../../../../shared/domain/advisors/digest';
import { ADVISOR_DIGESTS_TABLE, readDigests } from '../../../../renderer/src/db/advisorDigests';
import { LedgerRepository } from '../../../../renderer/src/db/ledgerRepository';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import type { SciLedgerDb } from '../../../../renderer/src/db/database';
import { advisor, freshDb, iso, oplog, reopen } from './helpers';
import { node, send } from './sync/syncHelpers';
import { loadAdvisorFile } from '../../../../renderer/src/db/repositories/advisors';
import { toRosterRows } from '../../../../renderer/src/features/advisors/rosterRows';
import { loadRosterRows } from '../../../../renderer/src/features/advisors/useAdvisors';
import { guangxiPreset } from '../../../../shared/policy/profile';

const tables = ['advisorActivities', 'advisorSuggestions', 'advisorStipends', 'advisorEvaluations'] as const;
type Table = (typeof tables)[number];

/** A valid record of `table` for `advisorId`, with fields the digest reads drawn from `pick`. */
function record(table: Table, advisorId: string, pick: number, id: string = crypto.randomUUID()) {
  const year = 2025 + (pick % 2);
  const base = { id, advisorId, createdAt: iso, updatedAt: iso };
  switch (table) {
    case 'advisorActivities':
      return { ...base, date: `${year}-0${1 + (pick % 9)}-15`, form: (['来桂座谈', '拜访', '发函咨询'] as const)[pick % 3], duties: [], content: '座谈' };
    case 'advisorSuggestions':
      return { ...base, date: `${year}-03-01`, sentDate: `${year}-0${3 + (pick % 6)}-01`, title: `建议${pick}`, feedbackStatus: (['待反馈', '已采纳', '部分采纳', '未采纳'] as const)[pick % 4] };
    case 'advisorStipends':
      return { ...base, year, amount: [300000, 150000.5, 0.1][pick % 3], paidDate: pick % 4 === 0 ? undefined : `${year}-06-30`, filedDate: pick % 3 === 0 ? undefined : `${year}-07-15` };
    case 'advisorEvaluations':
      return { ...base, year, annualSummaryReceivedDate: pick % 2 ? `${year}-12-05` : undefined, termReportReceivedDate: pick % 3 ? undefined : `${year}-11-01`, selfAssessmentReceivedDate: pick % 5 ? undefined : `${year}-11-02` };
  }
}

/** Every advisor's digest recomputed from what the tables hold now. */
async function recomputed(db: SciLedgerDb, advisorIds: readonly string[]) {
  const out = new Map<string, unknown>();
  for (const id of advisorIds) {
    const [activities, suggestions, stipends, evaluations] = await Promise.all(tables.map((t) => db.table(t).where('advisorId').equals(id).toArray()));
    out.set(id, digestOf(id, { activities, suggestions, stipends, evaluations } as unknown as AdvisorRecords));
  }
  return out;
}

async function stored(db: SciLedgerDb, advisorIds: readonly string[]) {
  return new Map([...(await readDigests(db, advisorIds))].map(([id, d]) => [id, d as unknown]));
}

const action = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), table: fc.constantFrom(...tables), advisor: fc.nat(2), pick: fc.nat(60) }),
  fc.record({ kind: fc.constant('edit' as const), table: fc.constantFrom(...tables), which: fc.nat(), pick: fc.nat(60) }),
  fc.record({ kind: fc.constant('remove' as const), table: fc.constantFrom(...tables), which: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), table: fc.constantFrom(...tables), which: fc.nat() }),
  // Sync and restore write below the repository: a record moved to another advisor, a hard delete, a bulk put, a clear.
  fc.record({ kind: fc.constant('move' as const), table: fc.constantFrom(...tables), which: fc.nat(), advisor: fc.nat(2) }),
  fc.record({ kind: fc.constant('hardDelete' as const), table: fc.constantFrom(...tables), which: fc.nat() }),
  fc.record({ kind: fc.constant('bulk' as const), table: fc.constantFrom(...tables), picks: fc.array(fc.tuple(fc.nat(2), fc.nat(60)), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('clear' as const), table: fc.constantFrom(...tables) }),
);

describe('advisor digests kept by the write path', () => {
  it('equal a recomputation from the records after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        const db = await freshDb();
        const repo = new LedgerRepository(db);
        const advisors = [advisor({ status: '已聘任' }), advisor({ status: '已聘任' }), advisor()];
        await db.advisors.bulkAdd(advisors);
        const ids = advisors.map((a) => a.id);
        const keys = async (table: Table) => (await db.table(table).toCollection().primaryKeys()) as string[];
        for (const a of actions) {
          const existing = a.kind === 'add' || a.kind === 'bulk' || a.kind === 'clear' ? [] : await keys(a.table);
          const target = 'which' in a && existing.length ? existing[a.which % existing.length] : undefined;
          switch (a.kind) {
            case 'add':
              await repo.create(a.table, record(a.table, ids[a.advisor], a.pick) as never);
              break;
            case 'edit':
              if (target) {
                const { id: _id, advisorId: _a, createdAt: _c, updatedAt: _u, ...fields } = record(a.table, ids[0], a.pick);
                const current = (await db.table(a.table).get(target)) as { deletedAt?: string | null } | undefined;
                if (current && !current.deletedAt) await repo.update(a.table, target, fields as never);
              }
              break;
            case 'remove':
              if (target) await repo.remove(a.table, target);
              break;
            case 'restore':
              if (target) await repo.restore(a.table, target);
              break;
            case 'move':
              if (target) await db.table(a.table).update(target, { advisorId: ids[a.advisor] });
              break;
            case 'hardDelete':
              if (target) await db.table(a.table).delete(target);
              break;
            case 'bulk':
              await db.table(a.table).bulkPut(a.picks.map(([who, pick]) => record(a.table, ids[who], pick)));
              break;
            case 'clear':
              await db.table(a.table).clear();
              break;
          }
        }
        expect(await stored(db, ids)).toEqual(await recomputed(db, ids));
        db.close();
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('give the roster the year figures and reminders of the full file, and are never logged', async () => {
    const db = await freshDb();
    const repo = new LedgerRepository(db);
    const a = advisor({ status: '已聘任' });
    await db.advisors.add(a);
    await repo.create('advisorActivities', record('advisorActivities', a.id, 0) as never); // 2025 来桂座谈
    await repo.create('advisorStipends', record('advisorStipends', a.id, 1) as never); // 2026, paid, filed
    const [digest] = (await readDigests(db, [a.id])).values();
    expect(digest.years['2025']).toMatchObject({ activities: 1, meetings: 1 });
    expect(digest.years['2026']).toMatchObject({ payments: 1, paidCents: 15000050, unfiledPayments: 0 });
    // An advisor without records reads as an empty digest.
    const other = crypto.randomUUID();
    expect((await readDigests(db, [other])).get(other)).toEqual(emptyDigest(other));
    expect((await oplog(db)).map((op) => String(op.table))).not.toContain(ADVISOR_DIGESTS_TABLE);
    // The roster row from advisor + digest is the row from the whole file.
    for (const today of ['2026-06-01', '2026-12-20']) {
      const [fromDigest] = await loadRosterRows(db, [a.id], today, guangxiPreset.advisors);
      const [fromFile] = toRosterRows([(await loadAdvisorFile(db, a.id))!], today, guangxiPreset.advisors);
      expect(fromDigest).toEqual(fromFile);
      expect(fromDigest.reminders.length).toBeGreaterThan(0);
    }
  });

  it('are derived again on the machine that imports a bundle (the bundle carries none)', async () => {
    const office = await node('科技厅');
    const city = await node('南宁市');
    const repo = new LedgerRepository(office);
    const a = advisor({ status: '已聘任' });
    await office.advisors.add(a);
    const made = [];
    for (const [i, t] of tables.entries()) made.push(await repo.create(t, record(t, a.id, i + 1) as never));
    await repo.remove('advisorActivities', made[0].id);
    await send(office, city);
    expect(await stored(city, [a.id])).toEqual(await recomputed(city, [a.id]));
    expect(await stored(city, [a.id])).toEqual(await stored(office, [a.id]));
    expect((await readDigests(city, [a.id])).get(a.id)?.years['2026']?.payments).toBe(1);
    expect((await readDigests(city, [a.id])).get(a.id)?.years['2025']?.suggestions).toBe(1);
  });

  it('schema version 16 derives the digests of the records a version-14 database holds (tombstones left out)', async () => {
    const v14 = await freshDb({ versions: schemaVersions.filter((v) => v.version <= 14) });
    const a = advisor({ status: '已聘任' });
    const b = advisor({ status: '已聘任' });
    await v14.advisors.bulkAdd([a, b]);
    for (const [i, t] of tables.entries()) await v14.table(t).bulkAdd([record(t, a.id, i), record(t, a.id, i + 1), { ...record(t, b.id, i + 2), deletedAt: iso }]);
    const v16 = await reopen(v14);
    const ids = [a.id, b.id];
    expect(await v16.table(ADVISOR_DIGESTS_TABLE).count()).toBe(2);
    expect(await stored(v16, ids)).toEqual(await recomputed(v16, ids));
    expect((await readDigests(v16, [b.id])).get(b.id)).toEqual(emptyDigest(b.id));
    expect((await readDigests(v16, [a.id])).get(a.id)?.years['2025']?.activities).toBe(1);
  });
});
