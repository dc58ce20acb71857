import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { stripCspMetaInDev } from './scripts/lib/csp-meta';
import { readFileSync } from 'node:fs';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

// One build for the desktop app: main and preload are Node bundles, the renderer is the same
// React app that vite.web.config.ts builds for the browser.
//
// Main and preload bundle their dependencies (externalizeDeps: false) so the packaged app
// needs nothing from node_modules at runtime: electron-builder's `files` is limited to out/**,
// and the sandboxed preload could not require() a package anyway.
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts') },
      // A sandboxed preload cannot be an ES module.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), stripCspMetaInDev()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
    worker: { format: 'es' },
  },
});
