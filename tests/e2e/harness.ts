// Drives the built extension in Debian's Chromium. CRM pages are served at their real URLs
// from tests/fixtures with context.route; nothing reaches the network.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { PATIENCE_MS } from './see';
import { SITES } from '../../lib/sites/registry';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';

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
  return buildWithHostsGranted();
}

/** A copy of the build with these optional host patterns granted at install (all of them
 *  when none are named): what a rep who allowed them sees, without the browser's prompt. */
export function buildWithHostsGranted(hosts?: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'second-call-sites-'));
  cpSync(BUILT_EXTENSION, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
    optional_host_permissions?: string[];
  };
  const optional = manifest.optional_host_permissions ?? [];
  const granted = hosts ?? optional;
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...granted];
  const left = optional.filter((host) => !granted.includes(host));
  if (left.length > 0) manifest.optional_host_permissions = left;
  else delete manifest.optional_host_permissions;
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

  /** `env` is the browser's environment on top of this process's, e.g. { TZ: 'UTC' } for the
   *  machine's zone. */
  static async launch(
    profileDir = newProfileDir(),
    extensionDir = BUILT_EXTENSION,
    env: Record<string, string> = {},
  ): Promise<ExtensionSession> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, ...env },
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

  /**
   * The build whose optional sites are all allowed (`buildWithAllSitesGranted`), once the
   * extension has registered every one of their scripts: it does so itself at install, one
   * site at a time, and a page opened before its site's turn would run nothing.
   */
  static async launchWithAllSites(build = buildWithAllSitesGranted()): Promise<ExtensionSession> {
    const session = await ExtensionSession.launch(newProfileDir(), build);
    const optional = SITES.filter((site) => !site.atInstall).length;
    const registered = () =>
      session
        .currentWorker()
        .evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    const deadline = Date.now() + PATIENCE_MS;
    while ((await registered()) < optional) {
      if (Date.now() > deadline) {
        await session.close();
        throw new Error(`only ${await registered()} of ${optional} optional sites registered`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
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

  /** The DevTools targets of this extension's service worker (none while it is stopped). */
  private async workerTargets(): Promise<{ cdp: CDPSession; targetIds: string[] }> {
    const cdp = await this.browserCdp();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const prefix = `chrome-extension://${this.extensionId}/`;
    const targetIds = targetInfos
      .filter((t) => t.type === 'service_worker' && t.url.startsWith(prefix))
      .map((t) => t.targetId);
    return { cdp, targetIds };
  }

  private cdpSession: CDPSession | undefined;

  /** A browser-level DevTools session; a persistent context's browser() may be null, then a
   *  page's session, which also answers Target.* for the whole browser. */
  private async browserCdp(): Promise<CDPSession> {
    if (this.cdpSession) return this.cdpSession;
    const browser = this.context.browser();
    if (browser) this.cdpSession = await browser.newBrowserCDPSession();
    else {
      const page = this.context.pages()[0] ?? (await this.context.newPage());
      this.cdpSession = await this.context.newCDPSession(page);
    }
    return this.cdpSession;
  }

  /** Whether the extension's service worker is running right now. */
  async serviceWorkerRunning(): Promise<boolean> {
    return (await this.workerTargets()).targetIds.length > 0;
  }

  /**
   * Stops the extension's service worker, as Chrome does after 30 s idle, and waits until none
   * runs. Its globals are lost; the next event (a content script's message, a tab update, an
   * alarm, a panel knocking after its follow-ups changed) starts a fresh one, which Playwright
   * reports on the same Worker object. A knock already on its way can start it again at once,
   * under the same target: so the stop is repeated each second until no worker is left.
   */
  async stopServiceWorker(): Promise<void> {
    const deadline = Date.now() + PATIENCE_MS;
    let lastClose = 0;
    for (;;) {
      const { cdp, targetIds } = await this.workerTargets();
      if (targetIds.length === 0) return;
      if (Date.now() > deadline) throw new Error('the service worker did not stop');
      if (Date.now() - lastClose >= 1_000) {
        lastClose = Date.now();
        for (const targetId of targetIds) {
          await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A page of the extension's own origin, e.g. 'options.html#queue' or 'manifest.json'. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/${path}`);
    return page;
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

/** Writes records straight into the extension's database (raw IndexedDB, from one of its
 *  pages), as an earlier version or session would have; reload a panel afterwards to read them.
 *  Waits first for the extension's own code to have created the database: opened before that,
 *  raw IndexedDB would create an empty one with none of its stores. */
export async function putRecords(page: Page, store: string, records: object[]): Promise<void> {
  await databaseCreated(page);
  await page.evaluate(
    ({ store, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('second-call');
        open.onerror = () => reject(open.error ?? new Error('cannot open second-call'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          for (const record of records) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        };
      }),
    { store, records },
  );
}

/** Waits until the extension's own code has created its database. The background creates it
 *  when it starts, which on a slow machine can be after the first page of the extension opens. */
async function databaseCreated(page: Page): Promise<void> {
  // Listed with its version once the extension's first upgrade has committed; listed while it
  // runs, a raw open could still find no database (CI saw it).
  await page.waitForFunction(
    async () =>
      (await indexedDB.databases()).some((d) => d.name === 'second-call' && (d.version ?? 0) > 0),
    undefined,
    { timeout: PATIENCE_MS, polling: 50 },
  );
}

/** Every row of every store of the extension's database, read with raw IndexedDB from a page
 *  of the extension's origin (opened at its current version, so no upgrade runs); waits for
 *  the extension to have created it. */
export async function readDatabase(
  page: Page,
): Promise<{ version: number; stores: Record<string, Record<string, unknown>[]> }> {
  await databaseCreated(page);
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    try {
      return await readDatabaseOnce(page);
    } catch (error) {
      // Still being created by the extension: its first upgrade commits a moment later.
      if (!String(error).includes('does not exist') || Date.now() > deadline) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

function readDatabaseOnce(
  page: Page,
): Promise<{ version: number; stores: Record<string, Record<string, unknown>[]> }> {
  return page.evaluate(
    () =>
      new Promise<{ version: number; stores: Record<string, Record<string, unknown>[]> }>(
        (resolve, reject) => {
          const open = indexedDB.open('second-call');
          open.onerror = () => reject(open.error ?? new Error('cannot open second-call'));
          open.onupgradeneeded = () => {
            open.transaction?.abort();
            reject(new Error('the second-call database does not exist'));
          };
          open.onsuccess = () => {
            const db = open.result;
            const names = [...db.objectStoreNames];
            const stores: Record<string, Record<string, unknown>[]> = {};
            const tx = db.transaction(names, 'readonly');
            for (const name of names) {
              const all = tx.objectStore(name).getAll();
              all.onsuccess = () => (stores[name] = all.result as Record<string, unknown>[]);
            }
            tx.oncomplete = () => {
              db.close();
              resolve({ version: db.version, stores });
            };
            tx.onerror = () => reject(tx.error ?? new Error('read failed'));
          };
        },
      ),
  );
}

/** How many attempts the panel's History holds: all shown, or the count its "Show all (N)"
 *  names when only the recent ones are; with `n`, whether that is `n`. Run in the page. */
function historyTotalInPage(n?: number): number | boolean {
  const all = [...document.querySelectorAll('.history button')]
    .map((b) => /^Show all \((\d+)\)$/.exec(b.textContent ?? ''))
    .find(Boolean);
  const total = all
    ? Number(all[1])
    : document.querySelectorAll('ul[aria-label="History"] > li').length;
  return n === undefined ? total : total === n;
}

/** Waits until the panel's History holds exactly `n` attempts (shown or behind "Show all"). */
export async function historyCount(panel: Page, n: number, timeout = PATIENCE_MS): Promise<void> {
  await panel.waitForFunction(historyTotalInPage, n, { polling: 20, timeout });
}

/** The side panel's History items, newest first, as their outcome labels (all of them: a
 *  long History is opened with "Show all"). */
export async function historyOutcomes(panel: Page): Promise<string[]> {
  const all = panel.getByRole('button', { name: /^Show all \(\d+\)$/ });
  if ((await all.count()) > 0) await all.click();
  return panel
    .getByRole('list', { name: 'History' })
    .getByRole('listitem')
    .locator('strong')
    .allTextContents();
}

/** Clicks a one-click outcome in the panel and waits until the panel acknowledges it: the
 *  "Logged …" status and one more History item. */
export async function clickOutcome(
  panel: Page,
  label: string,
  timeout = PATIENCE_MS,
): Promise<void> {
  const before = Number(await panel.evaluate(historyTotalInPage, undefined));
  await panel
    .getByRole('group', { name: 'Log outcome' })
    .getByRole('button', { name: label, exact: true })
    .click({ timeout });
  await panel
    .getByRole('status')
    .filter({ hasText: `Logged ${label}.` })
    .first()
    .waitFor({ timeout });
  await historyCount(panel, before + 1, timeout);
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const at = statSync(join(entry.parentPath, entry.name)).mtimeMs;
    if (at > newest) newest = at;
  }
  return newest;
}

function completeBuild(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      background?: { service_worker?: string };
      content_scripts?: { js?: string[] }[];
    };
    const files = [
      manifest.background?.service_worker ?? 'background.js',
      ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
    ];
    for (const page of ['sidepanel.html', 'options.html']) {
      files.push(page);
      const html = readFileSync(join(dir, page), 'utf8');
      for (const [, ref] of html.matchAll(/(?:src|href)="\/([^"]+)"/g)) if (ref) files.push(ref);
    }
    return files.every((file) => existsSync(join(dir, file)));
  } catch {
    return false;
  }
}

/**
 * A private copy of the build, taken once it has been quiet for two seconds and is complete:
 * another run's `wxt build` rewrites .output while tests load it. Relaunch a profile with the
 * same copy (an unpacked extension's id follows its folder).
 */
export async function stableCopyOfBuild(timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() - newestChange(BUILT_EXTENSION) > 2000 && completeBuild(BUILT_EXTENSION)) {
      const dir = mkdtempSync(join(tmpdir(), 'second-call-build-'));
      cpSync(BUILT_EXTENSION, dir, { recursive: true });
      if (completeBuild(dir)) return dir;
    }
    if (Date.now() > deadline) throw new Error(`no complete build in ${BUILT_EXTENSION}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
