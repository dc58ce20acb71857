/**
 * Paged ledgers read the rows on screen again after every write that touches what they show
 * (a live query), and each read makes new row objects. A memoised grid row compares its row by
 * identity, so without this every row on screen would be drawn again after any such write. Here
 * a row read again with the same data keeps its old object, and a read that changed nothing
 * keeps the old map (no render at all).
 */
export function keepUnchangedRows<T>(shown: ReadonlyMap<string, T>, read: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
  let changed = shown.size !== read.size;
  const kept = new Map<string, T>();
  for (const [id, row] of read) {
    const old = shown.get(id);
    if (old !== undefined && sameData(old, row)) kept.set(id, old);
    else {
      kept.set(id, row);
      changed = true;
    }
  }
  return changed ? kept : shown;
}

/** Structural equality of row data: primitives, arrays, plain objects and dates; anything else (a function, a Map, a Blob) only by identity. */
export function sameData(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > 8) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  const protoA = Object.getPrototypeOf(a) as unknown;
  if ((protoA !== Object.prototype && protoA !== null) || Object.getPrototypeOf(b) !== protoA) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}
