/**
 * 聘书编号 from a pattern such as `桂科顾聘〔{年}〕{序号}号` (设置 → 聘书). {序号} may carry a
 * width, `{序号:3}` → 001. Numbers must be unique; a reprint reuses its original number.
 */
const placeholder = /\{(年|序号)(?::(\d))?\}/g;

export function checkNumberPattern(pattern: string): string | null {
  if (!pattern.includes('{序号')) return '编号格式须包含 {序号}';
  const unknown = pattern.replace(placeholder, '').match(/\{[^}]*\}/);
  if (unknown) return `编号格式含有无法识别的占位符 ${unknown[0]}，可用 {年}、{序号}、{序号:3}`;
  return null;
}

export function formatCertificateNumber(pattern: string, year: number, sequence: number): string {
  return pattern.replace(placeholder, (_, name: string, width?: string) =>
    name === '年' ? String(year) : String(sequence).padStart(width ? Number(width) : 1, '0'),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads year and sequence back out of a number made with `pattern`; null if it does not fit. */
export function parseCertificateNumber(pattern: string, number: string): { year?: number; sequence: number } | null {
  return certificateNumberParser(pattern)(number);
}

/**
 * parseCertificateNumber for many numbers of one pattern: the pattern's expression is built
 * once (building it per number was most of the time to find the next number among thousands).
 */
export function certificateNumberParser(pattern: string): (number: string) => { year?: number; sequence: number } | null {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const match of pattern.matchAll(placeholder)) {
    source += escapeRegExp(pattern.slice(last, match.index));
    source += match[1] === '年' ? '(\\d{4})' : '(\\d+)';
    names.push(match[1]);
    last = match.index + match[0].length;
  }
  source += escapeRegExp(pattern.slice(last));
  const expression = new RegExp(`^${source}$`);
  const yearAt = names.indexOf('年');
  const sequenceAt = names.indexOf('序号');
  return (number) => {
    const found = expression.exec(number.trim());
    if (!found) return null;
    return { year: yearAt < 0 ? undefined : Number(found[yearAt + 1]), sequence: Number(found[sequenceAt + 1]) };
  };
}

/**
 * The text every number of `year` under `pattern` begins with, once trimmed: the pattern's
 * literal start and, when {年} comes first, the year and the literal text after it ('' when
 * the pattern begins with {序号}). A store can read just the numbers in that key range (and those
 * with leading spaces, which parsing trims) instead of every number ever given out.
 */
export function certificateNumberPrefix(pattern: string, year: number): string {
  const [first, second] = [...pattern.matchAll(placeholder)];
  if (!first) return pattern;
  const head = pattern.slice(0, first.index);
  if (first[1] !== '年') return head;
  return head + String(year) + pattern.slice(first.index + first[0].length, second?.index ?? pattern.length);
}

/**
 * The sequence a number counts for in `year` under `pattern`, or null when it is not a number of
 * that year (it does not fit the pattern, or names another year).
 */
export function yearSequenceParser(pattern: string, year: number): (number: string) => number | null {
  const hasYear = pattern.includes('{年}');
  const parse = certificateNumberParser(pattern);
  return (number) => {
    const parsed = parse(number);
    return parsed && (!hasYear || parsed.year === year) ? parsed.sequence : null;
  };
}

/**
 * The numbering of one year while numbers are given out: one past the largest sequence taken so
 * far. Taking every used number, then asking next(), is nextCertificateNumber; a store that
 * knows the largest sequence in use starts from it instead of from every number.
 */
export class YearNumbering {
  readonly sequenceOf: (number: string) => number | null;

  constructor(
    readonly pattern: string,
    readonly year: number,
    private largest = 0,
  ) {
    this.sequenceOf = yearSequenceParser(pattern, year);
  }

  /** The number the next first issue gets. */
  next(): string {
    return formatCertificateNumber(this.pattern, this.year, this.largest + 1);
  }

  /** Counts `number` as used (a number given out meanwhile, e.g. earlier in a batch). */
  take(number: string): void {
    const sequence = this.sequenceOf(number);
    if (sequence !== null) this.largest = Math.max(this.largest, sequence);
  }
}

/**
 * The next free number of `year`: one past the largest sequence already used that year (gaps
 * from voided numbers are not refilled, so a number is never given to two people).
 */
export function nextCertificateNumber(pattern: string, year: number, existingNumbers: Iterable<string>): string {
  const numbering = new YearNumbering(pattern, year);
  for (const number of existingNumbers) numbering.take(number);
  return numbering.next();
}

/**
 * Numbers held by more than one advisor (e.g. after two machines issued offline and merged).
 * Reprints share their original's number and are not duplicates.
 */
export function findDuplicateNumbers(register: Iterable<{ number: string; advisorId: string; deletedAt?: string | null }>): Map<string, string[]> {
  const holders = new Map<string, Set<string>>();
  for (const entry of register) {
    if (entry.deletedAt) continue;
    const set = holders.get(entry.number) ?? new Set<string>();
    set.add(entry.advisorId);
    holders.set(entry.number, set);
  }
  const duplicates = new Map<string, string[]>();
  for (const [number, advisors] of holders) if (advisors.size > 1) duplicates.set(number, [...advisors]);
  return duplicates;
}
