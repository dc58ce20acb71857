import { describe, expect, it } from 'vitest';
import { ledgerTableNames } from '../../../../shared/domain/ledgerTables';
import { checkOp, isKnownField, syncOpSchema, validateOpFields, type SyncOp } from '../../../../shared/sync';
import { tableInfo } from '../../../../shared/sync/tables';

const ID = '6b0b5a3e-8d1c-4f7e-9b2a-1c3d5e7f9a01';
const base: SyncOp = {
  opId: '0000019cb0a1b2c3-0001-node-a',
  nodeId: 'node-a',
  table: 'advisors',
  id: ID,
  fields: { name: '张三', termStart: '2026-02-28', updatedAt: '2026-03-01T08:00:00.000Z' },
  deleted: false,
  operator: '王科员',
  at: '2026-03-01T08:00:00.000Z',
  prev: { name: '0000019cb0a1b2c3-0000-node-b' },
};
const bad = (patch: Record<string, unknown>) => syncOpSchema.safeParse({ ...base, ...patch }).success;

describe('syncOpSchema', () => {
  it('accepts a valid op and every ledger table resolves its fields from the registry', () => {
    expect(syncOpSchema.safeParse(base).success).toBe(true);
    for (const t of ledgerTableNames) expect(tableInfo(t).known.size).toBeGreaterThan(3);
    expect(isKnownField('settings', 'value')).toBe(true);
  });

  it('refuses unknown keys, a foreign opId, an unknown table or field, forbidden keys', () => {
    expect(bad({ extra: 1 })).toBe(false);
    expect(bad({ nodeId: 'node-b' })).toBe(false);
    expect(bad({ opId: 'yesterday' })).toBe(false);
    expect(bad({ table: 'payroll' })).toBe(false);
    expect(bad({ fields: { salary: 1 } })).toBe(false);
    expect(bad({ fields: { id: ID } })).toBe(false);
    expect(syncOpSchema.safeParse(JSON.parse(`{"fields":{"name":"x"},"__proto__":{"admin":true}}`)).success).toBe(false);
    expect(bad({ fields: { notes: JSON.parse('{"constructor":{"prototype":1}}') } })).toBe(false);
    expect(bad({ id: '__proto__' })).toBe(false);
  });

  it('refuses non-JSON values, empty ops, deletes that write fields, and prev not before the op', () => {
    expect(bad({ fields: { name: Number.NaN } })).toBe(false);
    expect(bad({ fields: { name: undefined } })).toBe(false);
    expect(bad({ fields: {}, prev: {} })).toBe(false);
    expect(bad({ deleted: true })).toBe(false);
    expect(bad({ prev: { name: '0000019cb0a1b2c3-0002-node-b' } })).toBe(false);
    expect(bad({ prev: { status: '0000019cb0a1b2c3-0000-node-b' } })).toBe(false);
    expect(bad({ unset: ['name'] })).toBe(false);
  });
});

describe('validateOpFields', () => {
  it('checks each value with the table schema, and unset only of optional fields', () => {
    expect(validateOpFields(base)).toEqual([]);
    expect(validateOpFields({ ...base, fields: { termStart: '2026-02-30' } })[0].message).toContain('日期不存在');
    expect(validateOpFields({ ...base, fields: { status: '退休' } })[0].field).toBe('status');
    expect(validateOpFields({ ...base, fields: {}, unset: ['notes'] })).toEqual([]);
    expect(validateOpFields({ ...base, fields: {}, unset: ['name'] })[0].message).toContain('不能清空');
    expect(validateOpFields({ ...base, id: 'not-a-uuid' })[0].field).toBe('id');
  });

  it('validates the whole settings value against the option of the record id', () => {
    const settings = (id: string, value: unknown): SyncOp => ({ ...base, table: 'settings', id, fields: { value }, prev: {} });
    const org = { government: '广西壮族自治区人民政府', department: '广西壮族自治区科学技术厅', committeeOffice: '自治区科技委员会办公室', division: '' };
    expect(validateOpFields(settings('organisation', org))).toEqual([]);
    expect(validateOpFields(settings('organisation', { ...org, government: '' }))[0].message).toContain('请填写人民政府名称');
    expect(validateOpFields(settings('nonsense', org))[0].field).toBe('id');
  });

  it('checkOp classifies the problem', () => {
    expect(checkOp({ ...base, table: 'payroll' })).toMatchObject({ ok: false, code: 'unknown-table' });
    expect(checkOp({ ...base, fields: { salary: 1 } })).toMatchObject({ ok: false, code: 'unknown-field' });
    expect(checkOp({ ...base, fields: { termStart: '2026-02-30' }, prev: {} })).toMatchObject({ ok: false, code: 'invalid-value' });
    expect(checkOp(JSON.parse(`{"__proto__":{}}`))).toMatchObject({ ok: false, code: 'forbidden-key' });
    expect(checkOp({ ...base, table: 'advisors' }, new Set(['settings']))).toMatchObject({ ok: false, code: 'unknown-table' });
    expect(checkOp(base)).toEqual({ ok: true, op: base });
  });
});

describe('resolves (issue 10: a conflict resolution travels)', () => {
  const w = '0000019cb0a1b2c2-0000-node-b';
  const l = '0000019cb0a1b2c1-0000-node-a';
  const key = (field: string, table = 'advisors', id = ID, winner = w, loser = l) => `${table}|${id}|${field}|${winner}|${loser}`;
  it('accepts keys of this record on a field the op writes, and refuses anything else in Chinese', () => {
    expect(syncOpSchema.safeParse({ ...base, resolves: [key('name')] }).success).toBe(true);
    for (const resolves of [[key('status')], [key('name', 'rectificationItems')], [key('name', 'advisors', crypto.randomUUID())], [key('name', 'advisors', ID, l, w)], [`${key('name')}|x`], [key('name', 'advisors', ID, '0000019cb0a1b2c9-0000-node-b')], []]) {
      expect(bad({ resolves }), JSON.stringify(resolves)).toBe(false);
    }
    const checked = checkOp({ ...base, resolves: [key('status')] });
    expect(checked.ok ? '' : checked.message).toContain('解决的冲突（resolves）');
  });
});

describe('problems are worded in Chinese, naming the property (issue 10)', () => {
  it.each([
    [{ opId: undefined }, '缺少操作编号（opId）'],
    [{ deleted: 'no' }, '删除标记（deleted）的类型不对'],
    [{ operator: 'x'.repeat(200) }, '操作员'],
    [{ extra: 1 }, '有未知的属性“extra”'],
    [{ at: 'yesterday' }, '操作时间（at）'],
    [{ unset: 'notes' }, '清除的字段（unset）的类型不对'],
  ])('%j', (patch, text) => {
    const checked = checkOp(JSON.parse(JSON.stringify({ ...base, ...patch })));
    expect(checked.ok).toBe(false);
    const message = checked.ok ? '' : checked.message;
    expect(message).toContain(text);
    expect(message).not.toMatch(/实际接收|undefined|expected|Invalid/);
  });
});

describe('the compiled per-table schema (issue 10) agrees with the per-field checks', () => {
  it('for every table, field and a spread of values, accepted exactly when every field check passes', async () => {
    const { fieldsValidByCompiledSchema } = await import('../../../../shared/sync/op');
    const { checkFieldValue, checkRecordId } = await import('../../../../shared/sync/tables');
    const values: unknown[] = ['', '张三', '2026-02-28', '2026-02-30', '2026-03-01T08:00:00.000Z', 0, 1, 2026, -5, 1.5, true, null, [], ['甲'], {}, { a: 1 }];
    let compared = 0;
    for (const table of ledgerTableNames) {
      for (const field of tableInfo(table).known) {
        for (const value of values) {
          const op: SyncOp = { ...base, table, fields: { [field]: value }, prev: {} };
          const slow = checkRecordId(table, op.id) === null && checkFieldValue(table, op.id, field, value) === null;
          const fast = fieldsValidByCompiledSchema(op);
          // The fast path may decline (a union table), never accept what the checks refuse.
          if (fast) expect(slow, `${table}.${field} = ${JSON.stringify(value)}`).toBe(true);
          if (slow && table !== 'settings') expect(fast, `${table}.${field} = ${JSON.stringify(value)}`).toBe(true);
          compared++;
        }
        const unset: SyncOp = { ...base, table, fields: {}, unset: [field], prev: {} };
        if (fieldsValidByCompiledSchema(unset)) expect(checkFieldValue(table, unset.id, field, undefined)).toBeNull();
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('the one-parse op schema (issue 10) accepts exactly what the stepwise checks accept', () => {
  it('for every table, field and a spread of values and op-level variants', async () => {
    const { checkOpStepwise } = await import('../../../../shared/sync/op');
    const values: unknown[] = ['', '张三', ' 张三 ', '2026-02-28', '2026-02-30', '2026-03-01T08:00:00.000Z', 0, 1, 2026, -5, 1.5, true, null, [], ['甲'], {}, { a: 1 }];
    const variants: Record<string, unknown>[] = [
      {},
      { id: 'not-a-uuid' },
      { id: 'x'.repeat(201) },
      { nodeId: 'node-b' },
      { prev: { other: '0000019cb0a1b2c3-0000-node-b' } },
      { prev: { value: '0000019cb0a1b2c4-0000-node-b' } },
      { at: 'yesterday' },
      { extra: 1 },
      { resolves: [] },
    ];
    let compared = 0;
    let fast = 0;
    for (const table of ledgerTableNames) {
      for (const field of tableInfo(table).known) {
        for (const value of values) {
          for (const variant of variants) {
            const prev = variant.prev && 'value' in (variant.prev as object) ? { [field]: (variant.prev as { value: string }).value } : variant.prev;
            const op = JSON.parse(JSON.stringify({ ...base, table, fields: { [field]: value }, prev: {}, ...variant, ...(prev ? { prev } : {}) }));
            const stepwise = checkOpStepwise(JSON.parse(JSON.stringify(op)));
            const whole = checkOp(op);
            expect(whole.ok, `${table}.${field} = ${JSON.stringify(value)} ${JSON.stringify(variant)}`).toBe(stepwise.ok);
            // …and yields the same op: values exactly as written, never normalised by a schema.
            if (whole.ok && stepwise.ok) expect(whole.op).toEqual(stepwise.op);
            if (whole.ok) fast++;
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(fast).toBeGreaterThan(500);
  });
});
