import type { SortValue } from './collation';
import { holdsSeparator, JoinedValues } from './joinedValues';
import { keySpecOf, type LedgerKeyRow, type LedgerKeySpec } from './ledgerKeys';
import { normaliseSearchText, pinyinKeys, searchPartsMatch } from './searchKeys';

const HAN = /[\u3400-\u9fff]/;
const PART_SEPARATOR = '\n';

/** One searched field's distinct values: their normalised text and pinyin ('' when none). */
interface FieldParts {
  field: string;
  codeOf: Map<SortValue, number>;
  texts: JoinedValues;
  spells: JoinedValues;
  /** Code per slot; -1: the field is empty in that row. */
  codes: Int32Array;
}

/**
 * 快速搜索 over the key rows of one ledger without holding a search string per row. A key row's
 * search text is, field by field, the normalised text and its pinyin (searchKeys.searchParts);
 * rows share those parts whenever they share a value (a unit, a title, a status), so each
 * distinct value of each searched field is kept once and a row holds one code per field. A
 * query term is tested once per distinct value, then each row looks its codes up — the same
 * matches as testing the row's whole search text (a term never spans two parts: queries are
 * split on whitespace, parts joined by a newline).
 *
 * The parts of a row are taken from its stored search text, never recomputed (pinyin is
 * derived on write). A row whose stored text does not line up with its field values — e.g.
 * derived under another spec — keeps its own search text and is tested as before.
 */
export class KeySearch {
  private readonly spec: LedgerKeySpec | undefined;
  private readonly parts: FieldParts[];
  /** Rows searched by their own stored text (slot → [search, spell, pinyin, initials]). */
  private readonly irregular = new Map<number, [string, string, string, string]>();

  constructor(table: string) {
    this.spec = keySpecOf(table);
    this.parts = (this.spec?.search ?? []).map((field) => ({ field, codeOf: new Map(), texts: new JoinedValues(), spells: new JoinedValues(), codes: new Int32Array(0) }));
  }

  private rawOf(row: LedgerKeyRow, field: string): SortValue {
    return field === this.spec?.name ? row.name : row.fields[field];
  }

  /** Records the row's search parts in `slot`. */
  put(slot: number, row: LedgerKeyRow): void {
    this.irregular.delete(slot);
    for (const p of this.parts) {
      if (p.codes.length <= slot) {
        const grown = new Int32Array(Math.max(16, p.codes.length * 2, slot + 1)).fill(-1);
        grown.set(p.codes);
        p.codes = grown;
      }
    }
    if (!this.spec) {
      this.irregular.set(slot, [row.search, row.spell, row.pinyin, row.initials]);
      return;
    }
    const codes = new Array<number>(this.parts.length).fill(-1);
    let unknown = false;
    for (let i = 0; i < this.parts.length; i++) {
      const p = this.parts[i];
      if (!(p.field in row.fields) && p.field !== this.spec.name) {
        // A searched field the key row does not carry: the row's own text is all there is.
        this.irregular.set(slot, [row.search, row.spell, row.pinyin, row.initials]);
        return;
      }
      const raw = this.rawOf(row, p.field);
      const rawText = rawTextOf(raw);
      if (rawText === '') continue;
      let code = p.codeOf.get(raw);
      if (code === undefined && i === 0 && p.field === this.spec.name && !rawText.includes(PART_SEPARATOR)) {
        // The name leads the search text and its pinyin is stored: most names are distinct, and
        // their part is taken as it is (the lengths below check that the row adds up).
        const text = normaliseSearchText(rawText);
        code = this.add(p, raw, text, HAN.test(text) ? row.pinyin + PART_SEPARATOR + row.initials : '');
      }
      if (code === undefined) unknown = true;
      else codes[i] = code;
    }
    if (unknown) {
      // A value not seen before: cut the row's texts into its fields' parts.
      const split = splitParts(row, this.spec, (f) => this.rawOf(row, f));
      for (let i = 0; split && i < this.parts.length; i++) {
        const p = this.parts[i];
        const part = split.byField.get(p.field);
        if (!part) continue;
        if (codes[i] < 0) {
          if (part.text !== normaliseSearchText(rawTextOf(this.rawOf(row, p.field)))) break;
          codes[i] = this.add(p, this.rawOf(row, p.field), part.text, part.spell);
        }
      }
    }
    if (!this.addsUp(codes, row)) {
      this.irregular.set(slot, [row.search, row.spell, row.pinyin, row.initials]);
      return;
    }
    for (let i = 0; i < this.parts.length; i++) this.parts[i].codes[slot] = codes[i];
  }

  private add(p: FieldParts, raw: SortValue, text: string, spell: string): number {
    const code = p.texts.push(text);
    p.spells.push(spell);
    p.codeOf.set(raw, code);
    return code;
  }

  /** True when the parts of `codes`, joined, are exactly the row's stored texts. */
  private addsUp(codes: readonly number[], row: LedgerKeyRow): boolean {
    let search = -1;
    let spell = -1;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      const p = this.parts[i];
      if (code < 0) {
        if (rawTextOf(this.rawOf(row, p.field)) !== '') return false;
        continue;
      }
      search += p.texts.lengthOf(code) + 1;
      const spelled = p.spells.lengthOf(code);
      if (spelled > 0) spell += spelled + 1;
    }
    // Each part was read off this row or checked against its value, so equal lengths mean the
    // parts line up (joining and comparing 100,000 rows would double the time to load them).
    return Math.max(search, 0) === row.search.length && Math.max(spell, 0) === row.spell.length;
  }

  private join(codes: readonly number[]): { search: string; spell: string } {
    const texts: string[] = [];
    const spells: string[] = [];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code < 0) continue;
      texts.push(this.parts[i].texts.get(code));
      const spelled = this.parts[i].spells.get(code);
      if (spelled) spells.push(spelled);
    }
    return { search: texts.join(PART_SEPARATOR), spell: spells.join(PART_SEPARATOR) };
  }

  delete(slot: number): void {
    this.irregular.delete(slot);
    for (const p of this.parts) if (slot < p.codes.length) p.codes[slot] = -1;
  }

  /** The row's search text and pinyin as stored (for KeyIndex.get). */
  textOf(slot: number): { search: string; spell: string } {
    const own = this.irregular.get(slot);
    if (own) return { search: own[0], spell: own[1] };
    return this.join(this.parts.map((p) => p.codes[slot] ?? -1));
  }

  /** The name's pinyin and initials (LedgerKeyRow.pinyin / initials), from the name's part. */
  nameKeys(slot: number, name: string): { pinyin: string; initials: string } {
    const own = this.irregular.get(slot);
    if (own) return { pinyin: own[2], initials: own[3] };
    const p = this.parts.find((part) => part.field === this.spec?.name);
    const code = p?.codes[slot] ?? -1;
    const spelled = p && code >= 0 ? p.spells.get(code) : '';
    if (spelled) {
      const [pinyin, initials] = spelled.split(PART_SEPARATOR);
      return { pinyin, initials };
    }
    if (p && code >= 0) return { pinyin: p.texts.get(code), initials: p.texts.get(code) };
    const keys = pinyinKeys(name, this.spec?.personName ?? false);
    return { pinyin: keys.full, initials: keys.initials };
  }

  /** Joins the distinct values added since the last search (KeyIndex does it while loading, to spare the first keystroke). */
  prepare(): void {
    for (const p of this.parts) {
      p.texts.catchUp();
      p.spells.catchUp();
    }
  }

  /**
   * A test of slots against the (normalised, non-empty) terms: each term in some field. Use it
   * at once: it reads the rows as they are now.
   */
  matcher(terms: readonly string[]): (slot: number) => boolean {
    // Per term, the fields where some distinct value holds it, with those values marked: a row
    // then costs one code lookup per such field (for an initials search such as "lj", only the
    // name field), never a string test.
    const byTerm = terms.map((term) => {
      const han = HAN.test(term);
      const fields: { codes: Int32Array; hit: Uint8Array }[] = [];
      for (const p of this.parts) {
        const hit = new Uint8Array(p.texts.size);
        let marked = 0;
        if (holdsSeparator(term)) {
          // Never from parseSearchQuery (it splits on whitespace); tested value by value.
          for (let c = 0; c < p.texts.size; c++) if (p.texts.get(c).includes(term) || (!han && p.spells.get(c).includes(term))) marked += hit[c] = 1;
        } else {
          marked += p.texts.markContaining(term, hit);
          // A term with a Chinese character never occurs in pinyin.
          if (!han) marked += p.spells.markContaining(term, hit);
        }
        if (marked > 0) fields.push({ codes: p.codes, hit });
      }
      return fields;
    });
    const irregular = this.irregular;
    const regular = (slot: number): boolean => {
      for (let t = 0; t < byTerm.length; t++) {
        const fields = byTerm[t];
        let found = false;
        for (let f = 0; f < fields.length && !found; f++) {
          const code = fields[f].codes[slot];
          found = code >= 0 && fields[f].hit[code] === 1;
        }
        if (!found) return false;
      }
      return true;
    };
    if (irregular.size === 0) return regular;
    return (slot) => {
      const own = irregular.get(slot);
      return own ? searchPartsMatch(own[0], own[1], terms) : regular(slot);
    };
  }
}

/** `whole` begins with the part `part` (followed by the separator or the end). */
function startsPart(whole: string, part: string): boolean {
  return whole.startsWith(part) && (whole.length === part.length || whole[part.length] === PART_SEPARATOR);
}

/** The text deriveKeyRow searched for a value. */
function rawTextOf(value: SortValue): string {
  if (typeof value === 'string') return value;
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The stored search text of a row cut back into its fields' parts (deriveKeyRow's order: each
 * non-empty searched field gives one text, and one pinyin pair when the text holds Han
 * characters). Null when the pieces do not add up.
 */
function splitParts(row: LedgerKeyRow, spec: LedgerKeySpec, rawOf: (field: string) => SortValue): { byField: Map<string, { text: string; spell: string }> } | null {
  const texts = row.search === '' ? [] : row.search.split(PART_SEPARATOR);
  const spells = row.spell === '' ? [] : row.spell.split(PART_SEPARATOR);
  const byField = new Map<string, { text: string; spell: string }>();
  let t = 0;
  let s = 0;
  for (const field of spec.search) {
    if (rawTextOf(rawOf(field)) === '') continue;
    const text = texts[t++];
    if (text === undefined) return null;
    let spell = '';
    if (HAN.test(text)) {
      if (s + 2 > spells.length) return null;
      spell = spells[s] + PART_SEPARATOR + spells[s + 1];
      s += 2;
    }
    byField.set(field, { text, spell });
  }
  return t === texts.length && s === spells.length ? { byField } : null;
}
