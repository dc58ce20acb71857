/**
 * Where the active row goes for a navigation key, as a pure function so the rules are testable
 * without a DOM. Returns null for keys that are not navigation keys.
 */
export function nextActiveIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  // With no active row yet, any navigation key lands on the first or last row.
  if (current < 0 || current > last) {
    if (key === 'End') return last;
    return ['ArrowDown', 'ArrowUp', 'Home', 'PageDown', 'PageUp'].includes(key) ? 0 : null;
  }
  const page = Math.max(1, pageSize);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, current + page);
    case 'PageUp':
      return Math.max(0, current - page);
    default:
      return null;
  }
}
