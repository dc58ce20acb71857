/**
 * The shared frame of the derived-table middlewares, on a stand-in DBCore: when it is present,
 * which transactions it widens and to what, which tables it wraps, and the checked put.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { derivedTableMiddleware, putDerivedRows, throwFirstFailure } from '../../../../renderer/src/db/derivedTableMiddleware';

const ok: DBCoreMutateResponse = { numFailures: 0, failures: {}, lastResult: undefined };

function fakeCore(tables: string[], response: DBCoreMutateResponse = ok) {
  const opened: { stores: string[]; mode: string }[] = [];
  const writes: { table: string; req: DBCoreMutateRequest }[] = [];
  const core = {
    stack: 'dbcore',
    schema: { name: 'db', tables: tables.map((name) => ({ name })) },
    transaction: (stores: string[], mode: string) => (opened.push({ stores, mode }), {}),
    table: (name: string) => ({ name, mutate: (req: DBCoreMutateRequest) => (writes.push({ table: name, req }), Promise.resolve(response)) }),
  } as unknown as DBCore;
  return { core, opened, writes };
}

const spec = {
  name: 'test',
  derived: 'derived',
  sources: ['a', 'b'],
  wrapSources: () => (table: DBCoreTable, tableName: string) => ({ ...table, wrapped: tableName }) as DBCoreTable,
};

describe('derivedTableMiddleware', () => {
  it('adds nothing while the schema lacks the derived table (a database before its version)', () => {
    const { core } = fakeCore(['a', 'b']);
    expect(derivedTableMiddleware(spec).create(core)).toEqual({});
  });

  it('widens a read-write transaction over a source to the missing tables only, nothing else', () => {
    const { core, opened } = fakeCore(['a', 'b', 'c', 'derived', 'read']);
    const plain = derivedTableMiddleware(spec).create(core) as DBCore;
    const reading = derivedTableMiddleware({ ...spec, widenTo: ['read', 'derived'] }).create(core) as DBCore;
    plain.transaction(['a', 'c'], 'readwrite');
    plain.transaction(['a'], 'readonly');
    plain.transaction(['c'], 'readwrite');
    plain.transaction(['b', 'derived'], 'readwrite');
    reading.transaction(['b', 'derived'], 'readwrite');
    expect(opened.map((o) => o.stores)).toEqual([['a', 'c', 'derived'], ['a'], ['c'], ['b', 'derived'], ['b', 'derived', 'read']]);
  });

  it('wraps the source tables only', () => {
    const { core } = fakeCore(['a', 'b', 'c', 'derived']);
    const up = derivedTableMiddleware(spec).create(core) as DBCore;
    expect((up.table('b') as unknown as { wrapped?: string }).wrapped).toBe('b');
    expect((up.table('c') as unknown as { wrapped?: string }).wrapped).toBeUndefined();
  });
});

describe('the checked derived write', () => {
  it('writes nothing for no rows, puts the rows otherwise', async () => {
    const { core, writes } = fakeCore(['derived']);
    await putDerivedRows(core, 'derived', {} as never, []);
    expect(writes).toEqual([]);
    await putDerivedRows(core, 'derived', {} as never, [{ id: 1 }]);
    expect(writes.map((w) => [w.table, w.req.type])).toEqual([['derived', 'put']]);
  });

  it('fails with the first failure, or names the table when none is given', async () => {
    const failure = new Error('quota');
    const { core } = fakeCore(['derived'], { numFailures: 1, failures: { 0: failure }, lastResult: undefined });
    await expect(putDerivedRows(core, 'derived', {} as never, [{ id: 1 }])).rejects.toBe(failure);
    expect(() => throwFirstFailure([ok, { numFailures: 1, failures: {}, lastResult: undefined }], 'derived')).toThrow('derived write failed');
    expect(() => throwFirstFailure([ok, undefined], 'derived')).not.toThrow();
  });
});
