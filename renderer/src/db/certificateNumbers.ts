import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Table, type Transaction } from 'dexie';
import { certificateNumberPrefix, YearNumbering } from '../../../shared/domain/advisors/certificateNumber';
import type { SciLedgerDb } from './database';
import { derivedTableMiddleware, putDerivedRows } from './derivedTableMiddleware';

/**
 * 聘书编号 ever recorded (issue 9: the next number within 50 ms at 100,000 advisors): a local
 * derived table whose PRIMARY key is the number, `{number}`. Issuing needs the numbers of one
 * year. Read by the ledger tables' number indexes they came with their whole rows (getAllKeys of
 * an index gives primary keys, and a key cursor over the two indexes was no faster): 2,381
 * numbers of a year took ~150 ms at 100,000 advisors. Here getAllKeys over the year's key range
 * returns the numbers themselves: the next number in ~13 ms (bench ledger-paging).
 *
 * Written by the write path: every add or put to `advisors` (certificateNumber) or
 * `appointmentCertificates` (number), tracked edits, the sync applier, restore and upgrades
 * alike, puts the numbers it stores here, in the write's own transaction. Never synced and never
 * read from a bundle (DESIGN §Data: derived on write, recomputed on import).
 *
 * The table is a SUPERSET of the numbers held: a number is never removed when a write replaces
 * it (knowing what a put replaces would cost a read of every row written). So the reader below
 * checks the candidates with the largest sequence against the number indexes — normally the
 * first one is held and one check suffices — and a read-write transaction drops the ones no
 * record holds any more. A number counts as used exactly when a register row (voided ones too)
 * or an advisor record (deleted ones too) holds it, as before.
 */
export const CERTIFICATE_NUMBERS_TABLE = 'certificateNumbers';

export interface CertificateNumberRow {
  number: string;
}

/** The tables holding numbers, and the field that holds them (each has an index on it). */
const holders = { appointmentCertificates: 'number', advisors: 'certificateNumber' } as const;
type HolderTable = keyof typeof holders;

const numberIn = (row: unknown, field: string): string | undefined => {
  const value = (row as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** DBCore middleware putting every number written to advisors or the register into certificateNumbers. */
export function createCertificateNumbersMiddleware(): Middleware<DBCore> {
  return derivedTableMiddleware({
    name: 'certificateNumbers',
    derived: CERTIFICATE_NUMBERS_TABLE, // absent before version 21
    sources: Object.keys(holders),
    wrapSources(down) {
      /** Adds the numbers not yet recorded (a put of an unchanged number writes nothing here). */
      function record(trans: DBCoreTransaction, found: Set<string>): PromiseLike<void> {
        if (found.size === 0) return Dexie.Promise.resolve();
        const keys = [...found];
        return down
          .table(CERTIFICATE_NUMBERS_TABLE)
          .getMany({ trans, keys })
          .then((rows) => {
            const missing = keys.filter((_, i) => rows[i] === undefined).map((number): CertificateNumberRow => ({ number }));
            return putDerivedRows(down, CERTIFICATE_NUMBERS_TABLE, trans, missing);
          });
      }

      return (table: DBCoreTable, tableName: string): DBCoreTable => {
        const field = holders[tableName as HolderTable];
        return {
          ...table,
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            // Deletes only take numbers away: the table may keep them (it is a superset).
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            const found = new Set<string>();
            for (const value of req.values) {
              const number = numberIn(value, field);
              if (number !== undefined) found.add(number);
            }
            if (found.size === 0) return table.mutate(req);
            // Dexie promise chains only (putDerivedRows): a native await would lose Dexie's
            // transaction zone before the next mutate.
            return table.mutate(req).then((res) => record(req.trans, found).then(() => res)) as Promise<DBCoreMutateResponse>;
          },
        };
      };
    },
  });
}

/**
 * Schema v21 upgrade: the numbers already on file, the distinct keys of the two number indexes,
 * one index after the other. Chromium batches a lone key cursor (0.9 s for 2 × 16,667 numbers
 * under load, against 2.2 s reading the rows in chunks of 2,000); two cursors at once defeat the
 * batching (6.1 s). Writing the rows costs about as much again (a row is a row to IndexedDB).
 */
export async function fillCertificateNumbers(tx: Transaction): Promise<void> {
  const found = new Set<string>();
  for (const [table, field] of Object.entries(holders)) {
    for (const key of await tx.table(table).orderBy(field).uniqueKeys()) if (typeof key === 'string' && key !== '') found.add(key);
  }
  if (found.size > 0) await tx.table(CERTIFICATE_NUMBERS_TABLE).bulkPut([...found].map((number): CertificateNumberRow => ({ number })));
}

/**
 * Key ranges [from, to) of the strings that begin with a space of some kind: a number is parsed
 * trimmed (String.prototype.trim), so ' 桂科顾聘〔2026〕3号' counts as number 3 of 2026.
 */
const LEADING_SPACE: readonly (readonly [string, string])[] = [
  ['', '!'],
  ['\u00a0', '\u00a1'],
  ['\u1680', '\u1681'],
  ['\u2000', '\u200b'],
  ['\u2028', '\u202a'],
  ['\u202f', '\u2030'],
  ['\u205f', '\u2060'],
  ['\u3000', '\u3001'],
  ['\ufeff', '\uff00'],
];

/**
 * The key ranges [from, to) every number of `year` under `pattern` lies in: the one its trimmed
 * form begins with (certificateNumberPrefix) and, unless that is every string, those of leading
 * spaces, which parsing trims.
 */
export function yearKeyRanges(pattern: string, year: number): (readonly [string, string])[] {
  const prefix = certificateNumberPrefix(pattern, year);
  return [[prefix, prefix + '\uffff'] as const, ...(prefix === '' ? [] : LEADING_SPACE)];
}

/** The tables usedNumbering reads; a caller's transaction must include them. */
export function numberingTables(db: SciLedgerDb): Table[] {
  return [db.advisors, db.appointmentCertificates, db.table(CERTIFICATE_NUMBERS_TABLE)] as Table[];
}

/** True when a register row (voided ones too) or an advisor record (deleted ones too) holds `number`. */
async function isHeld(db: SciLedgerDb, number: string): Promise<boolean> {
  const counts = await Promise.all([db.appointmentCertificates.where('number').equals(number).count(), db.advisors.where('certificateNumber').equals(number).count()]);
  return counts[0] + counts[1] > 0;
}

/**
 * The numbering of `year` under `pattern` as issuing sees it: one past the largest sequence among
 * the numbers held that can be numbers of that year — every number held, in the key range such
 * numbers begin with (certificateNumberPrefix) or with leading spaces, which parsing trims. Read
 * from certificateNumbers' keys; the candidates are checked against the number indexes from the
 * largest sequence down until one is held. Also returns the candidates: a number outside them is
 * held by nobody. Call inside a transaction over numberingTables (read-write drops stale numbers).
 */
export async function usedNumbering(db: SciLedgerDb, pattern: string, year: number): Promise<{ numbering: YearNumbering; candidates: Set<string> }> {
  const ranges = yearKeyRanges(pattern, year);
  const store = db.table<CertificateNumberRow, string>(CERTIFICATE_NUMBERS_TABLE);
  const keys = await Promise.all(ranges.map(([from, to]) => store.where(':id').between(from, to, true, false).primaryKeys()));
  const candidates = new Set<string>();
  for (const list of keys) for (const key of list) if (typeof key === 'string' && key !== '') candidates.add(key);

  const numbering = new YearNumbering(pattern, year);
  const bySequence = new Map<number, string[]>();
  for (const number of candidates) {
    const sequence = numbering.sequenceOf(number);
    if (sequence === null) continue;
    const same = bySequence.get(sequence);
    if (same) same.push(number);
    else bySequence.set(sequence, [number]);
  }
  const stale: string[] = [];
  for (const sequence of [...bySequence.keys()].sort((a, b) => b - a)) {
    const numbers = bySequence.get(sequence) as string[];
    const held = await Promise.all(numbers.map((n) => isHeld(db, n)));
    stale.push(...numbers.filter((_, i) => !held[i]));
    if (held.includes(true)) {
      numbering.take(numbers[held.indexOf(true)]);
      break;
    }
  }
  for (const n of stale) candidates.delete(n);
  if (stale.length > 0 && Dexie.currentTransaction?.mode === 'readwrite') await store.bulkDelete(stale);
  return { numbering, candidates };
}
