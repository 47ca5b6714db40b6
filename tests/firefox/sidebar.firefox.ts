// The Firefox build in a real Firefox (Debian's firefox-esr): the demo CRM served on
// localhost, the extension installed as a temporary add-on, and its sidebar checked as a rep
// uses it. puppeteer-core drives Firefox over WebDriver BiDi; no browser is downloaded.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

const EXTENSION = resolve('.output/firefox-mv3-demo');
const ADDON_ID = 'second-call@second-call.app';
// Pinned through a pref: otherwise every profile gets a random moz-extension:// host.
const UUID = '5c2b7e1a-93d4-4f0e-8a61-2d9f0b7c4e38';
const PANEL = `moz-extension://${UUID}/sidepanel.html`;
const WAIT = { timeout: 20_000, interval: 100 };

const CONTACT = 'Maria Lopez';
/** The start of each note the demo seeds for her (lib/db/demo-seed.ts). */
const SEEDED_NOTES = [
  'Her team re-keys about 15 hours of orders a week',
  'The board wants pipeline visibility before the Q3 review',
  'If it needs IT for more than a week',
];
const OUTCOME_BUTTONS = [
  'Meeting booked',
  'Connected',
  'Voicemail',
  'No answer',
  'Gatekeeper',
  'Not interested',
  'Wrong number',
  'Sent info',
  'Email sent',
  'Call back at…',
];

/** The Firefox APIs the checks call from inside the extension's pages. */
interface FirefoxApi {
  sidebarAction: {
    isOpen(details: object): Promise<boolean>;
    getPanel(details: object): Promise<string>;
  };
  extension: { getViews(filter: { type: 'sidebar' }): Window[] };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
}

interface SidebarView {
  url: string;
  heading: string | null;
  notes: string[];
}

let firefox: Browser | undefined;
let server: Server | undefined;
let profile: string | undefined;
let crm: Page;
let panel: Page;

/** Errors and warnings Firefox printed (page consoles and uncaught errors), shown on failure. */
const firefoxLog: string[] = [];

function collectLog(stream: Readable | null | undefined): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => {
    const text = line.trim();
    // Firefox's own modules (resource://, chrome://) are not ours to judge.
    if (
      /^(JavaScript (error|warning)|console\.(error|warn))/.test(text) &&
      !/ (resource|chrome):\/\//.test(text)
    ) {
      firefoxLog.push(text);
    }
  });
}

/** Waits until `probe` answers true (it may throw while a page is between documents). Hooks
 *  cannot use expect.poll, so the page helpers below wait with this. */
async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT.timeout;
  let last: unknown = 'no answer yet';
  for (;;) {
    try {
      if (await probe()) return;
      last = 'not yet';
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} within ${WAIT.timeout / 1000} s (last: ${String(last)})`);
    }
    await new Promise((done) => setTimeout(done, WAIT.interval));
  }
}

/**
 * Opens an extension page in `page`. Firefox's WebDriver BiDi sends no navigation events for
 * extension pages (bug 1755014), so Puppeteer's goto never settles on a moz-extension:// URL:
 * start it without waiting and watch the page load instead.
 */
async function openExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await until(`Firefox did not open ${url}`, async () =>
    page.evaluate((want) => location.href === want && document.readyState === 'complete', url),
  );
}

/** Reloads an extension page (see openExtensionPage for why not page.reload). */
async function reloadExtensionPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { beforeReload?: true }).beforeReload = true;
    location.reload();
  });
  await until('the sidebar page did not reload', () =>
    page.evaluate(
      () =>
        !(window as unknown as { beforeReload?: true }).beforeReload &&
        document.readyState === 'complete',
    ),
  );
}

function heading(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null);
}

function notes(page: Page): Promise<string[]> {
  return page
    .evaluate(() =>
      [...document.querySelectorAll('ul[aria-label="Notes"] > li')].map((li) => li.textContent),
    )
    .catch(() => []);
}

function hasNote(list: string[], start: string): boolean {
  return list.some((note) => note.includes(start));
}

/** The real sidebar, read from the extension's own page (both run in its process). */
function sidebarViews(page: Page): Promise<SidebarView[]> {
  return page
    .evaluate(() => {
      const { browser } = globalThis as unknown as { browser: FirefoxApi };
      return browser.extension.getViews({ type: 'sidebar' }).map((view) => ({
        url: view.location.href,
        heading: view.document.querySelector('h1')?.textContent ?? null,
        notes: [...view.document.querySelectorAll('ul[aria-label="Notes"] > li')].map(
          (li) => li.textContent,
        ),
      }));
    })
    .catch(() => []);
}

beforeAll(async () => {
  // A plain .mjs module (scripts/ is not type-checked): imported by path, typed here.
  const demoServer = pathToFileURL(resolve('scripts/demo-server.mjs')).href;
  const { startDemoServer } = (await import(demoServer)) as {
    startDemoServer: (port: number) => Promise<Server>;
  };
  server = await startDemoServer(0);
  const { port } = server.address() as AddressInfo;

  profile = mkdtempSync(join(tmpdir(), 'second-call-firefox-'));
  firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: inject('firefox'),
    headless: true,
    userDataDir: profile,
    timeout: 90_000,
    protocolTimeout: 90_000,
    // Lets WebDriver BiDi navigate a tab to a moz-extension:// page; only this throwaway
    // profile, on a local port, ever gets it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'devtools.console.stdout.content': true,
    },
  });
  collectLog(firefox.process()?.stdout);
  collectLog(firefox.process()?.stderr);

  const installed = await firefox.installExtension(EXTENSION);
  expect(installed, 'the add-on id Firefox installed').toBe(ADDON_ID);

  crm = await firefox.newPage();
  await crm.goto(`http://localhost:${port}/contacts/maria-lopez`, { timeout: WAIT.timeout });

  // The panel is opened for the CRM tab as the real sidebar follows it: sidepanel.html?tabId=N,
  // N asked of the extension itself.
  panel = await firefox.newPage();
  await openExtensionPage(panel, PANEL);
  const crmUrl = crm.url();
  const tabId = await panel.evaluate(async (url) => {
    const { browser } = globalThis as unknown as { browser: FirefoxApi };
    return (await browser.tabs.query({})).find((tab) => tab.url === url)?.id;
  }, crmUrl);
  if (tabId === undefined) throw new Error(`the extension sees no tab showing ${crmUrl}`);
  await openExtensionPage(panel, `${PANEL}?tabId=${tabId}`);
});

afterAll(async () => {
  await firefox?.close().catch((error: unknown) => console.error('closing Firefox:', error));
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    console.error(
      firefoxLog.length
        ? `Firefox printed these errors and warnings:\n${firefoxLog.slice(-40).join('\n')}`
        : 'Firefox printed no errors or warnings.',
    );
  });
});

describe('the Firefox build', () => {
  it('declares its sidebar (sidebar_action), which Firefox takes as the panel page', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8')) as {
      sidebar_action?: { default_panel?: string };
      side_panel?: unknown;
      permissions?: string[];
    };
    expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.permissions).not.toContain('sidePanel');
    const declared = await panel.evaluate(() => {
      const { browser } = globalThis as unknown as { browser: FirefoxApi };
      return browser.sidebarAction.getPanel({});
    });
    expect(declared).toBe(PANEL);
  });

  it('shows the contact open in the CRM tab, with her notes', async () => {
    await panel.bringToFront();
    await expect
      .poll(() => heading(panel), { ...WAIT, message: 'the sidebar heading' })
      .toBe(CONTACT);
    for (const note of SEEDED_NOTES) {
      await expect
        .poll(async () => hasNote(await notes(panel), note), {
          ...WAIT,
          message: `the Notes list shows "${note}…"`,
        })
        .toBe(true);
    }
  });

  it('keeps a note added in the sidebar through a reload of the sidebar', async () => {
    const text = 'Firefox: wants the ERP import demoed to IT on Thursday';
    await panel.bringToFront();
    const box = await panel.waitForSelector('textarea[aria-label="New note"]', WAIT);
    if (!box) throw new Error('the sidebar has no New note box');
    await box.type(text);
    const add = await panel.waitForSelector('xpath/.//button[normalize-space()="Add note"]', WAIT);
    if (!add) throw new Error('the sidebar has no Add note button');
    await add.click();
    await expect
      .poll(async () => hasNote(await notes(panel), text), {
        ...WAIT,
        message: 'the new note in the Notes list',
      })
      .toBe(true);

    await reloadExtensionPage(panel);
    await expect
      .poll(() => heading(panel), { ...WAIT, message: 'the heading after the reload' })
      .toBe(CONTACT);
    await expect
      .poll(async () => hasNote(await notes(panel), text), {
        ...WAIT,
        message: 'the new note after the reload',
      })
      .toBe(true);
    expect((await notes(panel)).length).toBe(SEEDED_NOTES.length + 1);
  });

  it('offers the Log outcome buttons, and one click logs the call', async () => {
    await panel.bringToFront();
    const labels = () =>
      panel
        .evaluate(() =>
          [...document.querySelectorAll('[role="group"][aria-label="Log outcome"] button')].map(
            (button) => button.childNodes[0]?.textContent?.trim() ?? '',
          ),
        )
        .catch(() => []);
    await expect
      .poll(labels, { ...WAIT, message: 'the Log outcome group' })
      .toEqual(OUTCOME_BUTTONS);

    const noAnswer = await panel.waitForSelector(
      'xpath/.//*[@role="group"][@aria-label="Log outcome"]//button[starts-with(normalize-space(), "No answer")]',
      WAIT,
    );
    if (!noAnswer) throw new Error('the Log outcome group has no No answer button');
    await noAnswer.click();
    await expect
      .poll(
        () =>
          panel
            .evaluate(() =>
              [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent),
            )
            .catch(() => []),
        { ...WAIT, message: 'the "Logged No answer." status' },
      )
      .toContainEqual(expect.stringContaining('Logged No answer.'));
    await expect
      .poll(
        () =>
          panel
            .evaluate(() =>
              [...document.querySelectorAll('ul[aria-label="History"] > li strong')].map(
                (s) => s.textContent,
              ),
            )
            .catch(() => []),
        { ...WAIT, message: 'the History list' },
      )
      .toEqual(['No answer']);
  });

  it('opens its real sidebar at install, showing the contact of the tab in front', async () => {
    // Firefox opens it as the add-on installs; on a cold start that can take a moment.
    await expect
      .poll(
        () =>
          panel.evaluate(() => {
            const { browser } = globalThis as unknown as { browser: FirefoxApi };
            return browser.sidebarAction.isOpen({});
          }),
        { ...WAIT, message: 'Firefox opened the sidebar when the add-on was installed' },
      )
      .toBe(true);
    // The sidebar follows the window's active tab: bring the CRM page to the front.
    await crm.bringToFront();
    await expect
      .poll(async () => (await sidebarViews(panel)).map((view) => view.heading), {
        ...WAIT,
        message: 'the real sidebar heading',
      })
      .toEqual([CONTACT]);
    const [view] = await sidebarViews(panel);
    expect(view?.url).toBe(PANEL);
    for (const note of SEEDED_NOTES) expect(hasNote(view?.notes ?? [], note)).toBe(true);
  });
});
