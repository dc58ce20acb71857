import type { LedgerTableName } from '../domain/ledgerTables';
import type { SortValue } from './collation';
import { normaliseSearchText, pinyinKeys, searchParts, SEARCH_PART_SEPARATOR } from './searchKeys';

/**
 * Derived keys of ledger records (issue 9, DESIGN §Data "Sort/search keys … derived on write and
 * recomputed on import, never trusted from a bundle"). For every record of a paged ledger there
 * is one key row — name, its pinyin, the quick-search text and the fields the screen filters and
 * sorts on. A ledger screen pages through key rows held in memory, never through whole records,
 * and reads only the records of the page on screen. Since schema v19 the data layer stores only
 * the part a record cannot give cheaply (StoredKey: the pinyin, and what the recent-first index
 * orders by) inside the record row, written with it; keyRowOf rebuilds the key row from both.
 */

/** What a key row holds of its record: plain values only. */
export type KeyFields = Record<string, SortValue>;

export interface LedgerKeyRow {
  table: string;
  id: string;
  /** 1 while the record is live, 0 once tombstoned (deletedAt): ledgers list live records. */
  live: 0 | 1;
  /** The text the ledger is sorted by when sorted by name (collator order, see KeyIndex). */
  name: string;
  /** Pinyin of the name, full and initials (a pinyin lookup runs in the ledger's in-memory KeyIndex). */
  pinyin: string;
  initials: string;
  /** Quick-search text: the searchable fields, normalised (shared/search/searchKeys searchParts)… */
  search: string;
  /** …and their pinyin, full and initials. */
  spell: string;
  /** Fields the screen filters and sorts on. */
  fields: KeyFields;
  updatedAt: string;
}

export interface LedgerKeySpec {
  /** The field a "by name" sort and pinyin lookups use. */
  name: string;
  /** The name is a person's name: its first character is read as a surname (曾 zeng). */
  personName: boolean;
  /** Fields searched by 快速搜索 (all of them also in Chinese, full pinyin and initials). */
  search: readonly string[];
  /** Fields filtered or sorted on by the screen (besides name and updatedAt). */
  fields: readonly string[];
}

/**
 * The ledgers read page by page. A table listed here gets key rows on every write; a screen of
 * a table not listed here reads its (small) lists in memory.
 */
export const ledgerKeySpecs: Partial<Record<LedgerTableName, LedgerKeySpec>> = {
  advisors: {
    name: 'name',
    personName: true,
    search: ['name', 'honorific', 'homeInstitution', 'serviceUnit', 'field', 'competentDepartment', 'certificateNumber'],
    fields: ['status', 'honorific', 'homeInstitution', 'serviceUnit', 'field', 'competentDepartment', 'termStart', 'termEnd', 'phone', 'serviceUnitLiaison', 'certificateNumber'],
  },
  // 科技特派员 (issue 12): the roster pages like the advisors' (thousands of commissioners a year).
  commissioners: {
    name: 'name',
    personName: true,
    search: ['name', 'dispatchUnit', 'field', 'mobile'],
    fields: ['status', 'gender', 'dispatchUnit', 'degree', 'academicTitle', 'field', 'mobile', 'teamId', 'isPriority'],
  },
};

export function keySpecOf(table: string): LedgerKeySpec | undefined {
  return (ledgerKeySpecs as Record<string, LedgerKeySpec | undefined>)[table];
}

function plain(value: unknown): SortValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * What the data layer STORES of a key row (issue 10, schema v19): only what cannot be read off
 * the record cheaply — the pinyin (pinyin-pro is the expensive part of a key) — plus the two
 * values the recent-first index orders by. It is kept inside the record row, hidden like the
 * field clocks; the rest of the key row (name, fields, search text) is taken from the record
 * itself when the row is read (keyRowOf). A separate key row per record cost every keyed write
 * a second row: about as much again as the record.
 */
export interface StoredKey {
  /** 1 while the record is live, 0 once tombstoned. */
  live: 0 | 1;
  /** updatedAt ('' when the record has none): the recent-first index is [live+at]. */
  at: string;
  pinyin: string;
  initials: string;
  spell: string;
}

/** The text a searched field contributes (deriveKeyRow's rule: strings as they are, others as text). */
function searchedText(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

/** The stored part of a record's key row (pinyin computed here, on this machine). */
export function deriveStoredKey(spec: LedgerKeySpec, record: Record<string, unknown>): StoredKey {
  const name = typeof record[spec.name] === 'string' ? (record[spec.name] as string) : '';
  const { full, initials } = pinyinKeys(name, spec.personName);
  const { spell } = searchParts(spec.search.map((f) => ({ text: searchedText(record[f]), personName: f === spec.name && spec.personName })));
  return { live: record.deletedAt ? 0 : 1, at: typeof record.updatedAt === 'string' ? record.updatedAt : '', pinyin: full, initials, spell };
}

/**
 * The key row of a record from the record and its stored key: what a paged ledger reads. The
 * search text is the normalised searched fields (cheap), the pinyin comes from `stored`.
 */
export function keyRowOf(table: string, spec: LedgerKeySpec, record: Record<string, unknown>, stored: StoredKey): LedgerKeyRow {
  const fields: KeyFields = {};
  for (const f of spec.fields) fields[f] = plain(record[f]);
  const texts: string[] = [];
  for (const f of spec.search) {
    const text = searchedText(record[f]);
    if (text) texts.push(normaliseSearchText(text));
  }
  return {
    table,
    id: String(record.id),
    live: stored.live,
    name: typeof record[spec.name] === 'string' ? (record[spec.name] as string) : '',
    pinyin: stored.pinyin,
    initials: stored.initials,
    search: texts.join(SEARCH_PART_SEPARATOR),
    spell: stored.spell,
    fields,
    updatedAt: stored.at,
  };
}

/** The key row of one record, from the record alone (so any machine derives the same row). */
export function deriveKeyRow(table: string, spec: LedgerKeySpec, record: Record<string, unknown>): LedgerKeyRow {
  return keyRowOf(table, spec, record, deriveStoredKey(spec, record));
}
