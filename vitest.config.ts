import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests only; the end-to-end suite has its own config (vitest.e2e.config.ts) because it
// needs a built web app and a real Chromium.
export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    // Property tests (fast-check) and LibreOffice renders take seconds on a busy 2-core machine;
    // no unit test measures time (speed goals live in `npm run bench`), so a slow run is not a failure.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/shared/**/*.test.ts', 'test/unit/electron/**/*.test.ts', 'test/unit/scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
