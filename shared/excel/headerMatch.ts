/**
 * Which spreadsheet column holds which field: headers are compared with each field's label and
 * synonyms after the usual office noise is taken off (spaces, full-width letters, 必填 marks
 * such as *, units in brackets such as （元）, a trailing colon).
 */
export interface MatchableField {
  id: string;
  label: string;
  synonyms?: readonly string[];
  /**
   * A unit the header must name for this field (项目资金（万元）): such a field matches only
   * headers that carry it, and beats the plain field (项目资金, in 元) on them.
   */
  headerUnit?: string;
}

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** 1 for an exact name, 0.6 when one contains the other (两字以上), else 0; ×1.05 for a field whose unit the header names. */
export function headerScore(header: string, field: MatchableField): number {
  const h = normaliseHeader(header);
  if (h === '') return 0;
  if (field.headerUnit) return header.normalize('NFKC').includes(field.headerUnit) ? nameScore(h, { ...field, headerUnit: undefined }) * 1.05 : 0;
  return nameScore(h, field);
}

function nameScore(h: string, field: MatchableField): number {
  const names = [field.label, ...(field.synonyms ?? [])].map(normaliseHeader);
  if (names.includes(h)) return 1;
  if (names.some((n) => n.length >= 2 && h.length >= 2 && (h.includes(n) || n.includes(h)))) return 0.6;
  return 0;
}

/**
 * The proposed mapping: for each column the field it fills, or null. Best matches are taken
 * first and each field is used once, so 联系人电话 goes to the phone of the liaison even when
 * 电话 also contains the word.
 */
export function suggestMapping(headers: readonly string[], fields: readonly MatchableField[]): (string | null)[] {
  const pairs: { column: number; field: string; score: number }[] = [];
  headers.forEach((header, column) => {
    for (const field of fields) {
      const score = headerScore(header, field);
      if (score > 0) pairs.push({ column, field: field.id, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: (string | null)[] = headers.map(() => null);
  const used = new Set<string>();
  for (const p of pairs) {
    if (mapping[p.column] !== null || used.has(p.field)) continue;
    mapping[p.column] = p.field;
    used.add(p.field);
  }
  return mapping;
}

/**
 * A file layout's fingerprint (the normalised headers in order), so a mapping the clerk fixed
 * once is offered again for next month's file of the same shape. FNV-1a, hex.
 */
export function layoutKey(headers: readonly string[]): string {
  const text = headers.map(normaliseHeader).join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}
