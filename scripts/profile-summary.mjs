#!/usr/bin/env node
/**
 * Summarises a CPU profile written by `BENCH_PROFILE=<dir> npm run bench` (Chrome .cpuprofile):
 * the functions with the most self time and the most total (inclusive) time, so a bench step's
 * cost can be read in a terminal. Usage: node scripts/profile-summary.mjs FILE [top=25]
 */
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('用法：node scripts/profile-summary.mjs FILE.cpuprofile [条数]');
  process.exit(1);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample durations: timeDeltas[i] is the time before sample i.
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const total = new Map();
let all = 0;
for (const [id, us] of selfUs) {
  all += us;
  const n = nodes.get(id);
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  // Inclusive: every distinct function on the stack once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(nodes.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
}
const ms = (us) => (us / 1000).toFixed(1).padStart(8);
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [l, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)} ms  ${l}`);
};
console.log(`${file}: ${(all / 1000).toFixed(1)} ms sampled (${((profile.endTime - profile.startTime) / 1000).toFixed(1)} ms wall)`);
print('自身时间', self);
print('含调用时间', total);
