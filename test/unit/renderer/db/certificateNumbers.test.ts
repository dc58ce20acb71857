import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_NUMBERS_TABLE, usedNumbering } from '../../../../renderer/src/db/certificateNumbers';
import { issueCertificate, nextNumberUnder, previewNumbers, voidCertificate } from '../../../../renderer/src/db/repositories/appointmentCertificates';
import { LedgerRepository } from '../../../../renderer/src/db/ledgerRepository';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { markTransactionSelfLogged } from '../../../../renderer/src/db/tracking';
import { setNodeName } from '../../../../renderer/src/db/sync';
import { nextCertificateNumber, yearSequenceParser } from '../../../../shared/domain/advisors/certificateNumber';
import { defaultCertificateSettings } from '../../../../shared/domain/advisors/certificateSettings';
import type { SciLedgerDb } from '../../../../renderer/src/db/database';
import { advisor, freshDb, iso, oplog, reopen } from './helpers';
import { node, send } from './sync/syncHelpers';

/** Every number on file, read the old way: every register row and every advisor, whole. */
async function usedByFullScan(db: SciLedgerDb): Promise<Set<string>> {
  const used = new Set<string>();
  for (const row of await db.appointmentCertificates.toArray()) if (typeof row.number === 'string' && row.number) used.add(row.number);
  for (const a of await db.advisors.toArray()) if (typeof a.certificateNumber === 'string' && a.certificateNumber) used.add(a.certificateNumber);
  return used;
}

const recorded = async (db: SciLedgerDb) => new Set((await db.table(CERTIFICATE_NUMBERS_TABLE).toCollection().primaryKeys()) as string[]);

const pool = [
  '桂科顾聘〔2026〕1号',
  '桂科顾聘〔2026〕2号',
  '桂科顾聘〔2026〕10号',
  '桂科顾聘〔2026〕010号',
  '桂科顾聘〔2025〕30号',
  '桂科顾聘〔2027〕4号',
  ' 桂科顾聘〔2026〕12号',
  '\u3000桂科顾聘〔2026〕15号',
  '桂科顾聘〔2026〕7号 ',
  '旧编号-7',
  '7-2026',
  '40-2026',
  'No.9',
  '',
];
const patterns = ['桂科顾聘〔{年}〕{序号}号', '{序号}-{年}', 'No.{序号}', '桂科顾聘〔{年}〕{序号:3}号'];
const years = [2025, 2026, 2027];

const registerRow = (advisorId: string, number: string, voided = false) => ({
  id: crypto.randomUUID(),
  advisorId,
  number,
  issuedOn: '2026-01-05',
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
  isReprint: false,
  mode: '整页' as const,
  createdAt: iso,
  updatedAt: iso,
  ...(voided ? { deletedAt: iso } : {}),
});

const number = fc.option(fc.constantFrom(...pool), { nil: undefined });
const filed = fc.record({
  people: fc.array(fc.record({ number, deleted: fc.boolean() }), { maxLength: 6 }),
  rows: fc.array(fc.record({ number: fc.constantFrom(...pool.filter(Boolean)), person: fc.nat(5), voided: fc.boolean() }), { maxLength: 6 }),
});
/** What happens to the numbers after they are on file. */
const action = fc.oneof(
  fc.record({ kind: fc.constant('renumber' as const), who: fc.nat(), number }),
  fc.record({ kind: fc.constant('remove' as const), who: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), who: fc.nat() }),
  fc.record({ kind: fc.constant('void' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('register' as const), who: fc.nat(), number: fc.constantFrom(...pool.filter(Boolean)) }),
  fc.record({ kind: fc.constant('hardDelete' as const), table: fc.constantFrom('advisors', 'appointmentCertificates'), which: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), number: fc.constantFrom(...pool.filter(Boolean)), onRegister: fc.boolean(), deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('issue' as const), pattern: fc.constantFrom(...patterns) }),
);

async function write(db: SciLedgerDb, { people, rows }: { people: { number?: string; deleted: boolean }[]; rows: { number: string; person: number; voided: boolean }[] }) {
  const advisors = people.map((p) => advisor({ ...(p.number === undefined ? {} : { certificateNumber: p.number }), ...(p.deleted ? { deletedAt: iso } : {}) }));
  await db.advisors.bulkAdd(advisors as never);
  await db.appointmentCertificates.bulkAdd(rows.map((r) => registerRow(advisors[r.person % Math.max(1, advisors.length)]?.id ?? crypto.randomUUID(), r.number, r.voided)) as never);
}

const pick = async (db: SciLedgerDb, table: 'advisors' | 'appointmentCertificates', which: number) => {
  const ids = (await db.table(table).toCollection().primaryKeys()) as string[];
  return ids.length ? ids.sort()[which % ids.length] : undefined;
};

describe('certificateNumbers (the 聘书 numbers ever recorded, keyed by the number)', () => {
  it('give the same next number as a full scan after edits, removals, restores, voids, hard deletes, imports, issues and the v21 upgrade', { timeout: 180_000 }, async () => {
    const before21 = schemaVersions.filter((v) => v.version < 21);
    await fc.assert(
      fc.asyncProperty(filed, fc.boolean(), fc.array(action, { maxLength: 8 }), async (onFile, upgraded, actions) => {
        // Either on file before version 21 (the upgrade fills the table) or written since.
        let db = await freshDb(upgraded ? { versions: before21 } : undefined);
        await write(db, onFile);
        if (upgraded) db = await reopen(db);
        await setNodeName(db, '南宁市');
        const repo = new LedgerRepository(db);
        let office: SciLedgerDb | undefined;
        for (const a of actions) {
          switch (a.kind) {
            case 'renumber': {
              const id = await pick(db, 'advisors', a.who);
              if (id) await db.advisors.update(id, { certificateNumber: a.number } as never);
              break;
            }
            case 'remove': {
              const id = await pick(db, 'advisors', a.who);
              if (id) await repo.remove('advisors', id);
              break;
            }
            case 'restore': {
              const id = await pick(db, 'advisors', a.who);
              if (id) await repo.restore('advisors', id);
              break;
            }
            case 'void': {
              const id = await pick(db, 'appointmentCertificates', a.which);
              if (id) await voidCertificate(db, id, '测试作废');
              break;
            }
            case 'register':
              await db.appointmentCertificates.add(registerRow((await pick(db, 'advisors', a.who)) ?? crypto.randomUUID(), a.number) as never);
              break;
            case 'hardDelete': {
              // Nothing in the app deletes a row for good (deletes are tombstones); a storage-level
              // delete still must not leave its number counted.
              const id = await pick(db, a.table, a.which);
              if (id)
                await db.transaction('rw', a.table, (tx) => {
                  markTransactionSelfLogged(db.tracker, tx);
                  return db.table(a.table).delete(id);
                });
              break;
            }
            case 'import': {
              office ??= await node('科技厅');
              const other = advisor({ ...(a.onRegister ? {} : { certificateNumber: a.number }), ...(a.deleted ? { deletedAt: iso } : {}) });
              await office.advisors.add(other as never);
              if (a.onRegister) await office.appointmentCertificates.add(registerRow(other.id, a.number, a.deleted) as never);
              await send(office, db);
              break;
            }
            case 'issue': {
              const now = new Date().toISOString();
              await db.table('settings').put({ id: 'advisorCertificate', value: { ...defaultCertificateSettings, numberPattern: a.pattern }, createdAt: now, updatedAt: now });
              const expected = nextCertificateNumber(a.pattern, 2026, await usedByFullScan(db));
              expect(await previewNumbers(db, '2026-11-24', 2)).toEqual([expected, nextCertificateNumber(a.pattern, 2026, [...(await usedByFullScan(db)), expected])]);
              const next = advisor({ status: '已审定', reviewResult: '通过', approvalDate: '2026-06-30', termStart: '2026-07-01', termEnd: '2029-06-30' });
              await db.advisors.add(next as never);
              expect((await issueCertificate(db, next.id, { issuedOn: '2026-11-24', mode: '整页', isReprint: false }, '2026-11-24')).number).toBe(expected);
              break;
            }
          }
        }
        const all = await usedByFullScan(db);
        const kept = await recorded(db);
        // The table holds every number on file (it may hold numbers no record holds any more).
        for (const n of all) expect(kept.has(n)).toBe(true);
        for (const pattern of patterns)
          for (const year of years) {
            expect(await nextNumberUnder(db, pattern, year)).toBe(nextCertificateNumber(pattern, year, all));
            // A number outside the candidates is held by nobody.
            const { candidates } = await db.transaction('r', [db.advisors, db.appointmentCertificates, db.table(CERTIFICATE_NUMBERS_TABLE)], () => usedNumbering(db, pattern, year));
            const sequenceOf = yearSequenceParser(pattern, year);
            for (const n of all) if (sequenceOf(n) !== null) expect(candidates.has(n)).toBe(true);
          }
        db.close();
        office?.close();
      }),
      { numRuns: 40 },
    );
  });

  it('are recorded in the write’s transaction, never logged, and a renumbered one is dropped once an issue finds it held by nobody', async () => {
    const db = await freshDb();
    const a = advisor({ status: '已聘任', certificateNumber: '桂科顾聘〔2026〕9号', termStart: '2026-01-01', termEnd: '2028-12-31' });
    await db.advisors.add(a as never);
    expect(await recorded(db)).toEqual(new Set(['桂科顾聘〔2026〕9号']));
    expect((await oplog(db)).map((op) => String(op.table))).not.toContain(CERTIFICATE_NUMBERS_TABLE);
    // A write that fails leaves nothing behind: the number comes with the record or not at all.
    await expect(
      db.transaction('rw', db.advisors, async () => {
        await db.advisors.add(advisor({ certificateNumber: '桂科顾聘〔2026〕20号' }) as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await recorded(db)).toEqual(new Set(['桂科顾聘〔2026〕9号']));
    // Corrected by hand: 9 is held by nobody now, so the next number is 4, not 10.
    await db.advisors.update(a.id, { certificateNumber: '桂科顾聘〔2026〕3号' } as never);
    expect(await recorded(db)).toEqual(new Set(['桂科顾聘〔2026〕9号', '桂科顾聘〔2026〕3号']));
    expect(await previewNumbers(db, '2026-11-24')).toEqual(['桂科顾聘〔2026〕4号']);
    // A read-write numbering (an issue) drops the stale one; a number held on file stays.
    await db.transaction('rw', [db.advisors, db.appointmentCertificates, db.table(CERTIFICATE_NUMBERS_TABLE)], () => usedNumbering(db, defaultCertificateSettings.numberPattern, 2026));
    expect(await recorded(db)).toEqual(new Set(['桂科顾聘〔2026〕3号']));
  });

  it('the v21 upgrade records the numbers already on file, deleted advisors and voided rows too (old-shape database)', async () => {
    const old = await freshDb({ versions: schemaVersions.filter((v) => v.version < 21) });
    const held = advisor({ status: '已聘任', certificateNumber: '桂科顾聘〔2026〕2号', termStart: '2026-01-01', termEnd: '2028-12-31', deletedAt: iso });
    await old.advisors.bulkAdd([held, advisor({ certificateNumber: '' }), advisor()] as never);
    await old.appointmentCertificates.bulkAdd([registerRow(held.id, '桂科顾聘〔2026〕2号'), registerRow(held.id, '桂科顾聘〔2026〕5号', true), registerRow(held.id, '桂科顾聘〔2025〕8号')] as never);
    // Many rows, each number on three of them: each number is recorded once.
    const many = Array.from({ length: 2100 }, (_, i) => registerRow(held.id, `旧-${Math.floor(i / 3)}`));
    await old.appointmentCertificates.bulkAdd(many as never);
    expect(old.tables.map((t) => t.name)).not.toContain(CERTIFICATE_NUMBERS_TABLE);
    const upgraded = await reopen(old);
    expect(upgraded.verno).toBeGreaterThanOrEqual(21);
    expect(await recorded(upgraded)).toEqual(new Set(['桂科顾聘〔2026〕2号', '桂科顾聘〔2026〕5号', '桂科顾聘〔2025〕8号', ...many.map((r) => r.number)]));
    expect((await recorded(upgraded)).size).toBe(703);
    expect(await nextNumberUnder(upgraded, defaultCertificateSettings.numberPattern, 2026)).toBe('桂科顾聘〔2026〕6号');
    expect(await nextNumberUnder(upgraded, defaultCertificateSettings.numberPattern, 2025)).toBe('桂科顾聘〔2025〕9号');
    // The records themselves are unchanged.
    expect(await upgraded.advisors.get(held.id)).toEqual(held);
  });
});
