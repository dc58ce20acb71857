import { pinyin } from 'pinyin-pro';

/**
 * Search keys of ledger text (issue 8 item 10, issue 9): a quick search matches the Chinese
 * text, its full pinyin and its initials, half- or full-width, in any case — "陈思远", "chen",
 * "chensiyuan", "csy", "CSY", "ｃｓｙ" all find 陈思远. Keys are computed once (when rows load,
 * or on write for paged ledgers), never per keystroke. Pure: no DOM, no Node.
 */

// Anything outside ASCII and the main CJK blocks may have a compatibility form (full-width
// ＡＢＣ１２３ typed with a Chinese IME, ① …); only those strings pay for NFKC.
const NEEDS_NFKC = /[^\u0000-\u007f\u3400-\u9fff]/;

/** Case-folds and unifies full-width / half-width forms (what both keys and queries go through). */
export function normaliseSearchText(text: string): string {
  const folded = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  return folded.toLowerCase();
}

const HAN = /[\u3400-\u9fff]/;

export interface PinyinKeys {
  /** Toneless syllables run together: 陈思远 → chensiyuan. */
  full: string;
  /** First letters: 陈思远 → csy. */
  initials: string;
}

/**
 * Pinyin of `text` (non-Han characters pass through, normalised). `personName` reads the first
 * character as a surname, so the polyphonic surnames come out right: 曾 zeng, 单 shan, 解 xie,
 * 仇 qiu, 区 ou, 朴 piao — a clerk typing "zgf" expects 曾国藩.
 */
export function pinyinKeys(text: string, personName = false): PinyinKeys {
  const normalised = normaliseSearchText(text);
  if (!HAN.test(normalised)) return { full: normalised, initials: normalised };
  const cacheKey = personName ? `\u0001${normalised}` : normalised;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const keys = ALL_HAN.test(normalised) ? hanKeys(normalised, personName) : mixedKeys(normalised, personName);
  // Names and units repeat across rows: a bounded memo keeps 100,000 rows from paying pinyin-pro
  // (~10-30 µs a string) once per row.
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(cacheKey, keys);
  return keys;
}

const ALL_HAN = /^[\u3400-\u9fff]+$/;
const KEY_CACHE_LIMIT = 200_000;
const keyCache = new Map<string, PinyinKeys>();

/** Fast path for text of Han characters only (most names): one syllable per character. */
function hanKeys(text: string, personName: boolean): PinyinKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', surname: personName ? 'head' : 'off', v: true });
  let initials = '';
  for (const s of syllables) initials += s.slice(0, 1);
  return { full: syllables.join(''), initials };
}

function mixedKeys(text: string, personName: boolean): PinyinKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'all', surname: personName ? 'head' : 'off', nonZh: 'consecutive', v: true });
  let full = '';
  let initials = '';
  for (const s of syllables) {
    // A run of non-Han text ("abc" in "abc公司", digits) is kept whole in both keys.
    const spelled = s.isZh ? s.pinyin : s.origin;
    full += spelled;
    initials += s.isZh ? spelled.slice(0, 1) : spelled;
  }
  return { full, initials };
}

// Parts of a search text are joined with a newline: queries are split on whitespace, so a
// query term can never match across the boundary of two parts.
export const SEARCH_PART_SEPARATOR = '\n';
const PART_SEPARATOR = SEARCH_PART_SEPARATOR;

/**
 * One searchable string for a row: for each text, its normalised form, and for text with Han
 * characters its full pinyin and its initials. A term matches when it is a substring of it.
 */
export function searchText(parts: readonly { text: string; personName?: boolean }[]): string {
  const out: string[] = [];
  for (const { text, personName } of parts) {
    if (!text) continue;
    const normalised = normaliseSearchText(text);
    out.push(normalised);
    if (HAN.test(normalised)) {
      const keys = pinyinKeys(normalised, personName);
      out.push(keys.full, keys.initials);
    }
  }
  return out.join(PART_SEPARATOR);
}

/**
 * The same search text in two parts, for key rows: `text` holds the normalised texts, `spell`
 * their pinyin (ASCII). A term with a Chinese character can only occur in `text`, so it scans a
 * quarter of the characters; other terms scan both (searchPartsMatch).
 */
export function searchParts(parts: readonly { text: string; personName?: boolean }[]): { text: string; spell: string } {
  const text: string[] = [];
  const spell: string[] = [];
  for (const { text: raw, personName } of parts) {
    if (!raw) continue;
    const normalised = normaliseSearchText(raw);
    text.push(normalised);
    if (HAN.test(normalised)) {
      const keys = pinyinKeys(normalised, personName);
      spell.push(keys.full, keys.initials);
    }
  }
  return { text: text.join(PART_SEPARATOR), spell: spell.join(PART_SEPARATOR) };
}

/** matchesAllTerms over the two parts of searchParts. */
export function searchPartsMatch(text: string, spell: string, terms: readonly string[]): boolean {
  for (const term of terms) {
    if (text.includes(term)) continue;
    if (HAN.test(term) || !spell.includes(term)) return false;
  }
  return true;
}

/**
 * A query as terms: trimmed, normalised, whitespace-separated. All terms must match so
 * '张 北京' narrows the way people expect.
 */
export function parseSearchQuery(query: string): string[] {
  const normalised = normaliseSearchText(query.trim());
  return normalised === '' ? [] : normalised.split(/\s+/u);
}

/** True when every term is a substring of the row's search text. */
export function matchesAllTerms(text: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}
