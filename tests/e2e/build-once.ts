import { execFileSync } from 'node:child_process';

/** Builds the extension once for the whole run (skip with E2E_SKIP_BUILD=1 after a build). */
export default function buildOnce(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
