// No barriers, in the built extension: axe-core finds no violation on any state of the side
// panel a rep goes through, nor on any page of the dashboard, and no dashboard page scrolls
// sideways at 800 or 1,280 px. The demo build serves the demo CRM (assets/demo) and seeds
// Maria Lopez, Kenji Sato and Priya Shah with their notes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contains, PATIENCE_MS, visible } from './see';
import { clickOutcome, ExtensionSession, newProfileDir, putRecords, readDatabase } from './harness';

const DEMO_BUILD = resolve('.output/chrome-mv3-demo');
const ORIGIN = 'http://localhost:4477';
const MARIA = `${ORIGIN}/contacts/maria-lopez`;
const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** The demo CRM as scripts/demo-server.mjs serves it; one record page names someone else in
 *  its title (the doubt behind "Is this …?"), and a page with no record at all. */
function demoCrm(url: URL): { body: string; type: string } | undefined {
  const file = (name: string) => readFileSync(resolve('assets/demo', name), 'utf8');
  if (url.pathname === '/crm.js') return { body: file('crm.js'), type: 'text/javascript' };
  if (url.pathname === '/crm.css') return { body: file('crm.css'), type: 'text/css' };
  if (url.pathname === '/contacts/maria-unsure') return { body: UNSURE, type: 'text/html' };
  if (url.pathname.startsWith('/contacts/')) return { body: file('index.html'), type: 'text/html' };
  return undefined;
}

const UNSURE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Kenji Sato · Acme CRM</title></head>
  <body>
    <article data-demo-record="maria-unsure">
      <h1 data-demo-field="name">Maria Lopez</h1>
      <dl><dt>Email</dt><dd data-demo-field="email">maria.lopez@northwind.example</dd></dl>
    </article>
  </body>
</html>`;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's violations on the page as it is now, one line each: "rule: help — targets".
 *  Extension pages refuse injected script tags (their CSP), so axe's source is evaluated
 *  through DevTools, which the CSP does not govern. */
async function barriers(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: AxeViolation[] };
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

async function expectNoBarriers(page: Page, state: string): Promise<void> {
  const found = await barriers(page);
  expect(found, `axe-core on ${state}:\n${found.join('\n')}`).toEqual([]);
}

/** Whether the page itself scrolls sideways (a wide table may scroll inside its own box). */
function sidewaysOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
}

let build: string;
let session: ExtensionSession;
beforeAll(async () => {
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(DEMO_BUILD, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  build = mkdtempSync(join(tmpdir(), 'second-call-demo-'));
  cpSync(DEMO_BUILD, build, { recursive: true });
  session = await ExtensionSession.launch(newProfileDir(), build);
  await session.context.route(`${ORIGIN}/**`, async (route) => {
    const served = demoCrm(new URL(route.request().url()));
    await route.fulfill(
      served
        ? { status: 200, contentType: `${served.type}; charset=utf-8`, body: served.body }
        : { status: 404, contentType: 'text/plain', body: 'No record here.' },
    );
  });
  const blank = await session.openExtensionPage('manifest.json');
  const seeded = async () => (await readDatabase(blank)).stores.contacts?.length ?? 0;
  const deadline = Date.now() + PATIENCE_MS;
  while ((await seeded()) < 3) {
    if (Date.now() > deadline) throw new Error('the demo contacts were not seeded');
    await new Promise((done) => setTimeout(done, 100));
  }
  await blank.close();
}, 300_000);
afterAll(async () => {
  await session?.close();
});

async function panelAt(url: string): Promise<Page> {
  const crm = await session.openCrmPage(url);
  const panel = await session.openPanelFor(crm);
  await panel.setViewportSize({ width: 360, height: 800 });
  return panel;
}

describe('no barriers', () => {
  it('the side panel has no axe-core violation in any state of a call', async () => {
    const picker = await panelAt(`${ORIGIN}/nothing-here`);
    await visible(picker.getByRole('heading', { level: 1, name: 'No contact detected' }));
    await expectNoBarriers(picker, 'the panel with no contact (the picker)');

    const asked = await panelAt(`${ORIGIN}/contacts/maria-unsure`);
    await visible(asked.getByRole('region', { name: 'Is this Maria Lopez?' }));
    await expectNoBarriers(asked, 'the identity question "Is this Maria Lopez?"');

    const panel = await panelAt(MARIA);
    await visible(panel.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }));
    await visible(panel.getByRole('list', { name: 'Notes' }));
    await visible(panel.getByRole('group', { name: 'Log outcome' }));
    await expectNoBarriers(panel, 'Maria Lopez before the call');

    await panel.getByRole('button', { name: 'Start voicemail timer' }).click();
    await visible(panel.getByRole('timer'));
    await expectNoBarriers(panel, 'the voicemail timer running');
    await panel.getByRole('button', { name: 'Stop voicemail timer' }).click();

    await clickOutcome(panel, 'No answer');
    await expectNoBarriers(panel, 'after an outcome, with Undo');

    // History, opened to its details wherever it offers them.
    const history = panel.getByRole('list', { name: 'History' });
    for (const more of await history.locator('[aria-expanded="false"]').all()) await more.click();
    await expectNoBarriers(panel, 'History expanded');
  });

  it('a part that cannot show its record and the settings warning have no violation either', async () => {
    const panel = await panelAt(MARIA);
    await visible(panel.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }));
    const marias = (await readDatabase(panel)).stores.contacts!.filter(
      (c) => c.name === 'Maria Lopez',
    );
    await putRecords(
      panel,
      'tasks',
      marias.map((maria, i) => ({
        id: `damaged-task-${i}`,
        contactId: maria.id,
        // Before every real follow-up, so the panel's next follow-up is this one.
        dueAt: -1e20,
        channel: 'call',
        status: 'open',
        reason: 'from an old backup',
        createdAt: 1,
      })),
    );
    await putRecords(panel, 'settings', [
      {
        id: 'rep',
        repName: 'Rita Rep',
        company: 'Acme',
        callbackNumber: '+1 312 555 0100',
        timeZone: 'Not/AZone',
      },
    ]);
    await panel.reload();
    await contains(panel.getByRole('alert'), 'This part could not be shown');
    await visible(panel.getByText(/Your time zone setting/));
    await expectNoBarriers(panel, 'a part that could not be shown, and the settings warning');

    const dashboard = await session.openExtensionPage('options.html#queue');
    await contains(dashboard.getByRole('alert'), 'This part could not be shown');
    await expectNoBarriers(dashboard, 'the Queue when a follow-up cannot be shown');
    await dashboard.getByRole('button', { name: 'Remove records that cannot be shown' }).click();
    await visible(dashboard.getByText(/^Removed \d+ follow-ups? whose date/));
    await putRecords(dashboard, 'settings', [
      {
        id: 'rep',
        repName: 'Rita Rep',
        company: 'Acme',
        callbackNumber: '+1 312 555 0100',
        timeZone: 'America/Chicago',
      },
    ]);
  });

  it('every dashboard page has no violation and does not scroll sideways at 800 or 1,280 px', async () => {
    // Calls logged, so the Queue lists follow-ups and Insights has its table and charts.
    const panel = await panelAt(MARIA);
    await visible(panel.getByRole('group', { name: 'Log outcome' }));
    await clickOutcome(panel, 'Voicemail');
    await clickOutcome(panel, 'Connected');

    const dashboard = await session.openExtensionPage('options.html#queue');
    for (const width of [800, 1280]) {
      await dashboard.setViewportSize({ width, height: 900 });
      for (const page of ['Queue', 'Insights', 'Sites', 'Settings', 'Data']) {
        await dashboard
          .getByRole('navigation', { name: 'Dashboard' })
          .getByRole('link', { name: page })
          .click();
        await visible(dashboard.getByRole('heading', { level: 1, name: page }));
        if (page === 'Insights') await visible(dashboard.getByRole('table').first());
        const { scrollWidth, clientWidth } = await sidewaysOverflow(dashboard);
        expect(scrollWidth, `${page} at ${width} px scrolls sideways`).toBeLessThanOrEqual(
          clientWidth,
        );
        if (width === 800) await expectNoBarriers(dashboard, `the dashboard's ${page} page`);
      }
    }
  });
});
