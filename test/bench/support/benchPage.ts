/**
 * What the browser bench pages share: the result contract read by scripts/bench.mjs, and
 * fictional advisor records shaped like the real ledger (for the write and sync benches).
 */
export interface BenchFigure {
  label: string;
  value: number;
  unit: string;
}

declare global {
  interface Window {
    __benchResult?: { title: string; figures: BenchFigure[] };
    __benchError?: string;
    /** Exposed by scripts/bench.mjs: JS heap in MB from CDP Performance.getMetrics; with `gc`, V8's used heap after a forced full collection. */
    __benchHeapMB?: (options?: { gc?: boolean }) => Promise<number>;
    /** Exposed by scripts/bench.mjs: CDP CPU profile of a step (true only with BENCH_PROFILE). */
    __benchProfile?: (action: 'probe' | 'start' | 'stop', label?: string) => Promise<boolean>;
    /** Exposed by scripts/bench.mjs: PSS of the bench browser (all processes, and renderers alone) now and peak. */
    __benchRss?: () => Promise<{ currentMB: number; peakMB: number; rendererMB: number; rendererPeakMB: number; pageRendererMB?: number; pageRendererPeakMB?: number; anonMB?: number; anonPeakMB?: number } | null>;
    /** Restarts the peaks of __benchRss. */
    __benchRssReset?: () => Promise<void>;
  }
}

/** Records per bench: `?n=` (scripts/bench.mjs passes BENCH_N), else the page's default. */
export function benchSize(fallback: number): number {
  const n = Number(new URLSearchParams(location.search).get('n'));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The renderer's JS heap now (MB), or null outside scripts/bench.mjs. */
export async function heapMB(): Promise<number | null> {
  return window.__benchHeapMB ? window.__benchHeapMB() : null;
}

/**
 * Resolves once the next frame is painted. A requestAnimationFrame callback runs before that
 * frame's style, layout and paint (~10 ms at 100,000 rows), so "painted" is taken in a task
 * posted from it, which runs after the frame is committed.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    }),
  );
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `fn`, under a CDP CPU profile labelled `label` when scripts/bench.mjs takes profiles
 * (BENCH_PROFILE): bench pages profile the first run of each measured step.
 */
export async function profiled<T>(label: string | null, fn: () => Promise<T>): Promise<T> {
  const on = label !== null && window.__benchProfile ? await window.__benchProfile('probe') : false;
  if (!on) return fn();
  await window.__benchProfile?.('start');
  try {
    return await fn();
  } finally {
    await window.__benchProfile?.('stop', label ?? undefined);
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, (performance.now() - t) / 1000];
}

const statuses = ['推荐', '评议', '已审定', '已聘任', '期满', '解聘'] as const;

/** `n` valid, fictional advisor records. */
export function advisorRecords(n: number) {
  const now = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `测试顾问${i}`,
    honorific: i % 2 ? '中国科学院院士' : '中国工程院院士',
    homeInstitution: `示范大学${i % 97}`,
    field: '新材料',
    phone: `0771-555${String(i % 10000).padStart(4, '0')}`,
    status: statuses[i % statuses.length],
    termStart: '2025-01-01',
    notes: '基准测试数据（虚构）',
    createdAt: now,
    updatedAt: now,
  }));
}
