/**
 * Outcome of a format check. `message` is user-facing Chinese text; `expected` is set only when
 * the sole problem is a wrong check character, so the UI can offer the corrected value.
 */
export interface CheckResult {
  ok: boolean;
  message?: string;
  expected?: string;
}
