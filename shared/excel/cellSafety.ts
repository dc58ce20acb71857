/**
 * Formula injection (CWE-1236, DESIGN §Security): a cell whose text begins with = + - @ tab,
 * carriage return or line feed may be run as a formula by Excel or WPS — at once when a CSV is
 * opened, or later when a clerk presses F2 and Enter on an .xlsx text cell. Such text is written
 * with a leading apostrophe (OWASP's advice), which both programs show as plain text; an import
 * takes that apostrophe off again, so a round trip gives the same text back.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]);
}

/** The text as it is safe to write into a spreadsheet cell. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula: an apostrophe we (or a careful clerk) put before a trigger character. */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGERS.has(text[1]) ? text.slice(1) : text;
}
