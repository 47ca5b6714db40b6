// Drives the built extension in Debian's Chromium. CRM pages are served at their real URLs
// from tests/fixtures with context.route; nothing reaches the network.
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = inject('chromium');
export const BUILT_EXTENSION = resolve('.output/chrome-mv3');
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

export interface FixtureCase {
  file: string;
  url: string;
  expect: Record<string, string> | null;
}

export function fixtureCases(site: string): FixtureCase[] {
  return JSON.parse(readFileSync(join(FIXTURES, site, 'cases.json'), 'utf8')) as FixtureCase[];
}

export function fixtureHtml(site: string, file: string): string {
  return readFileSync(join(FIXTURES, site, file), 'utf8');
}

/** Every site that has fixtures (each folder of tests/fixtures with a cases.json). */
export function sitesWithFixtures(): string[] {
  return readdirSync(FIXTURES).filter((site) => existsSync(join(FIXTURES, site, 'cases.json')));
}

/**
 * A copy of the build whose optional hosts are granted at install. The browser's permission
 * prompt cannot be answered headless, so this stands in for the rep allowing every site; the
 * extension's own reconcile then registers their content scripts, as after a real grant.
 */
export function buildWithAllSitesGranted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'second-call-all-sites-'));
  cpSync(BUILT_EXTENSION, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
    optional_host_permissions?: string[];
  };
  manifest.host_permissions = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ];
  delete manifest.optional_host_permissions;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'second-call-e2e-'));
}

export class ExtensionSession {
  /** Pages served instead of the fixture map, e.g. one Gmail thread (the hash never reaches a server). */
  private readonly overrides = new Map<string, string>();

  private constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly extensionId: string,
    readonly profileDir: string,
  ) {}

  static async launch(
    profileDir = newProfileDir(),
    extensionDir = BUILT_EXTENSION,
  ): Promise<ExtensionSession> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...FLAGS,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const session = new ExtensionSession(context, worker, extensionId, profileDir);
    await session.serveFixtures();
    return session;
  }

  /** Every fixture is served at the URL its cases.json names; other CRM URLs get a 404. */
  private async serveFixtures(): Promise<void> {
    const pages = new Map<string, string>();
    const origins = new Set<string>();
    for (const site of sitesWithFixtures()) {
      for (const c of fixtureCases(site)) {
        const url = new URL(c.url);
        pages.set(url.origin + url.pathname, fixtureHtml(site, c.file));
        origins.add(url.origin);
      }
    }
    for (const origin of origins) {
      await this.context.route(`${origin}/**`, async (route) => {
        const url = new URL(route.request().url());
        const key = url.origin + url.pathname;
        const body = this.overrides.get(key) ?? pages.get(key);
        await route.fulfill(
          body
            ? { status: 200, contentType: 'text/html; charset=utf-8', body }
            : { status: 404, contentType: 'text/plain', body: 'not in fixtures' },
        );
      });
    }
  }

  /** Serves `html` at `url` (its hash ignored) from now on. */
  servePage(url: string, html: string): void {
    const { origin, pathname } = new URL(url);
    this.overrides.set(origin + pathname, html);
  }

  async openCrmPage(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    return page;
  }

  /** The browser's tab id of a page, asked of the extension itself. Without host access
   *  (a site that is off) the extension cannot see the URL: then it is the tab in front. */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const url = page.url();
    const id = await this.currentWorker().evaluate(async (pageUrl) => {
      const tabs = await chrome.tabs.query({});
      const byUrl = tabs.find((t) => t.url === pageUrl)?.id;
      if (byUrl !== undefined) return byUrl;
      const [front] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return front?.id;
    }, url);
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  }

  async openPanel(tabId: number): Promise<Page> {
    const panel = await this.context.newPage();
    await panel.goto(`chrome-extension://${this.extensionId}/sidepanel.html?tabId=${tabId}`);
    return panel;
  }

  async openPanelFor(page: Page): Promise<Page> {
    return this.openPanel(await this.tabIdOf(page));
  }

  /** The service worker may have been restarted since launch. */
  currentWorker(): Worker {
    return (
      this.context.serviceWorkers().find((w) => w.url().includes(this.extensionId)) ?? this.worker
    );
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Replaces the page's content with another fixture and pushes its URL, as a CRM's
 *  single-page navigation does. */
export async function navigateInApp(page: Page, url: string, html: string): Promise<void> {
  await page.evaluate(
    ({ nextUrl, nextHtml }) => {
      const next = new DOMParser().parseFromString(nextHtml, 'text/html');
      history.pushState(null, '', nextUrl);
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
    },
    { nextUrl: url, nextHtml: html },
  );
}
