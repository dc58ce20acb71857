/**
 * JSON hygiene for data that crossed a USB stick (DESIGN §Sync: verify every op "before touching
 * the DB"). Two jobs: refuse keys that reach object prototypes, and refuse values that are not
 * plain JSON (so what we store is exactly what another node will read back from ops.jsonl).
 */

/**
 * Keys that can alter prototypes when an object is copied or merged with `obj[key] = …`.
 * `JSON.parse` makes them ordinary own properties, and zod's record parser silently drops
 * `__proto__`, so they are looked for explicitly, at every depth, before any schema runs.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Nesting deeper than this is not a ledger value (and would risk stack exhaustion). */
export const MAX_JSON_DEPTH = 32;

/** Path (e.g. `fields.value.__proto__`) of the first forbidden key in `value`, or null. */
export function findForbiddenKey(value: unknown, path = '', depth = 0): string | null {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], `${path}[${i}]`, depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (isForbiddenKey(key)) return here;
    const hit = findForbiddenKey((value as Record<string, unknown>)[key], here, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

/**
 * True for null, booleans, finite numbers, strings, arrays and plain objects of those, nested at
 * most MAX_JSON_DEPTH deep, without forbidden keys. `undefined`, NaN, Infinity, Dates, typed
 * arrays and class instances are refused: JSON would change or drop them on the way to the
 * other machine, and the two nodes would then disagree about the same op.
 */
export function isJsonSafe(value: unknown, depth = 0): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((v) => isJsonSafe(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) {
    if (isForbiddenKey(key)) return false;
    if (!isJsonSafe((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** Structural equality of JSON values; `undefined` properties count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
}
