import { defineConfig } from 'vitest/config';

// The Firefox build's sidebar in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi).
// Generous timeouts: Firefox starts slowly on a busy 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    environment: 'node',
    globalSetup: ['tests/firefox/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
