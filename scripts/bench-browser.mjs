/* global fetch, setTimeout -- Node 20 globals */
// Chromium for `npm run bench`, launched as tests/e2e/harness.ts does: Debian's Chromium,
// headless, the built extension(s) loaded, CRM fixtures served at their real URLs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const FIXTURES = resolve('tests/fixtures');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function sitesWithFixtures() {
  return readdirSync(FIXTURES).filter((site) => existsSync(join(FIXTURES, site, 'cases.json')));
}

export function fixtureCases(site) {
  return JSON.parse(readFileSync(join(FIXTURES, site, 'cases.json'), 'utf8'));
}

export function fixtureHtml(site, file) {
  return readFileSync(join(FIXTURES, site, file), 'utf8');
}

/** A persistent profile with the given unpacked extensions (none: a plain browser). */
export async function launch(executablePath, extensions = []) {
  const profileDir = mkdtempSync(join(tmpdir(), 'second-call-bench-'));
  const args = [...FLAGS];
  if (extensions.length > 0) {
    args.push(`--disable-extensions-except=${extensions.join(',')}`);
    args.push(`--load-extension=${extensions.join(',')}`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The extension ids of the loaded builds, found by asking each service worker whether its
 *  extension ships `probeFile` (the bench build has bench.html, production does not). */
export async function extensionWorkers(context, count, probeFile) {
  const deadline = Date.now() + 30_000;
  while (context.serviceWorkers().length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} extension service workers`);
    await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(() => undefined);
  }
  const workers = [];
  for (const worker of context.serviceWorkers()) {
    const hasProbe = await worker.evaluate(async (file) => {
      const response = await fetch(chrome.runtime.getURL(file)).catch(() => undefined);
      return Boolean(response?.ok);
    }, probeFile);
    workers.push({ worker, id: new URL(worker.url()).host, hasProbe });
  }
  return workers;
}

/** Serves `pages` (url → html) at their URLs; any other URL of those origins is a 404. */
export async function servePages(context, pages) {
  const byKey = new Map();
  for (const [url, html] of pages) {
    const { origin, pathname } = new URL(url);
    byKey.set(origin + pathname, html);
  }
  const origins = new Set([...pages.keys()].map((url) => new URL(url).origin));
  for (const origin of origins) {
    await context.route(`${origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      const body = byKey.get(url.origin + url.pathname);
      await route.fulfill(
        body
          ? { status: 200, contentType: 'text/html; charset=utf-8', body }
          : { status: 404, contentType: 'text/plain', body: 'not in fixtures' },
      );
    });
  }
}

export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
