/**
 * The unit of sync: one change to one record, as the change-tracking middleware writes it to the
 * oplog (renderer/src/db/oplog.ts, DESIGN §Data) plus `prev`, and as it travels in ops.jsonl.
 *
 * `prev` is what makes concurrency detectable (DESIGN §Sync: "same-field concurrent edits go to a
 * visible conflicts table"): for each field the op writes, the opId of the value its author
 * overwrote. Two ops that overwrote the same value of the same field, on different nodes, were
 * made without seeing each other — see merge.ts for the precise rule.
 */
import { z } from 'zod';
import { isoDateTime } from '../domain/common';
import { fieldLabel } from '../domain/fieldLabels';
import { ledgerTableNames, type LedgerTableName } from '../domain/ledgerTables';
import { decodeHlc, isHlc } from './hlc';
import { findForbiddenKey, isForbiddenKey, isJsonSafe } from './json';
import { PRIMARY_KEY, TOMBSTONE_FIELD, checkFieldValue, checkRecordId, isKnownField, isLedgerTable, parseOptions, tableInfo, tableLabel } from './tables';

export interface SyncOp {
  /** HLC `wall-counter-nodeId` (hlc.ts): unique, and string order is the merge order. */
  opId: string;
  /** The author node; equals the nodeId inside opId. */
  nodeId: string;
  table: LedgerTableName;
  /** Primary key of the record. */
  id: string;
  /** Top-level fields written and their new values (JSON values). */
  fields: Record<string, unknown>;
  /** Fields removed from the record. Omitted when empty. */
  unset?: string[];
  /** Hard delete at the storage level; merged as a tombstone (`deletedAt = at`). */
  deleted: boolean;
  operator: string;
  /** Author's machine time, ISO 8601 — for people; ordering uses opId. */
  at: string;
  /**
   * For each written field (fields, unset, and `deletedAt` for a hard delete) the opId of the
   * value the author overwrote; a field never set before at the author has no entry. An op
   * without `prev` at all predates sync (legacy oplog) and never takes part in conflicts.
   */
  prev?: Record<string, string>;
  /**
   * Conflict keys (merge.ts Conflict.key) this op resolves: the clerk chose the value it writes
   * for that conflict's field. It travels like any op, so every machine closes the same conflict
   * — also when a third machine resolved it or the winner kept its own value (issue 10).
   */
  resolves?: string[];
}

/** Most conflicts one op may resolve (one field of one record has few forks). */
export const MAX_RESOLVES_PER_OP = 50;

/** nodeIds are UUIDs today; the pattern keeps them safe in outbox/<nodeId>/ paths and keys. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
export const nodeIdSchema = z.string().regex(NODE_ID_PATTERN, '节点编号无效');

export const MAX_FIELDS_PER_OP = 500;

/** One field an op writes, as the merge sees it. */
export interface FieldWrite {
  field: string;
  /** New value; undefined when the op removes the field. */
  value: unknown;
  unset: boolean;
  /** opId overwritten; null = field never set at the author; undefined = legacy op (no prev). */
  prev: string | null | undefined;
}

/** The fields an op writes, a hard delete being a write of the tombstone field. */
export function fieldWrites(op: SyncOp): FieldWrite[] {
  const prevOf = (field: string) => (op.prev === undefined ? undefined : Object.prototype.hasOwnProperty.call(op.prev, field) ? op.prev[field] : null);
  if (op.deleted) return [{ field: TOMBSTONE_FIELD, value: op.at, unset: false, prev: prevOf(TOMBSTONE_FIELD) }];
  const writes: FieldWrite[] = Object.keys(op.fields).map((field) => ({ field, value: op.fields[field], unset: false, prev: prevOf(field) }));
  for (const field of op.unset ?? []) writes.push({ field, value: undefined, unset: true, prev: prevOf(field) });
  return writes;
}

const tableSchema = z.enum(ledgerTableNames as [LedgerTableName, ...LedgerTableName[]], { message: '未知的台账表' });

const opObjectSchema = z.strictObject({
  opId: z.string().max(200).refine(isHlc, 'opId 不是有效的 HLC 时间戳'),
  nodeId: nodeIdSchema,
  table: tableSchema,
  id: z.string().min(1, '记录编号为空').max(200, '记录编号过长'),
  fields: z.record(z.string(), z.unknown()),
  unset: z.array(z.string()).max(MAX_FIELDS_PER_OP).optional(),
  deleted: z.boolean(),
  operator: z.string().max(100, '操作员名称过长'),
  at: isoDateTime,
  prev: z.record(z.string(), z.string()).optional(),
  resolves: z.array(z.string().max(1000, '冲突编号过长')).min(1, '解决的冲突为空').max(MAX_RESOLVES_PER_OP, '解决的冲突过多').optional(),
});

/** Cross-field rules that a plain object schema cannot say. */
function checkOpStructure(op: z.infer<typeof opObjectSchema>, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: (string | number)[] = []) => ctx.addIssue({ code: 'custom', message, path });
  // zod runs this even when a property failed: only reason about what did parse.
  if (!isHlc(op.opId) || !isLedgerTable(op.table)) return;
  if (decodeHlc(op.opId).nodeId !== op.nodeId) issue('opId 中的节点编号与 nodeId 不一致', ['opId']);
  if (isForbiddenKey(op.id)) issue(`非法的记录编号“${op.id}”`, ['id']);
  const names = Object.keys(op.fields);
  if (names.length > MAX_FIELDS_PER_OP) issue('字段过多', ['fields']);
  for (const name of names) {
    if (name === PRIMARY_KEY) issue('fields 不能包含主键 id', ['fields', name]);
    else if (!isKnownField(op.table, name)) issue(`${tableLabel(op.table)}没有字段“${name}”`, ['fields', name]);
    else if (!isJsonSafe(op.fields[name])) issue(`字段“${fieldLabel(name)}”的值不是有效的 JSON 值`, ['fields', name]);
  }
  const unset = op.unset ?? [];
  if (new Set(unset).size !== unset.length) issue('unset 中有重复字段', ['unset']);
  for (const name of unset) {
    if (!isKnownField(op.table, name)) issue(`${tableLabel(op.table)}没有字段“${name}”`, ['unset']);
    else if (Object.prototype.hasOwnProperty.call(op.fields, name)) issue(`字段“${name}”同时被写入和清除`, ['unset']);
  }
  if (op.deleted && (names.length > 0 || unset.length > 0)) issue('删除操作不能同时修改字段', ['deleted']);
  if (!op.deleted && names.length === 0 && unset.length === 0) issue('操作没有修改任何字段', ['fields']);
  const written = new Set(op.deleted ? [TOMBSTONE_FIELD] : [...names, ...unset]);
  for (const [name, prevId] of Object.entries(op.prev ?? {})) {
    if (!written.has(name)) issue(`prev 中的字段“${name}”未被本操作修改`, ['prev', name]);
    // The author had received `prev`, so its HLC moved past it (hlc.ts receive): an op always
    // sorts after what it overwrote. Anything else is forged or corrupt.
    else if (!isHlc(prevId) || !(prevId < op.opId)) issue(`prev 中字段“${name}”的时间戳无效`, ['prev', name]);
  }
  for (const key of op.resolves ?? []) {
    // A resolution names a conflict of this very record, on a field this op writes.
    const [table, id, field, winner, loser, ...more] = key.split('|');
    if (more.length > 0 || table !== op.table || id !== op.id || !written.has(field) || !isHlc(winner) || !isHlc(loser) || !(winner > loser) || !(winner < op.opId)) {
      issue('解决的冲突（resolves）中有无效的冲突编号', ['resolves']);
      break;
    }
  }
}

/**
 * Strict schema of one op as read from a bundle: unknown keys refused, opId an HLC of `nodeId`,
 * a known table, known field names (schema fields or bookkeeping), JSON-safe values, and no
 * `__proto__` / `constructor` / `prototype` key at any depth (checked first: zod's record parser
 * would silently drop `__proto__`). Field VALUES are checked by validateOpFields.
 */
const opStructureSchema = opObjectSchema.superRefine(checkOpStructure);

export const syncOpSchema = z
  .unknown()
  .check(
    z.refine((value) => findForbiddenKey(value) === null, {
      message: '包含非法键名（__proto__ / constructor / prototype）',
    }),
  )
  .pipe(opStructureSchema) as unknown as z.ZodType<SyncOp>;

export interface OpFieldIssue {
  field: string;
  message: string;
}

/**
 * Field values of a structurally valid op checked against the table's zod schema, one field at
 * a time (issue 4: "every op against the zod schemas before touching the database"). For the
 * settings table (a union discriminated by id) the option of the record's id is used, so its
 * `value` is validated as a whole. Empty array = valid.
 */
export function validateOpFields(op: SyncOp): OpFieldIssue[] {
  // Fast path: one compiled schema checks the whole op; any problem is then worded field by
  // field below, exactly as before (same checks, same messages).
  if (fieldsValidByCompiledSchema(op)) return [];
  const issues: OpFieldIssue[] = [];
  const idProblem = checkRecordId(op.table, op.id);
  if (idProblem) return [{ field: PRIMARY_KEY, message: idProblem }];
  for (const w of fieldWrites(op)) {
    const message = checkFieldValue(op.table, op.id, w.field, w.value);
    if (message) issues.push({ field: w.field, message });
  }
  return issues;
}

export interface CompiledTable {
  /** Per field an op may write: the schema its value must pass (optional, as the table's). */
  entries: Readonly<Record<string, z.ZodType>>;
  /** Fields an op may remove (optional in the schema, or bookkeeping). */
  removable: ReadonlySet<string>;
  /**
   * One strict object per set of written fields, compiled on first use: an op is checked by
   * one parse over the fields it writes, not over every field of the table (an edit writes 2–3
   * of 30+). Bounded: a bundle has a handful of shapes (creates, edits of a field, deletes).
   */
  bySignature: Map<string, z.ZodType>;
}

const compiledTables = new Map<LedgerTableName, CompiledTable | null>();
const MAX_SIGNATURES_PER_TABLE = 500;

/**
 * Strict zod objects per table for a whole op (issue 10: 0.40 s instead of 1.07 s for 100,000
 * ops): `id` and the written fields as optional values of the table's field schemas. Tables
 * whose schema is a union (settings: discriminated by id) keep the per-field path.
 */
export function compiledTable(table: LedgerTableName): CompiledTable | null {
  if (compiledTables.has(table)) return compiledTables.get(table) as CompiledTable | null;
  const info = tableInfo(table);
  let compiled: CompiledTable | null = null;
  if (info.shapes.length === 1 && !info.discriminatedById) {
    const shape = info.shapes[0];
    // What checkFieldValue accepts for a bookkeeping field the schema does not declare.
    const bookkeeping = z.union([z.string(), z.null()]).optional();
    const entries: Record<string, z.ZodType> = {};
    const removable = new Set<string>();
    for (const field of info.known) {
      const own = shape[field];
      entries[field] = own ? own.optional() : bookkeeping;
      if (!own || own.safeParse(undefined).success) removable.add(field);
    }
    if (shape[PRIMARY_KEY]) entries[PRIMARY_KEY] = shape[PRIMARY_KEY];
    compiled = { entries, removable, bySignature: new Map() };
  }
  compiledTables.set(table, compiled);
  return compiled;
}

/** The strict object for exactly these keys (unknown keys refused by strictness, as before). */
function schemaFor(compiled: CompiledTable, keys: string[]): z.ZodType | null {
  const signature = keys.join('\u0000');
  let schema = compiled.bySignature.get(signature);
  if (schema) return schema;
  const picked: Record<string, z.ZodType> = {};
  for (const key of keys) {
    const entry = compiled.entries[key];
    if (!entry) return null; // not a field of the table: the per-field path words it
    picked[key] = entry;
  }
  schema = z.strictObject(picked);
  if (compiled.bySignature.size < MAX_SIGNATURES_PER_TABLE) compiled.bySignature.set(signature, schema);
  return schema;
}

const wholeOps = new Map<string, z.ZodType | null>();
const MAX_WHOLE_OP_SCHEMAS = 2000;

/**
 * The op structure (opObjectSchema and its cross-field rules) with `fields` as a strict object
 * of exactly `fieldNames`, each checked by the table's own schema, and the record id by the
 * table's id schema — every check of the stepwise path in one compiled parse (issue 10: one
 * strict schema per op instead of a checker per field). Null where only the stepwise path applies.
 */
function wholeOpSchema(table: LedgerTableName, fieldNames: string[]): z.ZodType | null {
  const signature = `${table}\u0000${fieldNames.join('\u0000')}`;
  const cached = wholeOps.get(signature);
  if (cached !== undefined) return cached;
  const compiled = compiledTable(table);
  let schema: z.ZodType | null = null;
  const idSchema = compiled?.entries[PRIMARY_KEY];
  if (compiled && idSchema && fieldNames.length > 0 && fieldNames.every((f) => f !== PRIMARY_KEY && compiled.entries[f])) {
    const fields: Record<string, z.ZodType> = {};
    for (const f of fieldNames) fields[f] = compiled.entries[f];
    schema = opObjectSchema.extend({ table: z.literal(table), fields: z.strictObject(fields) }).superRefine((op, ctx) => {
      checkOpStructure(op as z.infer<typeof opObjectSchema>, ctx);
      if (!idSchema.safeParse(op.id).success) ctx.addIssue({ code: 'custom', message: '记录编号无效', path: ['id'] });
    });
  }
  if (wholeOps.size < MAX_WHOLE_OP_SCHEMAS) wholeOps.set(signature, schema);
  return schema;
}

/** Exported for the test that holds it equal to the per-field checks. */
export function fieldsValidByCompiledSchema(op: SyncOp): boolean {
  const compiled = compiledTable(op.table);
  if (!compiled) return false;
  const values = op.deleted ? { [TOMBSTONE_FIELD]: op.at } : op.fields;
  if (!(op.unset ?? []).every((f) => compiled.removable.has(f))) return false;
  const input: Record<string, unknown> = { ...values, [PRIMARY_KEY]: op.id };
  const schema = schemaFor(compiled, Object.keys(input));
  return schema !== null && schema.safeParse(input).success;
}

/** The properties of an op as a clerk may read them in a refusal message. */
const OP_PROPERTY_LABELS: Record<string, string> = {
  opId: '操作编号（opId）',
  nodeId: '节点编号（nodeId）',
  table: '台账表（table）',
  id: '记录编号（id）',
  fields: '字段值（fields）',
  unset: '清除的字段（unset）',
  deleted: '删除标记（deleted）',
  operator: '操作员（operator）',
  at: '操作时间（at）',
  prev: '覆盖前时间戳（prev）',
  resolves: '解决的冲突（resolves）',
};
const TYPE_NAMES: Record<string, string> = { string: '文本', boolean: '布尔值 true/false', object: '对象', array: '列表', record: '对象', number: '数字' };

/**
 * One schema problem of an op in Chinese, naming the property (issue 10: zod's own wording such
 * as "实际接收 undefined" never reaches the clerk). Our refinements already say what is wrong
 * in Chinese; zod's built-in checks (missing, wrong type, unknown key, size) are worded here.
 */
export function describeOpIssue(issue: z.core.$ZodIssue | undefined, raw: Record<string, unknown>): string {
  if (!issue) return '格式无效';
  const [top, ...rest] = issue.path.map(String);
  const label = top === undefined ? '' : (OP_PROPERTY_LABELS[top] ?? `属性“${top}”`);
  const where = rest.length > 0 ? `${label}中的“${rest.join('.')}”` : label;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where || '操作'}有未知的属性“${issue.keys.join('”“')}”`;
    case 'invalid_type':
      if (top !== undefined && rest.length === 0 && !Object.prototype.hasOwnProperty.call(raw, top)) return `缺少${label}`;
      return `${where}的类型不对（应为${TYPE_NAMES[issue.expected] ?? issue.expected}）`;
    case 'too_big':
      return `${where}${issue.origin === 'array' ? '项数过多' : '过长'}`;
    case 'too_small':
      return `${where}${issue.origin === 'array' ? '项数过少' : '为空'}`;
    default:
      // Our own messages (custom refinements, messages given in opObjectSchema): already Chinese.
      return where && !issue.message.includes(top ?? '') ? `${where}：${issue.message}` : issue.message;
  }
}

export type OpProblemCode = 'op-invalid' | 'forbidden-key' | 'unknown-table' | 'unknown-field' | 'invalid-value';

export type OpCheck = { ok: true; op: SyncOp } | { ok: false; code: OpProblemCode; message: string };

/**
 * syncOpSchema + validateOpFields with the problem classified, for messages that name it.
 * `knownTables` narrows the tables to those the local database has. This is the reference: it
 * words every refusal; checkOp (opCheck.ts) accepts the common valid op without it and hands
 * everything else here.
 */
export function checkOpBySchema(raw: unknown, knownTables?: ReadonlySet<string>): OpCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, code: 'op-invalid', message: '不是一个操作对象' };
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== null) return { ok: false, code: 'forbidden-key', message: `包含非法键名“${forbidden}”` };
  const r = raw as Record<string, unknown>;
  if (typeof r.table === 'string' && (!isLedgerTable(r.table) || (knownTables && !knownTables.has(r.table)))) {
    return { ok: false, code: 'unknown-table', message: `未知的台账表“${r.table}”` };
  }
  if (typeof r.table === 'string' && isLedgerTable(r.table)) {
    const table = r.table;
    const names = [
      ...(r.fields && typeof r.fields === 'object' ? Object.keys(r.fields) : []),
      ...(Array.isArray(r.unset) ? r.unset.filter((x): x is string => typeof x === 'string') : []),
    ];
    const unknown = names.find((n) => n !== PRIMARY_KEY && !isKnownField(table, n));
    if (unknown !== undefined) return { ok: false, code: 'unknown-field', message: `${tableLabel(table)}没有字段“${unknown}”` };
  }
  // The common case — a create or an edit of a table with one object schema — in ONE parse of
  // a schema compiled for the op's table and written fields. Anything it refuses goes through
  // the checks below, which word the problem; it never accepts what they would refuse.
  if (typeof r.table === 'string' && isLedgerTable(r.table) && r.deleted === false && r.unset === undefined && r.fields && typeof r.fields === 'object' && !Array.isArray(r.fields)) {
    const whole = wholeOpSchema(r.table, Object.keys(r.fields));
    const fast = whole?.safeParse(raw);
    // The op as read, not zod's output: a field schema may normalise (trim, default) and an op
    // carries its author's values exactly (the stepwise path passes field values through too).
    if (fast?.success) return { ok: true, op: raw as SyncOp };
  }
  return checkOpStepwise(raw);
}

/** checkOpBySchema after the table, field-name and forbidden-key checks, without the one-parse path. */
export function checkOpStepwise(raw: unknown): OpCheck {
  const r = raw as Record<string, unknown>;
  // Forbidden keys were looked for above: the structure schema alone (syncOpSchema minus that walk).
  const parsed = opStructureSchema.safeParse(raw, parseOptions);
  if (!parsed.success) return { ok: false, code: 'op-invalid', message: describeOpIssue(parsed.error.issues[0], r) };
  const issues = validateOpFields(parsed.data);
  if (issues.length > 0) return { ok: false, code: 'invalid-value', message: issues[0].message };
  return { ok: true, op: parsed.data };
}
