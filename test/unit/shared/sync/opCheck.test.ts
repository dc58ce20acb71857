/**
 * The op check of a bundle read (shared/sync/opCheck.ts, issue 10) against the reference zod
 * checker (checkOpBySchema): for valid ops and for mutated, hostile ones, the same result — ok
 * with the same op, or the same code and the same Chinese message. The hand-written check only
 * ever accepts; these properties are what would catch it accepting something the reference
 * refuses, or a refusal worded differently.
 */
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import dataset from '../../../../resources/sample-data/sample-data.json';
import { ledgerTableNames, type LedgerTableName } from '../../../../shared/domain/ledgerTables';
import { buildSampleRecords } from '../../../../shared/domain/sampleDataset';
import { buildManifest, checkOp, checkOpBySchema, createOpChecker, readBundle, zipBundle, type OpCheck, type SyncOp } from '../../../../shared/sync';
import { encodeHlc } from '../../../../shared/sync/hlc';
import { compiledTable } from '../../../../shared/sync/op';
import { acceptsCommonOp } from '../../../../shared/sync/opCheck';
import { tableInfo } from '../../../../shared/sync/tables';

const NOW = '2026-03-01T08:00:00.000Z';
const NODE = 'node-a';
const T = Date.UTC(2026, 2, 1, 8);
const hlc = (wallMs: number, counter = 0, node = NODE) => encodeHlc({ wallMs, counter }, node);
/** A key written as `"__proto__"` in the op's JSON text (an object literal cannot hold it as its own key). */
const PROTO = '$proto$';

const org = { government: '广西壮族自治区人民政府', department: '广西壮族自治区科学技术厅', committeeOffice: '自治区科技委员会办公室', division: '' };
const samples: { table: LedgerTableName; record: Record<string, unknown> }[] = [
  ...Object.entries(buildSampleRecords(dataset, NOW)).flatMap(([table, rows]) => (rows ?? []).map((record) => ({ table: table as LedgerTableName, record }))),
  { table: 'settings', record: { id: 'organisation', value: org, createdAt: NOW, updatedAt: NOW, deletedAt: null } },
];
const otherFields = [...new Set(ledgerTableNames.flatMap((t) => [...tableInfo(t).known]))];
const weirdNames = ['id', 'salary', 'constructor', 'prototype', PROTO, 'toString', 'hasOwnProperty', 'valueOf', '', ' name'];

/** Every text and number of the sample records: valid for some field, so likely wrong for another. */
const sampleValues = [...new Set(samples.flatMap(({ record }) => Object.values(record).filter((v) => typeof v === 'string' || typeof v === 'number')))];
const nest = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : { a: nest(depth - 1, inner) });
/** Values nobody should send: wrong types, limits ±1, prototype keys, deep nesting, bad ids and clocks. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(NOW, ...sampleValues),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom<unknown>(
    '',
    'x'.repeat(100),
    'x'.repeat(101),
    'x'.repeat(200),
    'x'.repeat(201),
    'x'.repeat(1001),
    'x'.repeat(100_000),
    '__proto__',
    'constructor',
    'not-a-uuid',
    '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a01',
    hlc(T - 1),
    hlc(T + 1),
    hlc(T, 0, 'node-b'),
    'ffffffffffffffff-0000-node-a',
    '0020000000000000-0000-node-a',
    '001fffffffffffff-0000-node-a',
    '2026-02-30',
    '2026-02-28',
    '2026-03-01T08:00:00Z',
    '2026-03-01T08:00:00+08:00',
    ' 张三 ',
    '推荐',
    'advisors',
    'settings',
    'payroll',
    true,
    false,
    null,
    0,
    -1,
    2026,
    [],
    [''],
    ['name'],
    ['notes', 'notes'],
    {},
    { name: 'x' },
    { [PROTO]: { admin: true } },
    { constructor: { prototype: 1 } },
    nest(31, 'x'),
    nest(33, 'x'),
    nest(31, { [PROTO]: 1 }),
    nest(40, { [PROTO]: 1 }),
  ),
);

type Op = Record<string, unknown>;
type Mutation = (op: Op) => void;

const envelopeKeys = ['opId', 'nodeId', 'table', 'id', 'fields', 'unset', 'deleted', 'operator', 'at', 'prev', 'resolves'];
const objectAt = (op: Op, key: string): Op | null => {
  const v = op[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Op) : null;
};
const ownFields = (op: Op): string[] => (typeof op.table === 'string' && (ledgerTableNames as string[]).includes(op.table) ? [...tableInfo(op.table as LedgerTableName).known] : []);
/** The first object inside a value (the value itself, an element, a property's value), or null. */
function firstObjectIn(value: unknown): Op | null {
  if (typeof value !== 'object' || value === null) return null;
  if (!Array.isArray(value) && Object.keys(value).length > 0) return value as Op;
  for (const v of Object.values(value)) {
    const inner = firstObjectIn(v);
    if (inner) return inner;
  }
  return Array.isArray(value) ? null : (value as Op);
}
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...envelopeKeys).map((k): Mutation => (op) => delete op[k]),
  fc.tuple(fc.constantFrom(...envelopeKeys, 'extra', 'constructor', 'prototype', PROTO, 'toString', 'Fields'), hostile).map(([k, v]): Mutation => (op) => (op[k] = v)),
  fc.tuple(fc.constantFrom(...otherFields, ...weirdNames), hostile).map(([k, v]): Mutation => (op) => {
    const fields = objectAt(op, 'fields');
    if (fields) fields[k] = v;
  }),
  fc.constantFrom(...otherFields).map((k): Mutation => (op) => {
    const fields = objectAt(op, 'fields');
    if (fields) delete fields[k];
  }),
  fc.oneof(fc.constantFrom<unknown>(...otherFields, ...weirdNames), hostile).map((name): Mutation => (op) => {
    op.unset = [...(Array.isArray(op.unset) ? op.unset : []), name];
  }),
  fc.tuple(fc.constantFrom(...otherFields, ...weirdNames, 'deletedAt'), fc.oneof(fc.constantFrom<unknown>(hlc(T - 5), hlc(T + 5), hlc(T - 5, 0, 'node-b')), hostile)).map(([k, v]): Mutation => (op) => {
    op.prev = { ...(objectAt(op, 'prev') ?? {}), [k]: v };
  }),
  fc.tuple(fc.oneof(fc.constantFrom(...otherFields), fc.nat()), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom('', '|x', '|')).map(([field, w, l, tail]): Mutation => (op) => {
    // A field of the table, or (by index) one the op writes.
    const written = Object.keys(objectAt(op, 'fields') ?? {});
    const name = typeof field === 'number' ? written[field % Math.max(1, written.length)] : field;
    op.resolves = [...(Array.isArray(op.resolves) ? op.resolves : []), `${String(op.table)}|${String(op.id)}|${name}|${hlc(T + w)}|${hlc(T + l)}${tail}`];
  }),
  fc.tuple(fc.constantFrom('operator', 'id', 'opId'), fc.constantFrom(0, 1, 100, 101, 200, 201)).map(([key, n]): Mutation => (op) => (op[key] = '甲'.repeat(n))),
  fc.constantFrom<unknown>(...ledgerTableNames, 'payroll').map((t): Mutation => (op) => (op.table = t)),
  fc.constant<Mutation>((op) => (op.deleted = !op.deleted)),
  // Aimed at the op's own table: its fields written with another field's value, cleared (required
  // ones too), cleared twice; nested values poisoned; another author; too many resolutions.
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom<unknown>(NOW, ...sampleValues), hostile)).map(([i, v]): Mutation => (op) => {
    const fields = objectAt(op, 'fields');
    const known = ownFields(op);
    if (fields && known.length > 0) fields[known[i % known.length]] = v;
  }),
  fc.nat().map((i): Mutation => (op) => {
    const known = ownFields(op);
    if (known.length > 0) op.unset = [...(Array.isArray(op.unset) ? op.unset : []), known[i % known.length]];
  }),
  fc.constant<Mutation>((op) => {
    if (Array.isArray(op.unset) && op.unset.length > 0) op.unset = [...op.unset, op.unset[0]];
  }),
  fc.constantFrom<[string, unknown]>([PROTO, 1], ['constructor', {}], ['prototype', 1], ['extra', 'x'], ['deep', nest(33, 'x')], ['deep', nest(20, { [PROTO]: 1 })]).map(([key, value]): Mutation => (op) => {
    const target = Object.values(objectAt(op, 'fields') ?? {}).map(firstObjectIn).find((o) => o !== null);
    if (target) target[key] = value;
  }),
  fc.constantFrom('node-b', 'a', 'a'.repeat(64), 'a'.repeat(65), '-a', '.a', 'a/b', '../evil', 'a b', '中文', 'a\u2028').map((node): Mutation => (op) => {
    op.nodeId = node;
    if (typeof op.opId === 'string') op.opId = `${op.opId.slice(0, 22)}${node}`;
  }),
  fc.constantFrom(49, 50, 51).map((n): Mutation => (op) => {
    const field = Object.keys(objectAt(op, 'fields') ?? {})[0];
    op.resolves = Array.from({ length: n }, (_, i) => `${String(op.table)}|${String(op.id)}|${field}|${hlc(T - 2, i, 'node-b')}|${hlc(T - 3)}`);
  }),
);

/** A valid op of a sample record: a create, an edit, an edit that also clears fields, or a delete. */
const validOp: fc.Arbitrary<Op> = fc.constantFrom(...samples).chain(({ table, record }) => {
  const { id, ...values } = record;
  const names = Object.keys(values);
  // Fields an unset may name: for settings (a union by id, not compiled) those no shape requires.
  const { known, shapes } = tableInfo(table);
  const removable = [...(compiledTable(table)?.removable ?? [...known].filter((f) => shapes.every((shape) => !(f in shape) || shape[f].safeParse(undefined).success)))];
  return fc
    .record({
      kind: fc.constantFrom('create', 'edit', 'unset', 'delete'),
      written: fc.subarray(names, { minLength: 1 }),
      cleared: fc.subarray(removable, { minLength: Math.min(1, removable.length), maxLength: Math.min(3, removable.length) }),
      counter: fc.integer({ min: 0, max: 0xffff }),
      withPrev: fc.boolean(),
      withResolves: fc.boolean(),
    })
    .map(({ kind, written, cleared, counter, withPrev, withResolves }) => {
      const opId = hlc(T, counter);
      const fields: Op = {};
      if (kind !== 'delete') for (const name of kind === 'create' ? names : written) fields[name] = values[name];
      const unset = kind === 'unset' ? cleared.filter((n) => !(n in fields)) : [];
      if (kind === 'unset' && unset.length === 0) unset.push(...cleared.slice(0, 1));
      for (const n of unset) delete fields[n];
      const writes = kind === 'delete' ? ['deletedAt'] : [...Object.keys(fields), ...unset];
      const op: Op = { opId, nodeId: NODE, table, id, fields, deleted: kind === 'delete', operator: '王科员', at: NOW };
      if (unset.length > 0) op.unset = unset;
      if (withPrev) op.prev = Object.fromEntries(writes.slice(0, 3).map((f, i) => [f, hlc(T - 10 - i, 0, 'node-b')]));
      if (withResolves && writes.length > 0) op.resolves = [`${table}|${String(id)}|${writes[0]}|${hlc(T - 2, 0, 'node-b')}|${hlc(T - 3)}`];
      return op;
    });
});

/** The op as the reader gets it: JSON text parsed (so `__proto__` is an own key, as from a file). */
const opText = fc.tuple(validOp, fc.array(mutation, { maxLength: 3 })).map(([op, mutations]) => {
  const copy = JSON.parse(JSON.stringify(op)) as Op;
  for (const m of mutations) m(copy);
  return JSON.stringify(copy).replaceAll(`"${PROTO}"`, '"__proto__"');
});
const knownTables = fc.constantFrom<ReadonlySet<string> | undefined>(undefined, new Set(ledgerTableNames), new Set(['advisors', 'serviceLogs']), new Set(ledgerTableNames.filter((t) => t !== 'advisors')));

/** A result or the error thrown, comparable with toEqual. */
function outcome(check: () => OpCheck): OpCheck | { threw: string } {
  try {
    return check();
  } catch (error) {
    return { threw: String(error) };
  }
}

describe('the op check of a bundle read (issue 10) gives exactly what the zod checker gives', () => {
  it('for valid ops and mutated, hostile ones: ok with the same op, or the same code and message', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(opText, knownTables, (text, known) => {
        const reference = outcome(() => checkOpBySchema(JSON.parse(text), known));
        expect(outcome(() => checkOp(JSON.parse(text), known))).toEqual(reference);
        if ('ok' in reference && reference.ok) accepted++;
        else refused++;
      }),
      { numRuns: 4000 },
    );
    // Both sides of the property were exercised.
    expect(accepted).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(400);
  });

  it('through one checker for a whole read (values remembered across ops), op by op', () => {
    fc.assert(
      fc.property(fc.array(opText, { minLength: 1, maxLength: 25 }), knownTables, (texts, known) => {
        const check = createOpChecker(known);
        for (const text of texts) expect(outcome(() => check(JSON.parse(text)))).toEqual(outcome(() => checkOpBySchema(JSON.parse(text), known)));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts without the zod checker only what it accepts, as the same op — and does so for most valid ops', () => {
    let fast = 0;
    let valid = 0;
    fc.assert(
      fc.property(opText, knownTables, (text, known) => {
        const raw = JSON.parse(text);
        if (!acceptsCommonOp(raw, known)) return;
        fast++;
        expect(checkOpBySchema(JSON.parse(text), known)).toEqual({ ok: true, op: raw });
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(validOp, (op) => {
        // Every table but settings (a union by id, left to the zod checker) takes the fast path.
        if (op.table === 'settings') return;
        valid++;
        expect(acceptsCommonOp(JSON.parse(JSON.stringify(op)), undefined), JSON.stringify(op)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(fast).toBeGreaterThan(300);
    expect(valid).toBeGreaterThan(500);
  });

  it('a bundle reads to the same ops, or is refused with the same code and message, with either checker', () => {
    const reference = (known?: ReadonlySet<string>) => (raw: unknown) => checkOpBySchema(raw, known);
    fc.assert(
      fc.property(fc.array(validOp, { minLength: 1, maxLength: 20 }), fc.option(fc.tuple(fc.nat(), opText)), (drafts, bad) => {
        const ops = drafts.map((op, i) => ({ ...op, opId: hlc(T, i) }) as unknown as SyncOp);
        const lines = ops.map((op) => JSON.stringify(op));
        if (bad) lines.splice(bad[0] % (lines.length + 1), 0, bad[1]);
        const bytes = strToU8(`${lines.join('\n')}\n`);
        const manifest = buildManifest({ ops, nodeId: NODE, nodeName: '甲', schemaVersion: 1, bundleId: '0f8fad5b-d9cb-469f-a165-70867728950e', createdAt: NOW, vector: {}, kind: 'full' }, bytes);
        const zip = zipBundle(manifest, bytes);
        const read = (opChecker?: typeof reference) => {
          try {
            return readBundle(zip, { currentSchemaVersion: 99, localNodeId: 'node-z', opChecker });
          } catch (error) {
            return { refused: String(error), code: (error as { code?: string }).code };
          }
        };
        const result = read();
        expect(result).toEqual(read(reference));
        if (!bad) expect(result).toMatchObject({ ops: expect.any(Array) });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an opId whose wall time decodeHlc cannot hold in Chinese, where it used to throw', () => {
    const op = { opId: 'ffffffffffffffff-0000-node-a', nodeId: NODE, table: 'advisors', id: '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a01', fields: { name: '张三' }, deleted: false, operator: '王科员', at: NOW };
    for (const check of [checkOp, checkOpBySchema]) {
      const result = check(op);
      expect(result).toMatchObject({ ok: false, code: 'op-invalid' });
      expect(result.ok ? '' : result.message).toBe('opId 不是有效的 HLC 时间戳');
    }
  });
});
