/**
 * The op check a bundle read runs 100,000 times (issue 10: reading + verifying a 100,000-op bundle
 * ≤ 1.6 s; the zod checker was about half of a read). Two layers:
 *   - a hand-written check of the op envelope that only ACCEPTS: it returns true for an op only
 *     when checkOpBySchema (op.ts, the reference) would accept it and return the same op. Field
 *     values still go through the table's own zod field schemas — that is where zod earns its
 *     cost —, remembered per read for text values that repeat (statuses, dates, timestamps).
 *   - everything it does not accept goes to checkOpBySchema, which refuses (or, for the rare
 *     shape this check does not cover, accepts) with today's code and Chinese message.
 * So no message changes, and a check missed here can only cost time, never let an op through:
 * the differential property test (opCheck.test.ts) holds the two equal on valid and hostile ops.
 */
import type { z } from 'zod';
import { isoDateTime } from '../domain/common';
import { HLC_COUNTER_HEX_DIGITS, HLC_WALL_HEX_DIGITS, isHlc } from './hlc';
import { isForbiddenKey, isJsonSafe } from './json';
import { checkOpBySchema, compiledTable, MAX_FIELDS_PER_OP, MAX_RESOLVES_PER_OP, NODE_ID_PATTERN, type OpCheck, type SyncOp } from './op';
import { PRIMARY_KEY, TOMBSTONE_FIELD, isLedgerTable, tableInfo } from './tables';

/** The properties opObjectSchema (op.ts) allows (the required ones are type-checked below). */
const ENVELOPE: ReadonlySet<string> = new Set(['opId', 'nodeId', 'table', 'id', 'fields', 'unset', 'deleted', 'operator', 'at', 'prev', 'resolves']);
/** Where the nodeId starts in an HLC (`<16 hex>-<4 hex>-<nodeId>`, hlc.ts). */
const HLC_NODE_START = HLC_WALL_HEX_DIGITS + 1 + HLC_COUNTER_HEX_DIGITS + 1;
/** Text values remembered per field schema and read; beyond this, the schema runs every time. */
const MAX_REMEMBERED_PER_SCHEMA = 4096;
const MAX_REMEMBERED_LENGTH = 256;

/** What JSON.parse makes of `{…}` (zod's record and object parsers accept exactly plain objects). */
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Field schemas' verdicts on text values already seen in this read. A field schema of a ledger
 * table is a pure function of the value (dates "not after today" are checked by the forms, not in
 * the schemas), so a value it accepted once it accepts again.
 */
class AcceptedValues {
  private readonly bySchema = new Map<z.ZodType, Set<string>>();

  accepts(schema: z.ZodType, value: unknown): boolean {
    if (typeof value !== 'string' || value.length > MAX_REMEMBERED_LENGTH) return schema.safeParse(value).success;
    let seen = this.bySchema.get(schema);
    if (seen?.has(value)) return true;
    if (!schema.safeParse(value).success) return false;
    if (!seen) this.bySchema.set(schema, (seen = new Set()));
    if (seen.size < MAX_REMEMBERED_PER_SCHEMA) seen.add(value);
    return true;
  }
}

/** Whether a (structurally checked) op writes `name`: the tombstone of a delete, else a field or unset. */
function writesField(op: SyncOp, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (op.deleted) return name === TOMBSTONE_FIELD;
  return hasOwn(op.fields, name) || (op.unset !== undefined && op.unset.includes(name));
}

/**
 * True only when checkOpBySchema(raw, knownTables) returns `{ ok: true, op }` with `op` equal to
 * `raw`: every check it makes, in hand-written form. False means "not sure", never "refused".
 */
function acceptsOp(raw: unknown, knownTables: ReadonlySet<string> | undefined, values: AcceptedValues): raw is SyncOp {
  if (!isPlainObject(raw)) return false;
  // Strictness: known properties only (a missing required one fails its type check below).
  for (const key in raw) if (!ENVELOPE.has(key) || !hasOwn(raw, key)) return false;
  const { opId, nodeId, table, id, fields, unset, deleted, operator, at, prev, resolves } = raw;

  // opId: an HLC (decodable, hlc.ts) of this nodeId, ≤ 200 characters; nodeId safe for paths.
  if (typeof opId !== 'string' || opId.length > 200 || !isHlc(opId)) return false;
  if (typeof nodeId !== 'string' || opId.slice(HLC_NODE_START) !== nodeId || !NODE_ID_PATTERN.test(nodeId)) return false;
  // A table of the registry and of this database, with one object schema (not settings' union).
  if (typeof table !== 'string' || !isLedgerTable(table) || (knownTables !== undefined && !knownTables.has(table))) return false;
  const compiled = compiledTable(table);
  const idSchema = compiled?.entries[PRIMARY_KEY];
  if (!compiled || !idSchema) return false;
  const known = tableInfo(table).known;
  // The record id: 1–200 characters, no prototype key, and what the table's id schema accepts.
  if (typeof id !== 'string' || id.length < 1 || id.length > 200 || isForbiddenKey(id) || !idSchema.safeParse(id).success) return false;
  if (typeof deleted !== 'boolean' || typeof operator !== 'string' || operator.length > 100) return false;
  if (typeof at !== 'string' || !values.accepts(isoDateTime, at)) return false;

  // fields: known names other than the primary key, JSON-safe values the table's schema accepts.
  if (!isPlainObject(fields)) return false;
  let written = 0;
  for (const name in fields) {
    if (!hasOwn(fields, name) || ++written > MAX_FIELDS_PER_OP) return false;
    if (name === PRIMARY_KEY || isForbiddenKey(name) || !known.has(name)) return false;
    const value = fields[name];
    if (!isJsonSafe(value) || !values.accepts(compiled.entries[name], value)) return false;
  }
  // unset: distinct known fields the schema lets go, none of them also written.
  let removed = 0;
  if (unset !== undefined) {
    if (!Array.isArray(unset) || unset.length > MAX_FIELDS_PER_OP) return false;
    for (let i = 0; i < unset.length; i++) {
      const name: unknown = unset[i];
      if (typeof name !== 'string' || !known.has(name) || !compiled.removable.has(name) || hasOwn(fields, name) || unset.indexOf(name) !== i) return false;
    }
    removed = unset.length;
  }
  // A delete writes only the tombstone (its value is `at`); anything else writes something.
  if (deleted ? written > 0 || removed > 0 || !values.accepts(compiled.entries[TOMBSTONE_FIELD], at) : written + removed === 0) return false;

  // Everything above is checked: from here on `raw` is an op in shape.
  const op = raw as unknown as SyncOp;
  // prev: for fields this op writes, an HLC that sorts before the op.
  if (prev !== undefined) {
    if (!isPlainObject(prev)) return false;
    for (const name in prev) {
      const before = prev[name];
      if (!hasOwn(prev, name) || isForbiddenKey(name) || typeof before !== 'string' || !writesField(op, name) || !isHlc(before) || !(before < opId)) return false;
    }
  }
  // resolves: 1–50 conflict keys of this record, on a field it writes, older than the op.
  if (resolves !== undefined) {
    if (!Array.isArray(resolves) || resolves.length < 1 || resolves.length > MAX_RESOLVES_PER_OP) return false;
    for (const key of resolves) {
      if (typeof key !== 'string' || key.length > 1000) return false;
      const [keyTable, keyId, field, winner, loser, ...more] = key.split('|');
      if (more.length > 0 || keyTable !== table || keyId !== id || !writesField(op, field) || !isHlc(winner) || !isHlc(loser) || !(winner > loser) || !(winner < opId)) return false;
    }
  }
  return true;
}

/**
 * A checker for the ops of one read (bundle.ts parseOps): it remembers the text values the
 * field schemas accepted, for as long as the read lasts.
 */
export function createOpChecker(knownTables?: ReadonlySet<string>): (raw: unknown) => OpCheck {
  const values = new AcceptedValues();
  return (raw) => (acceptsOp(raw, knownTables, values) ? { ok: true, op: raw } : checkOpBySchema(raw, knownTables));
}

/**
 * One op checked: `{ ok: true, op }` or the problem classified, with a Chinese message naming
 * the property (readBundle prefixes the line). `knownTables` narrows the tables to those the
 * local database has.
 */
export function checkOp(raw: unknown, knownTables?: ReadonlySet<string>): OpCheck {
  return createOpChecker(knownTables)(raw);
}

/** The hand-written check alone (tests: whatever it accepts, checkOpBySchema accepts as the same op). */
export function acceptsCommonOp(raw: unknown, knownTables?: ReadonlySet<string>): boolean {
  return acceptsOp(raw, knownTables, new AcceptedValues());
}
