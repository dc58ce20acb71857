import { describe, expect, it } from 'vitest';
import { ledgerTables, ledgerTableNames } from '../../../../shared/domain/ledgerTables';
import { cumulativeStores, latestSchemaVersion, ledgerStoreSpecs, localStores, schemaVersions } from '../../../../renderer/src/db/schema';
import { freshDb } from './helpers';
import { keyedTables, RECENT_KEY_INDEX } from '../../../../renderer/src/db/ledgerKeys';

describe('database schema', () => {
  it('has one table per ledgerTables entry with id primary key and the declared indexes', async () => {
    const db = await freshDb();
    for (const name of ledgerTableNames) {
      const schema = db.table(name).schema;
      expect(schema.primKey.keyPath).toBe('id');
      // A paged ledger's rows also carry their ledger key, with its recent-first index (ledgerKeys.ts).
      const keyIndexes = keyedTables.has(name) ? [RECENT_KEY_INDEX] : [];
      expect(schema.indexes.map((i) => i.src).sort()).toEqual([...ledgerTables[name].indexes, ...keyIndexes].sort());
    }
  });

  it('declares every registry table and index in a schema version (no silent schema drift)', () => {
    expect(cumulativeStores()).toEqual({ ...ledgerStoreSpecs(), ...localStores });
  });

  it('has the local oplog and meta tables', async () => {
    const db = await freshDb();
    const chunks = db.table('opChunks');
    expect(chunks.schema.primKey.keyPath).toEqual(['first', 'n']);
    expect(chunks.schema.indexes.map((i) => [i.name, i.multi])).toEqual([['heads', true], ['records', true]]);
    expect(db.tables.map((t) => t.name)).not.toContain('fieldClocks');
    expect(db.meta.schema.primKey.keyPath).toBe('key');
    expect(Object.keys(localStores).some((t) => t in ledgerTables)).toBe(false);
  });

  it('versions are strictly increasing and the database opens at the latest', async () => {
    const numbers = schemaVersions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    const db = await freshDb();
    expect(db.verno).toBe(latestSchemaVersion);
  });

  it('opens with strict durability (DESIGN §Data: office PCs lose power)', async () => {
    const db = await freshDb();
    expect((db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability).toBe('strict');
  });
});
