import type { SortValue } from './collation';
import type { KeyFields, LedgerKeyRow } from './ledgerKeys';

/**
 * The key rows of one ledger held column by column (issue 9: 100,000 key rows as objects took
 * ~150 MB of renderer heap). Each record has a slot; a slot's values sit in one array per field,
 * and repeated values (statuses, units, titles) are interned, so the rows read from IndexedDB
 * can be dropped once they are in here. Free slots are reused.
 */
export class KeyColumns {
  readonly table: string;
  private readonly slotOf = new Map<string, number>();
  /** Per slot; '' marks a free slot. */
  ids: string[] = [];
  names: string[] = [];
  updatedAt: string[] = [];
  live = new Uint8Array(0);
  private readonly fieldColumns = new Map<string, SortValue[]>();
  private readonly free: number[] = [];
  /** One copy of each repeated string. */
  private readonly pool = new Map<string, string>();

  constructor(table: string) {
    this.table = table;
  }

  get size(): number {
    return this.slotOf.size;
  }

  /** Slots in use (for scans in no particular order). */
  get capacity(): number {
    return this.ids.length;
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** Known field names (filters and sorts ask for them). */
  fieldNames(): IterableIterator<string> {
    return this.fieldColumns.keys();
  }

  private intern<V extends SortValue>(value: V): V {
    if (typeof value !== 'string' || value.length > 64) return value;
    const pooled = this.pool.get(value);
    if (pooled !== undefined) return pooled as V;
    this.pool.set(value, value);
    return value;
  }

  private column(field: string): SortValue[] {
    let col = this.fieldColumns.get(field);
    if (!col) {
      col = new Array<SortValue>(this.ids.length).fill(undefined);
      this.fieldColumns.set(field, col);
    }
    return col;
  }

  /** Writes the row into its slot (a new slot for a new id); returns the slot. */
  put(row: LedgerKeyRow): number {
    let slot = this.slotOf.get(row.id);
    const fresh = slot === undefined;
    if (slot === undefined) {
      slot = this.free.pop() ?? this.ids.length;
      if (slot === this.ids.length) {
        this.ids.push('');
        this.names.push('');
        this.updatedAt.push('');
        for (const col of this.fieldColumns.values()) col.push(undefined);
        if (this.live.length < this.ids.length) {
          const grown = new Uint8Array(Math.max(16, this.live.length * 2));
          grown.set(this.live);
          this.live = grown;
        }
      }
      this.slotOf.set(row.id, slot);
      this.ids[slot] = row.id;
    }
    this.names[slot] = this.intern(row.name);
    this.updatedAt[slot] = row.updatedAt;
    this.live[slot] = row.live;
    // A fresh slot's columns are empty already: only a replaced row clears fields it no longer has.
    if (!fresh) for (const [field, col] of this.fieldColumns) if (!(field in row.fields)) col[slot] = undefined;
    const fields = row.fields;
    for (const field in fields) {
      const col = this.fieldColumns.get(field) ?? this.column(field);
      col[slot] = this.intern(fields[field]);
    }
    return slot;
  }

  /** Frees the id's slot; returns it (undefined when unknown). */
  delete(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return undefined;
    this.slotOf.delete(id);
    this.ids[slot] = '';
    this.names[slot] = '';
    this.updatedAt[slot] = '';
    this.live[slot] = 0;
    for (const col of this.fieldColumns.values()) col[slot] = undefined;
    this.free.push(slot);
    return slot;
  }

  /** The value a sort or filter on `field` reads: name and updatedAt are columns of their own. */
  value(slot: number, field: string): SortValue {
    if (field === 'name') return this.names[slot];
    if (field === 'updatedAt') return this.updatedAt[slot];
    return this.fieldColumns.get(field)?.[slot];
  }

  fields(slot: number): KeyFields {
    const fields: KeyFields = {};
    for (const [field, col] of this.fieldColumns) if (col[slot] !== undefined) fields[field] = col[slot];
    return fields;
  }
}
