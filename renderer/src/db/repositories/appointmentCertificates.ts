import type { Advisor, AppointmentCertificate } from '../../../../shared/domain/advisors/schema';
import { canIssueCertificate, checkTransition } from '../../../../shared/domain/advisors/rules';
import { findDuplicateNumbers, type YearNumbering } from '../../../../shared/domain/advisors/certificateNumber';
import { certificateSettingsSchema, defaultCertificateSettings } from '../../../../shared/domain/advisors/certificateSettings';
import { defaultOrganisation, organisationSettingsSchema } from '../../../../shared/domain/settings/schema';
import type { SciLedgerDb } from '../database';
import { numberingTables, usedNumbering } from '../certificateNumbers';
import { buildRecord } from '../ledgerRepository';
import { validateRecord } from '../validation';

/**
 * 聘书发放登记 (seed 000 §三: 聘书以自治区人民政府名义聘任): the only place that writes the
 * certificate register. Issuing is one `rw` transaction over advisors, register and settings,
 * so a number is taken, recorded and stamped on the advisor together or not at all.
 */

export type CertificateMode = AppointmentCertificate['mode'];

export interface IssueOptions {
  /** Date of the issue or reprint, YYYY-MM-DD; its year numbers a first issue. */
  issuedOn: string;
  mode: CertificateMode;
  isReprint: boolean;
}

export interface BatchIssueOptions extends Omit<IssueOptions, 'isReprint'> {
  /** Unset: decided per advisor — 已聘任 gets a reprint, everyone else a first issue. */
  isReprint?: boolean;
}

/** One or more advisors may not get a certificate; nothing was written. */
export class CertificateRefusedError extends Error {
  constructor(readonly refusals: { advisorId: string; name: string; reason: string }[]) {
    super(refusals.map((r) => `${r.name}：${r.reason}`).join('；'));
    this.name = 'CertificateRefusedError';
  }
}

const isActive = (r: { deletedAt?: string | null }) => !r.deletedAt;

function tables(db: SciLedgerDb) {
  return [...numberingTables(db), db.table('settings')];
}

/**
 * The number the next first issue of `year` would get under `pattern` (设置 shows it for the
 * pattern being typed): one past the largest sequence of that year among the numbers given out —
 * voided register rows and numbers on advisor records (deleted ones too) without a register row
 * count as well — read from the certificateNumbers keys of that year (certificateNumbers.ts),
 * never from every advisor (1–2 s at 100,000) nor from whole rows.
 */
export async function nextNumberUnder(db: SciLedgerDb, pattern: string, year: number): Promise<string> {
  return db.transaction('r', numberingTables(db), async () => (await usedNumbering(db, pattern, year)).numbering.next());
}

/** The advisors holding `number`, on the register (voided rows too) or on their record (deleted ones too). */
async function holdersOf(db: SciLedgerDb, number: string): Promise<Set<string>> {
  const [rows, advisorIds] = await Promise.all([
    db.appointmentCertificates.where('number').equals(number).toArray(),
    db.advisors.where('certificateNumber').equals(number).primaryKeys(),
  ]);
  return new Set([...rows.map((r) => r.advisorId), ...(advisorIds as string[])]);
}

interface Context {
  issuer: string;
  /** The numbering of the year first issues are numbered in (the issue date's), counting the numbers this batch gave out. */
  numbering: YearNumbering;
  /** Every number of that year someone may hold (usedNumbering); any other is held by nobody. */
  candidates: Set<string>;
  nowIso: string;
  today: string;
}

/** Checks and applies one issue inside the caller's transaction; returns a refusal reason or the row. */
async function issueOne(db: SciLedgerDb, advisor: Advisor | undefined, options: IssueOptions, ctx: Context): Promise<string | AppointmentCertificate> {
  if (!advisor || advisor.deletedAt) return '科技顾问记录不存在或已删除';
  const check = canIssueCertificate(advisor, { isReprint: options.isReprint });
  if (!check.ok) return check.reason;
  const termStart = advisor.termStart as string;
  const termEnd = advisor.termEnd as string;

  if (options.isReprint) {
    // A reprint is the same appointment: same number, advisor unchanged (only the register grows).
    if (!advisor.certificateNumber) return '没有原聘书编号，无法补打';
    const row = buildRecord(
      'appointmentCertificates',
      { advisorId: advisor.id, number: advisor.certificateNumber, issuedOn: options.issuedOn, termStart, termEnd, isReprint: true, mode: options.mode },
      ctx.nowIso,
    );
    await db.appointmentCertificates.add(row);
    return row;
  }

  const number = ctx.numbering.next();
  // One past the largest is normally free; a number that does not fit the pattern may still
  // equal it (the pattern was changed). Its holders are read by the index, inside this
  // transaction, so numbers given earlier in the batch count.
  if (ctx.candidates.has(number) && [...(await holdersOf(db, number))].some((id) => id !== advisor.id)) return `聘书编号 ${number} 已被其他科技顾问使用，请检查编号格式`;

  const details = { certificateNumber: number };
  const transition = checkTransition(advisor, '已聘任', ctx.today, details);
  if (!transition.ok) return transition.reason;

  const row = buildRecord(
    'appointmentCertificates',
    { advisorId: advisor.id, number, issuedOn: options.issuedOn, termStart, termEnd, isReprint: false, mode: options.mode },
    ctx.nowIso,
  );
  await db.appointmentCertificates.add(row);
  const updated = validateRecord('advisors', {
    ...advisor,
    ...details,
    certificateIssuedOn: options.issuedOn,
    issuer: ctx.issuer,
    status: '已聘任',
    updatedAt: ctx.nowIso,
  });
  await db.advisors.put(updated);
  ctx.numbering.take(number);
  ctx.candidates.add(number);
  return row;
}

/** A stored setting, or the default when missing or unreadable (same rule as settingsStore). */
async function setting<T>(db: SciLedgerDb, key: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }, fallback: T): Promise<T> {
  const record = await db.table('settings').get(key);
  if (!record || record.deletedAt) return fallback;
  const parsed = schema.safeParse(record.value);
  return parsed.success ? (parsed.data as T) : fallback;
}

async function context(db: SciLedgerDb, issuedOn: string, today: string): Promise<Context> {
  const [certificate, organisation] = await Promise.all([
    setting(db, 'advisorCertificate', certificateSettingsSchema, defaultCertificateSettings),
    setting(db, 'organisation', organisationSettingsSchema, defaultOrganisation),
  ]);
  const { numbering, candidates } = await usedNumbering(db, certificate.numberPattern, Number(issuedOn.slice(0, 4)));
  return { issuer: organisation.government, numbering, candidates, nowIso: new Date().toISOString(), today };
}

/**
 * Issues (or reprints) one advisor's 聘书 and returns the register row. Throws
 * CertificateRefusedError with the Chinese reason when the rules refuse; nothing is written then.
 */
export async function issueCertificate(db: SciLedgerDb, advisorId: string, options: IssueOptions, today: string): Promise<AppointmentCertificate> {
  const [row] = await issueCertificates(db, [advisorId], options, today);
  return row;
}

/**
 * A batch, numbered consecutively in the given order. All or nothing: every refusal is
 * collected and reported together, and the transaction is rolled back.
 */
export async function issueCertificates(db: SciLedgerDb, advisorIds: string[], options: BatchIssueOptions, today: string): Promise<AppointmentCertificate[]> {
  const ids = [...new Set(advisorIds)];
  return db.transaction('rw', tables(db), async () => {
    const ctx = await context(db, options.issuedOn, today);
    const advisors = await db.advisors.bulkGet(ids);
    const rows: AppointmentCertificate[] = [];
    const refusals: CertificateRefusedError['refusals'] = [];
    for (const [i, advisor] of advisors.entries()) {
      const isReprint = options.isReprint ?? advisor?.status === '已聘任';
      const result = await issueOne(db, advisor, { ...options, isReprint }, ctx);
      if (typeof result === 'string') refusals.push({ advisorId: ids[i], name: advisor?.name ?? ids[i], reason: result });
      else rows.push(result);
    }
    // Throwing inside the transaction aborts it: the rows written so far are rolled back.
    if (refusals.length) throw new CertificateRefusedError(refusals);
    return rows;
  });
}

/** The numbers the next `count` first issues on `issuedOn` would take (shown before confirming). */
export async function previewNumbers(db: SciLedgerDb, issuedOn: string, count = 1): Promise<string[]> {
  return db.transaction('r', tables(db), async () => {
    const { numbering } = await context(db, issuedOn, issuedOn);
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      const number = numbering.next();
      numbering.take(number);
      numbers.push(number);
    }
    return numbers;
  });
}

/**
 * 作废: tombstones a register row (a misprint, a wrong entry). The number stays used; the
 * advisor record is not touched — a wrongly issued appointment is handled by 解聘 or a correction.
 */
export async function voidCertificate(db: SciLedgerDb, rowId: string, reason: string): Promise<void> {
  await db.transaction('rw', db.appointmentCertificates, async () => {
    const row = await db.appointmentCertificates.get(rowId);
    if (!row || row.deletedAt) return;
    const now = new Date().toISOString();
    const notes = [row.notes, `作废：${reason.trim() || '未说明原因'}`].filter(Boolean).join('；').slice(0, 500);
    await db.appointmentCertificates.put(validateRecord('appointmentCertificates', { ...row, notes, deletedAt: now, updatedAt: now }));
  });
}

function byDateThenNumber(a: AppointmentCertificate, b: AppointmentCertificate): number {
  return a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number, 'zh-CN', { numeric: true }) || a.createdAt.localeCompare(b.createdAt);
}

/** The register (active rows), oldest first; one advisor's rows when `advisorId` is given. */
export async function listRegister(db: SciLedgerDb, advisorId?: string): Promise<AppointmentCertificate[]> {
  const rows = advisorId ? await db.appointmentCertificates.where('advisorId').equals(advisorId).toArray() : await db.appointmentCertificates.toArray();
  return rows.filter(isActive).sort(byDateThenNumber);
}

/** A register row with the advisor's name, for the 登记簿 table and document. */
export interface RegisterEntry extends AppointmentCertificate {
  advisorName: string;
  honorific: string;
  homeInstitution: string;
  /** Another advisor holds the same number (e.g. two machines issued offline, then merged). */
  isDuplicate: boolean;
}

export async function listRegisterEntries(db: SciLedgerDb): Promise<RegisterEntry[]> {
  const rows = await listRegister(db);
  return named(db, rows, findDuplicateNumbers(rows));
}

/** Register rows with their advisors' names (only the advisors the rows name, by key). */
async function named(db: SciLedgerDb, rows: AppointmentCertificate[], duplicates: ReadonlyMap<string, string[]>): Promise<RegisterEntry[]> {
  const advisorIds = [...new Set(rows.map((r) => r.advisorId))];
  const advisors = new Map((await db.advisors.bulkGet(advisorIds)).flatMap((a) => (a ? [[a.id, a] as const] : [])));
  return rows.map((row) => {
    const advisor = advisors.get(row.advisorId);
    return {
      ...row,
      advisorName: advisor?.name ?? '（已删除的科技顾问）',
      honorific: advisor?.honorific ?? '—',
      homeInstitution: advisor?.homeInstitution ?? '',
      isDuplicate: duplicates.has(row.number),
    };
  });
}

/** The newest entries of the register, and whether older ones exist (聘书发放登记, paged). */
export interface RegisterPage {
  entries: RegisterEntry[];
  hasOlder: boolean;
  /** Numbers held by more than one advisor anywhere in the register, not just on the page. */
  duplicates: Map<string, string[]>;
}

/**
 * The newest `limit` active entries of the register, newest 登记日期 first (ties by number,
 * descending), read along the issuedOn index: the register is never read whole. The last day
 * on the page is read in full, so a page never splits a day's entries.
 */
export async function registerPage(db: SciLedgerDb, limit: number): Promise<RegisterPage> {
  return db.transaction('r', [db.appointmentCertificates, db.advisors], async () => {
    const newest = await db.appointmentCertificates.orderBy('issuedOn').reverse().filter(isActive).limit(limit + 1).toArray();
    const hasOlder = newest.length > limit;
    let rows = newest.slice(0, limit);
    if (hasOlder && rows.length > 0) {
      const lastDay = rows[rows.length - 1].issuedOn;
      const sameDay = (await db.appointmentCertificates.where('issuedOn').equals(lastDay).toArray()).filter(isActive);
      rows = [...rows.filter((r) => r.issuedOn !== lastDay), ...sameDay];
    }
    rows.sort((a, b) => byDateThenNumber(b, a));
    const duplicates = await registerDuplicates(db);
    // The last day was read whole: older entries are those of earlier days.
    return { entries: await named(db, rows, duplicates), hasOlder: hasOlder && (await olderExists(db, rows)), duplicates };
  });
}

/** True when an active entry older than the page's last day exists. */
async function olderExists(db: SciLedgerDb, rows: AppointmentCertificate[]): Promise<boolean> {
  const lastDay = rows[rows.length - 1]?.issuedOn;
  if (lastDay === undefined) return false;
  return (await db.appointmentCertificates.where('issuedOn').below(lastDay).filter(isActive).limit(1).count()) > 0;
}

/**
 * Numbers held by more than one advisor → their advisor ids. The numbers are read from the
 * number index alone (keys, no records); only rows of a number that occurs twice are read.
 */
export async function registerDuplicates(db: SciLedgerDb): Promise<Map<string, string[]>> {
  const numbers = (await db.appointmentCertificates.orderBy('number').keys()) as string[];
  const repeated = [...new Set(numbers.filter((n, i) => i > 0 && numbers[i - 1] === n))];
  if (repeated.length === 0) return new Map();
  return findDuplicateNumbers(await db.appointmentCertificates.where('number').anyOf(repeated).toArray());
}
