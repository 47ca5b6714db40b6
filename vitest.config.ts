import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // No test races the clock: a shared 2-core CI machine can be many times slower than a
    // laptop, and how fast things are is measured by `npm run bench`, not by timeouts.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Waits return when the thing shows; their limit only decides when to give up (see
    // tests/unit/setup.ts for findBy and vi.waitFor).
    expect: { poll: { timeout: 60_000 } },
  },
});
