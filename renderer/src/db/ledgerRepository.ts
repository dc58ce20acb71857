import type { z } from 'zod';
import { ledgerTables, type LedgerRecord, type LedgerTableName } from '../../../shared/domain/ledgerTables';
import type { SciLedgerDb } from './database';
import { validateRecord } from './validation';
import { deepEqual } from './oplog';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type LedgerInput<T extends LedgerTableName> = z.input<(typeof ledgerTables)[T]['schema']>;
type SystemField = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt';

/**
 * What a form or an import supplies: the entity's own fields. `id` is generated unless given
 * (the `settings` table uses fixed keys such as 'organisation'; sample data pins ids so that
 * records can reference each other).
 */
export type CreateInput<T extends LedgerTableName> = DistributiveOmit<LedgerInput<T>, SystemField> & { id?: string };
export type UpdateInput<T extends LedgerTableName> = Partial<DistributiveOmit<LedgerInput<T>, SystemField>>;

export class RecordNotFoundError extends Error {
  constructor(table: LedgerTableName, id: string) {
    super(`${ledgerTables[table].label}记录不存在或已删除（${id}）`);
    this.name = 'RecordNotFoundError';
  }
}

const isActive = (r: { deletedAt?: string | null } | undefined) => !!r && !r.deletedAt;

/** Builds a validated new record (shared with loadSampleData). Throws ValidationError. */
export function buildRecord<T extends LedgerTableName>(table: T, fields: CreateInput<T>, nowIso: string, index?: number): LedgerRecord<T> {
  const { id, ...rest } = fields as Record<string, unknown>;
  // System fields are ours, whatever the input carries.
  delete rest.createdAt;
  delete rest.updatedAt;
  delete rest.deletedAt;
  return validateRecord(table, { ...rest, id: id ?? crypto.randomUUID(), createdAt: nowIso, updatedAt: nowIso }, index);
}

/**
 * The ledger write API used by the feature pages. Every record is validated with its zod schema
 * before it is written (DESIGN §Data: zod schemas are the single definition) and is never
 * hard-deleted: `remove` sets the tombstone `deletedAt` so the delete travels through sync.
 * All writes go through Dexie and are therefore logged by the change-tracking middleware.
 */
export class LedgerRepository {
  constructor(private readonly db: SciLedgerDb) {}

  async create<T extends LedgerTableName>(table: T, fields: CreateInput<T>): Promise<LedgerRecord<T>> {
    const record = buildRecord(table, fields, new Date().toISOString());
    await this.db.ledger(table).add(record as never);
    return record;
  }

  /** Merges `changes` into the active record, validates the result and bumps updatedAt. */
  async update<T extends LedgerTableName>(table: T, id: string, changes: UpdateInput<T>): Promise<LedgerRecord<T>> {
    const t = this.db.ledger(table);
    return this.db.transaction('rw', t, async () => {
      const existing = await t.get(id as never);
      if (!isActive(existing)) throw new RecordNotFoundError(table, id);
      const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...own } = changes as Record<string, unknown>;
      const merged = validateRecord(table, { ...existing, ...own, updatedAt: existing!.updatedAt });
      // Saving an unchanged form writes nothing: no new 修改时间 and no empty 操作记录 entry.
      if (deepEqual(merged, existing)) return existing as LedgerRecord<T>;
      const stamped = { ...merged, updatedAt: new Date().toISOString() };
      await t.put(stamped as never);
      return stamped;
    });
  }

  /** Tombstones the record (DESIGN §Data: never hard-deleted). Idempotent. */
  async remove<T extends LedgerTableName>(table: T, id: string): Promise<void> {
    const t = this.db.ledger(table);
    await this.db.transaction('rw', t, async () => {
      const existing = await t.get(id as never);
      if (!existing) throw new RecordNotFoundError(table, id);
      if (existing.deletedAt) return;
      const now = new Date().toISOString();
      await t.update(id as never, { deletedAt: now, updatedAt: now } as never);
    });
  }

  /** Clears the tombstone. Idempotent. */
  async restore<T extends LedgerTableName>(table: T, id: string): Promise<void> {
    const t = this.db.ledger(table);
    await this.db.transaction('rw', t, async () => {
      const existing = await t.get(id as never);
      if (!existing) throw new RecordNotFoundError(table, id);
      if (!existing.deletedAt) return;
      await t.update(id as never, { deletedAt: null, updatedAt: new Date().toISOString() } as never);
    });
  }

  /** Records that are not tombstoned. */
  async listActive<T extends LedgerTableName>(table: T): Promise<LedgerRecord<T>[]> {
    return this.db.ledger(table).filter((r) => isActive(r)).toArray();
  }

  /** The record, or undefined if it does not exist or is tombstoned (unless includeDeleted). */
  async get<T extends LedgerTableName>(table: T, id: string, options: { includeDeleted?: boolean } = {}): Promise<LedgerRecord<T> | undefined> {
    const r = await this.db.ledger(table).get(id as never);
    return r && (options.includeDeleted || isActive(r)) ? r : undefined;
  }
}

export function ledgerRepository(db: SciLedgerDb): LedgerRepository {
  return new LedgerRepository(db);
}
