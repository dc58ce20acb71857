import { defineConfig } from 'vitest/config';

// End-to-end: the web build served on 127.0.0.1, driven in Debian Chromium by playwright-core.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll's default of 1 s is too short on a loaded 2-core CI machine: a form's error
    // message clearing a moment late failed a whole suite once.
    expect: { poll: { timeout: 15_000 } },
  },
});
