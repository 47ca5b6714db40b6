import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    firefox: string;
  }
}

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const MIN_MAJOR = 142;

/** Before the Firefox run: Firefox is there (never skipped: CI installs it), and the Firefox
 *  build with the demo CRM is made once (skip the build with FIREFOX_SKIP_BUILD=1 after one). */
export default function setup(project: TestProject): void {
  try {
    accessSync(FIREFOX, constants.X_OK);
  } catch {
    throw new Error(
      `Firefox is not installed at ${FIREFOX}, so the Firefox sidebar cannot be checked. ` +
        'Install it (Debian: apt-get install -y firefox-esr; .ci/run does this on a fresh ' +
        'machine) or set FIREFOX_PATH to a Firefox 142+ binary.',
    );
  }
  // The manifest's gecko strict_min_version: an older Firefox refuses the add-on.
  const version = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim();
  const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
  if (major < MIN_MAJOR) {
    throw new Error(`${FIREFOX} is "${version}"; the Firefox build needs Firefox ${MIN_MAJOR}+.`);
  }
  project.provide('firefox', FIREFOX);
  if (process.env.FIREFOX_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would build React's development bundle: test what ships.
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'demo'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
