import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Browser benchmarks (scripts/bench.mjs): every test/bench/*.bench.html is a page of a
// multi-page build, so a new bench is added just by dropping its .html (+ script) there.
// root = the repo so pages can import renderer/ and shared/ code exactly as the app does.
const root = import.meta.dirname;
const benchDir = resolve(root, 'test/bench');
const pages = Object.fromEntries(
  readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.html'))
    .map((f) => [f.replace(/\.bench\.html$/, ''), resolve(benchDir, f)]),
);

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
    // Benchmarks measure the code as shipped: minified production build — except when CPU
    // profiles are taken (BENCH_PROFILE, scripts/bench.mjs), which need readable function names.
    minify: !process.env.BENCH_PROFILE,
    rolldownOptions: { input: pages },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
