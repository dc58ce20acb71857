import { describe, expect, it } from 'vitest';
import {
  CertificateRefusedError,
  issueCertificate,
  issueCertificates,
  listRegister,
  listRegisterEntries,
  nextNumberUnder,
  previewNumbers,
  registerDuplicates,
  registerPage,
  voidCertificate,
} from '../../../../../renderer/src/db/repositories/appointmentCertificates';
import { defaultCertificateSettings } from '../../../../../shared/domain/advisors/certificateSettings';
import { schemaVersions } from '../../../../../renderer/src/db/schema';
import { advisor, freshDb, iso, oplog, reopen } from '../helpers';

const today = '2026-11-24';
const approved = (overrides: Record<string, unknown> = {}) =>
  advisor({ status: '已审定', reviewResult: '通过', approvalDate: '2026-06-30', termStart: '2026-07-01', termEnd: '2029-06-30', ...overrides });

async function dbWith(...advisors: ReturnType<typeof advisor>[]) {
  const db = await freshDb();
  await db.advisors.bulkAdd(advisors as never);
  return db;
}

const first = { issuedOn: '2026-11-24', mode: '整页', isReprint: false } as const;

describe('issueCertificate', () => {
  it('numbers first issues 1, 2, 3 within a year and restarts in a new year', async () => {
    const [a, b, c, d] = [approved({ name: '甲' }), approved({ name: '乙' }), approved({ name: '丙' }), approved({ name: '丁' })];
    const db = await dbWith(a, b, c, d);
    expect(await previewNumbers(db, '2026-11-24', 2)).toEqual(['桂科顾聘〔2026〕1号', '桂科顾聘〔2026〕2号']);
    expect((await issueCertificate(db, a.id, first, today)).number).toBe('桂科顾聘〔2026〕1号');
    expect((await issueCertificate(db, b.id, first, today)).number).toBe('桂科顾聘〔2026〕2号');
    expect((await issueCertificate(db, c.id, first, today)).number).toBe('桂科顾聘〔2026〕3号');
    expect((await issueCertificate(db, d.id, { ...first, issuedOn: '2027-01-05' }, today)).number).toBe('桂科顾聘〔2027〕1号');
  });

  it('appoints the advisor: number, date, issuer from 单位信息, status 已聘任, and logs it', async () => {
    const a = approved();
    const db = await dbWith(a);
    const row = await issueCertificate(db, a.id, { ...first, mode: '套打' }, today);
    expect(row).toMatchObject({ advisorId: a.id, isReprint: false, mode: '套打', termStart: '2026-07-01', termEnd: '2029-06-30', issuedOn: '2026-11-24' });
    const updated = await db.advisors.get(a.id);
    expect(updated).toMatchObject({ status: '已聘任', certificateNumber: row.number, certificateIssuedOn: '2026-11-24', issuer: '广西壮族自治区人民政府' });
    expect(updated?.updatedAt).not.toBe(iso);
    const log = await oplog(db);
    const register = log.find((e) => e.table === 'appointmentCertificates');
    const advisorOp = log.find((e) => e.table === 'advisors' && e.fields.status === '已聘任');
    expect(register).toMatchObject({ id: row.id, deleted: false });
    expect(advisorOp?.fields).toMatchObject({ certificateNumber: row.number, issuer: '广西壮族自治区人民政府' });
  });

  it('uses the stored number pattern and issuer', async () => {
    const a = approved();
    const db = await dbWith(a);
    const now = new Date().toISOString();
    await db.table('settings').bulkPut([
      { id: 'advisorCertificate', value: { ...defaultCertificateSettings, numberPattern: '桂顾〔{年}〕{序号:3}号' }, createdAt: now, updatedAt: now },
      { id: 'organisation', value: { government: '测试人民政府', department: '测试厅', committeeOffice: '测试办', division: '' }, createdAt: now, updatedAt: now },
    ]);
    expect((await issueCertificate(db, a.id, first, today)).number).toBe('桂顾〔2026〕001号');
    expect((await db.advisors.get(a.id))?.issuer).toBe('测试人民政府');
  });

  it('a reprint keeps the number, adds a 补打 row and leaves the advisor alone', async () => {
    const a = approved();
    const db = await dbWith(a);
    const original = await issueCertificate(db, a.id, first, today);
    const before = await db.advisors.get(a.id);
    const reprint = await issueCertificate(db, a.id, { issuedOn: '2027-03-01', mode: '套打', isReprint: true }, today);
    expect(reprint).toMatchObject({ number: original.number, isReprint: true, issuedOn: '2027-03-01' });
    expect(await db.advisors.get(a.id)).toEqual(before);
    expect((await listRegister(db, a.id)).map((r) => r.isReprint)).toEqual([false, true]);
    // The next first issue is not confused by the reprint.
    const b = approved({ name: '乙' });
    await db.advisors.add(b as never);
    expect((await issueCertificate(db, b.id, first, today)).number).toBe('桂科顾聘〔2026〕2号');
    expect(await registerDuplicates(db)).toEqual(new Map());
  });

  it.each([
    ['not yet 审定', { status: '评议' }, /审定后才能颁发/],
    ['no term', { termStart: undefined, termEnd: undefined }, /聘期起止/],
    ['term ending before it starts', { termEnd: '2026-01-01' }, /晚于开始/],
  ])('refuses %s and writes nothing', async (_, overrides, reason) => {
    const a = approved(overrides);
    const db = await dbWith(a);
    const before = await db.oplog.count();
    const error = await issueCertificate(db, a.id, first, today).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertificateRefusedError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain(a.name);
    expect(await db.appointmentCertificates.count()).toBe(0);
    expect((await db.advisors.get(a.id))?.status).toBe(a.status);
    expect(await db.oplog.count()).toBe(before);
  });

  it('refuses a reprint for someone not appointed, and a second first issue', async () => {
    const a = approved();
    const db = await dbWith(a);
    await expect(issueCertificate(db, a.id, { ...first, isReprint: true }, today)).rejects.toThrow(/只有已聘任/);
    await issueCertificate(db, a.id, first, today);
    await expect(issueCertificate(db, a.id, first, today)).rejects.toThrow(/补打/);
  });

  it('never gives out a number already on another advisor record', async () => {
    const held = advisor({ status: '已聘任', certificateNumber: '桂科顾聘〔2026〕1号', termStart: '2026-01-01', termEnd: '2028-12-31' });
    const a = approved();
    const db = await dbWith(held, a);
    expect((await issueCertificate(db, a.id, first, today)).number).toBe('桂科顾聘〔2026〕2号');
  });
});

describe('issueCertificates (batch)', () => {
  it('numbers consecutively in the given order, reprinting the appointed ones', async () => {
    const appointed = approved({ name: '甲' });
    const db = await dbWith(appointed);
    const original = await issueCertificate(db, appointed.id, first, today);
    const [b, c] = [approved({ name: '乙' }), approved({ name: '丙' })];
    await db.advisors.bulkAdd([b, c] as never);
    const rows = await issueCertificates(db, [c.id, appointed.id, b.id], { issuedOn: '2026-12-01', mode: '整页' }, today);
    expect(rows.map((r) => [r.advisorId, r.number, r.isReprint])).toEqual([
      [c.id, '桂科顾聘〔2026〕2号', false],
      [appointed.id, original.number, true],
      [b.id, '桂科顾聘〔2026〕3号', false],
    ]);
  });

  it('is all-or-nothing and names every refused advisor', async () => {
    const [ok1, bad, ok2] = [approved({ name: '甲' }), approved({ name: '王五', status: '推荐' }), approved({ name: '丙' })];
    const db = await dbWith(ok1, bad, ok2);
    const before = await db.oplog.count();
    const error = await issueCertificates(db, [ok1.id, bad.id, ok2.id], { ...first }, today).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CertificateRefusedError);
    expect((error as CertificateRefusedError).refusals).toEqual([{ advisorId: bad.id, name: '王五', reason: expect.stringMatching(/推荐/) }]);
    expect((error as Error).message).toMatch(/^王五：/);
    expect(await db.appointmentCertificates.count()).toBe(0);
    expect((await db.advisors.get(ok1.id))?.status).toBe('已审定');
    expect(await db.oplog.count()).toBe(before);
  });
});

describe('register', () => {
  it('finds a number held by two advisors (after a merge) and marks the entries', async () => {
    const [a, b] = [approved({ name: '甲' }), approved({ name: '乙' })];
    const db = await dbWith(a, b);
    const row = await issueCertificate(db, a.id, first, today);
    // What a sync merge of two machines that both issued offline looks like.
    await db.appointmentCertificates.add({ ...row, id: crypto.randomUUID(), advisorId: b.id });
    const duplicates = await registerDuplicates(db);
    expect([...duplicates.keys()]).toEqual([row.number]);
    expect(duplicates.get(row.number)?.sort()).toEqual([a.id, b.id].sort());
    const entries = await listRegisterEntries(db);
    expect(entries.map((e) => [e.advisorName, e.isDuplicate]).sort()).toEqual([
      ['乙', true],
      ['甲', true],
    ].sort());
  });

  it('voiding tombstones the row, keeps its number used and is logged', async () => {
    const [a, b] = [approved({ name: '甲' }), approved({ name: '乙' })];
    const db = await dbWith(a, b);
    const row = await issueCertificate(db, a.id, first, today);
    const reprint = await issueCertificate(db, a.id, { ...first, isReprint: true }, today);
    await voidCertificate(db, reprint.id, '打印错位');
    expect((await listRegister(db)).map((r) => r.id)).toEqual([row.id]);
    expect(await db.appointmentCertificates.get(reprint.id)).toMatchObject({ notes: '作废：打印错位', deletedAt: expect.any(String) });
    const log = await oplog(db);
    expect(log.some((e) => e.table === 'appointmentCertificates' && e.id === reprint.id && e.fields.deletedAt)).toBe(true);
    await voidCertificate(db, row.id, '');
    expect((await issueCertificate(db, b.id, first, today)).number).toBe('桂科顾聘〔2026〕2号');
  });
});

describe('registerPage (聘书发放登记, paged by the issuedOn index)', () => {
  it('gives the newest entries, never splits a day, says whether older ones exist, and flags duplicates beyond the page', async () => {
    const [a, b] = [approved({ name: '甲' }), approved({ name: '乙' })];
    const db = await dbWith(a, b);
    const row = await issueCertificate(db, a.id, { ...first, issuedOn: '2026-07-01' }, today);
    // Nine more entries on three later days, one of them voided, and an old one sharing the first's number (a merge).
    const days = ['2026-08-01', '2026-08-01', '2026-08-01', '2026-09-01', '2026-09-01', '2026-09-01', '2026-10-01', '2026-10-01', '2026-10-01'];
    const later = days.map((issuedOn, i) => ({ ...row, id: crypto.randomUUID(), issuedOn, number: `桂科顾聘〔2026〕${10 + i}号`, isReprint: true, deletedAt: i === 8 ? iso : null }));
    await db.appointmentCertificates.bulkAdd([...later, { ...row, id: crypto.randomUUID(), advisorId: b.id, issuedOn: '2026-06-01' }]);

    const page = await registerPage(db, 4);
    // 10-01 (two live) and the whole of 09-01 (three): five rows, newest first.
    expect(page.entries.map((e) => e.issuedOn)).toEqual(['2026-10-01', '2026-10-01', '2026-09-01', '2026-09-01', '2026-09-01']);
    expect(page.entries.map((e) => e.number).slice(0, 2)).toEqual(['桂科顾聘〔2026〕17号', '桂科顾聘〔2026〕16号']);
    expect(page.hasOlder).toBe(true);
    expect([...page.duplicates.keys()]).toEqual([row.number]);

    const all = await registerPage(db, 100);
    expect(all.hasOlder).toBe(false);
    expect(all.entries).toHaveLength(10);
    expect(all.entries.filter((e) => e.isDuplicate).map((e) => e.advisorName).sort()).toEqual(['乙', '甲'].sort());
    // The same entries as the whole-register read, newest first.
    expect(all.entries.map((e) => e.id)).toEqual((await listRegisterEntries(db)).map((e) => e.id).reverse());
  });
});

describe('used certificate numbers (the property against a full scan is in certificateNumbers.test.ts)', () => {
  it('a number only on a deleted advisor’s record is still never given out again', async () => {
    const gone = advisor({ status: '已聘任', certificateNumber: '桂科顾聘〔2026〕5号', termStart: '2026-01-01', termEnd: '2028-12-31', deletedAt: iso });
    const a = approved();
    const db = await dbWith(gone, a);
    expect(await previewNumbers(db, '2026-11-24')).toEqual(['桂科顾聘〔2026〕6号']);
    expect((await issueCertificate(db, a.id, first, today)).number).toBe('桂科顾聘〔2026〕6号');
  });

  it('counts a number typed by hand without the pattern’s padding (after a pattern change)', async () => {
    const held = advisor({ status: '已聘任', certificateNumber: 'X1', termStart: '2026-01-01', termEnd: '2028-12-31' });
    const a = approved();
    const db = await dbWith(held, a);
    const now = new Date().toISOString();
    await db.table('settings').put({ id: 'advisorCertificate', value: { ...defaultCertificateSettings, numberPattern: 'X{序号:2}' }, createdAt: now, updatedAt: now });
    // 'X1' is not what X{序号:2} writes (X01) but reads as sequence 1: the next is X02.
    expect((await issueCertificate(db, a.id, first, today)).number).toBe('X02');
  });

  it('the v20 upgrade indexes the numbers already on file (old-shape database)', async () => {
    const before = schemaVersions.filter((v) => v.version < 20);
    const old = await freshDb({ versions: before });
    const onFile = [
      advisor({ status: '已聘任', certificateNumber: '桂科顾聘〔2025〕7号', termStart: '2025-01-01', termEnd: '2027-12-31' }),
      advisor({ status: '已聘任', certificateNumber: '桂科顾聘〔2026〕2号', termStart: '2026-01-01', termEnd: '2028-12-31', deletedAt: iso }),
      advisor(),
    ];
    await old.advisors.bulkAdd(onFile as never);
    expect(old.advisors.schema.indexes.map((i) => i.name)).not.toContain('certificateNumber');
    const upgraded = await reopen(old);
    expect(upgraded.verno).toBeGreaterThanOrEqual(20);
    expect(await upgraded.advisors.orderBy('certificateNumber').keys()).toEqual(['桂科顾聘〔2025〕7号', '桂科顾聘〔2026〕2号']);
    expect(await nextNumberUnder(upgraded, defaultCertificateSettings.numberPattern, 2026)).toBe('桂科顾聘〔2026〕3号');
    for (const a of onFile) expect(await upgraded.advisors.get(a.id)).toEqual(a);
    const next = approved();
    await upgraded.advisors.add(next as never);
    expect((await issueCertificate(upgraded, next.id, first, today)).number).toBe('桂科顾聘〔2026〕3号');
  });
});

