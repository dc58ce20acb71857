import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests only; the end-to-end suite has its own config (vitest.e2e.config.ts) because it
// needs a built web app and a real Chromium.
export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
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
