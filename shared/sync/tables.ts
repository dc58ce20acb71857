/**
 * What sync knows about a ledger table, derived from its zod schema in
 * shared/domain/ledgerTables.ts and nothing else (issue 4: "a new table is synced by being
 * declared in the schema" — there is no per-table code here).
 *
 * Ops carry single fields (DESIGN §Sync: per-field last-writer-wins), so values are checked one
 * field at a time against the object schema's shape. Object-level refinements (e.g. endYear ≥
 * startYear) cannot be checked on a partial op; the forms enforce them when a record is saved.
 */
import { z } from 'zod';
import { fieldLabel } from '../domain/fieldLabels';
import { ledgerTables, type LedgerTableName } from '../domain/ledgerTables';

/** The primary key: never a field of an op (it is `op.id`). */
export const PRIMARY_KEY = 'id';
/** Tombstone (DESIGN §Data): records are never hard-deleted. */
export const TOMBSTONE_FIELD = 'deletedAt';
/**
 * Fields every record carries (DESIGN §Data). An op may write them even if a table's schema
 * forgot one. createdAt/updatedAt are maintained by the app, so they are merged last-writer-wins
 * but never reported as conflicts (every concurrent edit touches updatedAt).
 */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', TOMBSTONE_FIELD]);
export const UNREPORTED_CONFLICT_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt']);

type Shape = Record<string, z.ZodType>;

interface TableInfo {
  /** Field names an op may write: the schema's fields except `id`, plus the bookkeeping ones. */
  known: ReadonlySet<string>;
  /** Object shapes of the schema (one, or one per union option). */
  shapes: readonly Shape[];
  /** Set when the schema is a union discriminated by the primary key (the settings table). */
  discriminatedById: boolean;
}

/** Object shapes behind a table schema: an object, a (discriminated) union of objects, a pipe. */
function shapesOf(schema: z.ZodType, table: string): { shapes: Shape[]; discriminator?: string } {
  if (schema instanceof z.ZodObject) return { shapes: [schema.shape as Shape] };
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const shapes = (schema.options as z.ZodType[]).flatMap((o) => shapesOf(o, table).shapes);
    return { shapes, discriminator: String(schema._zod.def.discriminator) };
  }
  if (schema instanceof z.ZodUnion) {
    return { shapes: (schema.options as z.ZodType[]).flatMap((o) => shapesOf(o, table).shapes) };
  }
  if (schema instanceof z.ZodPipe) return shapesOf(schema._zod.def.in as z.ZodType, table);
  // A new kind of table schema must be taught here once, not worked around per table.
  throw new Error(`shared/sync cannot read the fields of the schema of table "${table}"`);
}

const cache = new Map<string, TableInfo>();

export function isLedgerTable(table: string): table is LedgerTableName {
  return Object.prototype.hasOwnProperty.call(ledgerTables, table);
}

export function tableInfo(table: LedgerTableName): TableInfo {
  let info = cache.get(table);
  if (!info) {
    const { shapes, discriminator } = shapesOf(ledgerTables[table].schema, table);
    const known = new Set<string>(BOOKKEEPING_FIELDS);
    for (const shape of shapes) for (const key of Object.keys(shape)) if (key !== PRIMARY_KEY) known.add(key);
    info = { known, shapes, discriminatedById: discriminator === PRIMARY_KEY };
    cache.set(table, info);
  }
  return info;
}

export function tableLabel(table: string): string {
  return isLedgerTable(table) ? ledgerTables[table].label : table;
}

export function isKnownField(table: LedgerTableName, field: string): boolean {
  return tableInfo(table).known.has(field);
}

/**
 * Chinese for zod's built-in messages (enum, type, …) per parse, without touching zod's global
 * config that the rest of the app owns. The domain schemas' own messages still win.
 */
const zhCN = z.locales.zhCN();
export const parseOptions = { error: zhCN.localeError };

function firstMessage(result: { success: boolean; error?: z.ZodError }): string {
  return result.error?.issues[0]?.message ?? '值无效';
}

/**
 * The shapes a record with this id may have. For a union discriminated by `id` (settings:
 * 'organisation' | 'policyProfile' | …) that is the one option whose `id` accepts it; for any
 * other union every option is a candidate.
 */
function candidateShapes(table: LedgerTableName, id: string): Shape[] {
  const info = tableInfo(table);
  return info.shapes.filter((shape) => !shape[PRIMARY_KEY] || shape[PRIMARY_KEY].safeParse(id, parseOptions).success);
}

/** Null when `id` can be a primary key of `table`, else a Chinese message. */
export function checkRecordId(table: LedgerTableName, id: string): string | null {
  if (candidateShapes(table, id).length > 0) return null;
  const shape = tableInfo(table).shapes.find((s) => s[PRIMARY_KEY]);
  const reason = shape ? firstMessage(shape[PRIMARY_KEY].safeParse(id, parseOptions)) : '编号无效';
  return `${tableLabel(table)}的记录编号“${id}”无效（${reason}）`;
}

/**
 * Null when `value` is a valid value of `field` for record `id` of `table`; `undefined` means
 * the op removes the field (`unset`), which only an optional field allows. Else a Chinese
 * message naming the table, the field and the reason.
 */
export function checkFieldValue(table: LedgerTableName, id: string, field: string, value: unknown): string | null {
  const shapes = candidateShapes(table, id).filter((s) => s[field]);
  let reason: string | null = null;
  for (const shape of shapes) {
    const result = shape[field].safeParse(value, parseOptions);
    if (result.success) return null;
    reason ??= firstMessage(result);
  }
  if (shapes.length === 0) {
    // A bookkeeping field the schema does not declare: accept what baseRecord would.
    if (BOOKKEEPING_FIELDS.has(field)) return value === undefined || value === null || typeof value === 'string' ? null : `${tableLabel(table)}的字段“${fieldLabel(field)}”值无效`;
    return `${tableLabel(table)}没有字段“${field}”`;
  }
  const what = value === undefined ? '不能清空（必填）' : `值无效（${reason}）`;
  return `${tableLabel(table)}的字段“${fieldLabel(field)}”${what}`;
}
