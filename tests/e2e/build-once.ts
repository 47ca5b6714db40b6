import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
  }
}

/** Before the end-to-end run: Chromium is there (installed on a fresh Debian machine), and
 *  the extension is built once (skip the build with E2E_SKIP_BUILD=1 after one). */
export default function buildOnce(project: TestProject): void {
  const output = execFileSync('node', ['scripts/ensure-chromium.mjs'], { encoding: 'utf8' });
  project.provide('chromium', output.trim().split('\n').pop() ?? '/usr/bin/chromium');
  if (process.env.E2E_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would build React's development bundle: test what ships.
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
