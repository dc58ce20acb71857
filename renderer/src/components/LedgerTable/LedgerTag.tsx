import type { ReactNode } from 'react';

/** The antd preset colours ledger cells use (status and reminder tags). */
export type LedgerTagColor = 'default' | 'processing' | 'success' | 'warning' | 'error' | 'blue' | 'red' | 'orange' | 'green' | 'gold' | 'cyan' | 'geekblue' | 'purple';

/**
 * A tag for grid cells that looks like antd's Tag but is a plain span styled by LedgerTable.css.
 * A ledger paints some 40 rows again on every sort and keystroke; an antd Tag per cell registers
 * and removes its CSS-in-JS styles and computes colour tokens each time it mounts (issue 9
 * profile: 15–20 ms of a sort at 30,000 rows), a span costs nothing. `title` is shown on hover
 * (instead of a Tooltip component per row).
 */
export function LedgerTag({ color = 'default', title, children }: { color?: string; title?: string; children: ReactNode }) {
  return (
    <span className={`ledger-tag ledger-tag--${color}`} title={title}>
      {children}
    </span>
  );
}
