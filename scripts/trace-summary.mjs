#!/usr/bin/env node
/**
 * Summarises a Chrome trace written by `BENCH_PROFILE=<dir> BENCH_TRACE=1 npm run bench`: the
 * renderer main thread's time per kind of work (script, style, layout, paint, GC…), counting
 * only outermost events of each kind, and the frames drawn. Times are the thread's CPU time
 * (the events' tdur) where the trace has it, so a busy machine does not inflate them; wall
 * times in brackets. Usage:
 * node scripts/trace-summary.mjs FILE.trace.json
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('用法：node scripts/trace-summary.mjs FILE.trace.json');
  process.exit(1);
}
const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
// The renderer main thread: the thread named CrRendererMain with the most events.
const names = new Map();
for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') names.set(`${e.pid}:${e.tid}`, 0);
for (const e of traceEvents) {
  const key = `${e.pid}:${e.tid}`;
  if (names.has(key)) names.set(key, names.get(key) + 1);
}
const main = [...names].sort((a, b) => b[1] - a[1])[0]?.[0];
// The step itself: from the page's console.timeStamp('bench-step-start') to the end of the first
// paint after its 'bench-step-end' (the step's frame), when the page marked them.
const stamp = (message) => traceEvents.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === message)?.ts;
const stepStart = stamp('bench-step-start') ?? -Infinity;
const stepEnd = stamp('bench-step-end');
const paintAfter = stepEnd === undefined ? undefined : traceEvents.filter((e) => e.name === 'Paint' && e.ts >= stepEnd).sort((a, b) => a.ts - b.ts)[0];
const windowEnd = paintAfter ? paintAfter.ts + paintAfter.dur : (stepEnd ?? Infinity);
const events = traceEvents
  .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number' && e.ts + e.dur >= stepStart && e.ts <= windowEnd)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
if (stepEnd !== undefined) console.log(`step marked: ${((stepEnd - stepStart) / 1000).toFixed(1)} ms to bench-step-end, ${((windowEnd - stepStart) / 1000).toFixed(1)} ms to the end of the next paint`);
const kinds = {
  script: ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'V8.Execute', 'RunMicrotasks', 'v8.run'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections'],
  paint: ['Paint', 'PrePaint', 'PaintImage', 'Layerize', 'CompositeLayers', 'Commit', 'UpdateLayer'],
  gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ScavengeGC', 'BlinkGC.AtomicPhase', 'V8.GCScavenger', 'V8.GC_MARK_COMPACTOR'],
};
const kindOf = new Map(Object.entries(kinds).flatMap(([k, list]) => list.map((n) => [n, k])));
const totals = new Map();
const wall = new Map();
/** CPU time of an event (thread duration), else its wall duration. */
const cpu = (e) => (typeof e.tdur === 'number' ? e.tdur : e.dur);
const open = new Map(); // kind → end of the outermost open event of that kind
let first = Infinity;
let last = 0;
for (const e of events) {
  first = Math.min(first, e.ts);
  last = Math.max(last, e.ts + e.dur);
  const kind = kindOf.get(e.name);
  if (!kind) continue;
  if ((open.get(kind) ?? -1) > e.ts) continue; // nested in one of its own kind
  open.set(kind, e.ts + e.dur);
  totals.set(kind, (totals.get(kind) ?? 0) + cpu(e));
  wall.set(kind, (wall.get(kind) ?? 0) + e.dur);
}
const tasks = events.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
let busy = 0;
let busyWall = 0;
let end = -1;
for (const t of tasks) {
  if (t.ts >= end) {
    busy += cpu(t);
    busyWall += t.dur;
    end = t.ts + t.dur;
  }
}
const frames = traceEvents.filter((e) => e.name === 'DrawFrame' || e.name === 'Graphics.Pipeline.DrawFrame' || (e.name === 'BeginFrame' && `${e.pid}:${e.tid}` === main)).length;
console.log(`${file}: main thread CPU ${(busy / 1000).toFixed(1)} ms (wall ${(busyWall / 1000).toFixed(1)}) in ${((last - first) / 1000).toFixed(1)} ms`);
for (const [kind, us] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${kind} (wall ${(wall.get(kind) / 1000).toFixed(1)})`);
console.log(`  frames (BeginFrame on the main thread / DrawFrame): ${frames}`);
// The longest tasks, with what they did.
for (const t of [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 6)) {
  const inside = events.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && kindOf.has(e.name));
  const by = new Map();
  for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + cpu(e));
  const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ');
  console.log(`  task at +${((t.ts - first) / 1000).toFixed(1)} ms: CPU ${(cpu(t) / 1000).toFixed(1)} ms, wall ${(t.dur / 1000).toFixed(1)} ms (${top})`);
}
