import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium. One file at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/build-once.ts'],
    fileParallelism: false,
    // A test's waits each give up after two minutes (tests/e2e/see.ts, PATIENCE_MS) and return
    // as soon as what they wait for shows: a loaded machine is slower, never failed for it.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 120_000, interval: 100 } },
    retry: 0,
  },
});
