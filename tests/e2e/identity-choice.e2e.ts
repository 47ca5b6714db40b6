// "Is this <name>?" and "Not <name>?" in the built extension. An unsure page is served at the
// demo CRM's record URL (lib/sites/demo reads it): its tab title names someone other than the
// record's heading, the doubt the site adapters report. The demo build is the only one that
// reads localhost, and it seeds Maria Lopez, Kenji Sato and Priya Shah with their notes.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, PATIENCE_MS, text, visible } from './see';
import { ExtensionSession, newProfileDir, readDatabase } from './harness';

const DEMO_BUILD = resolve('.output/chrome-mv3-demo');
const ORIGIN = 'http://localhost:4477';
const MARIA = `${ORIGIN}/contacts/maria-lopez`;

/** The demo CRM's record page as lib/sites/demo reads it, with one associated contact. */
function recordPage(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title}</title></head>
  <body>
    <article data-demo-record="maria-lopez">
      <h1 data-demo-field="name">Maria Lopez</h1>
      <dl>
        <dt>Company</dt><dd data-demo-field="company">Northwind Logistics</dd>
        <dt>Email</dt><dd data-demo-field="email">maria.lopez@northwind.example</dd>
      </dl>
    </article>
    <aside>
      <h2>Associated contacts</h2>
      <ul>
        <li data-demo-person data-demo-role="associated"
            data-demo-email="k.sato@harbor-analytics.example">Kenji Sato</li>
      </ul>
    </aside>
  </body>
</html>`;
}
const SURE = recordPage('Maria Lopez · Acme CRM');
const UNSURE = recordPage('Kenji Sato · Acme CRM');

let build: string;
beforeAll(() => {
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(DEMO_BUILD, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  build = mkdtempSync(join(tmpdir(), 'second-call-demo-'));
  cpSync(DEMO_BUILD, build, { recursive: true });
}, 180_000);

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The demo build, its seed stored, serving `html` at Maria's record. */
async function launch(html: string): Promise<ExtensionSession> {
  const started = await ExtensionSession.launch(newProfileDir(), build);
  const pages = new Map([[MARIA, html]]);
  await started.context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const body = pages.get(url.origin + url.pathname);
    await route.fulfill(
      body
        ? { status: 200, contentType: 'text/html; charset=utf-8', body }
        : { status: 404, contentType: 'text/plain', body: 'not served' },
    );
  });
  const blank = await started.openExtensionPage('manifest.json');
  const seeded = async () => (await readDatabase(blank)).stores.contacts?.length ?? 0;
  await expect.poll(seeded, { timeout: PATIENCE_MS }).toBe(3);
  await blank.close();
  return started;
}

const marias = ['Her team re-keys about 15 hours of orders a week from email into the ERP.'];

describe('the rep decides who the page is', () => {
  it('asks “Is this Maria Lopez?” on an unsure page, showing no notes until Confirm', async () => {
    session = await launch(UNSURE);
    const crm = await session.openCrmPage(MARIA);
    const panel = await session.openPanelFor(crm);
    const asked = panel.getByRole('region', { name: 'Is this Maria Lopez?' });
    await visible(asked);
    await visible(asked.getByText('The page title names Kenji Sato.'));
    await visible(asked.getByRole('button', { name: 'Kenji Sato (associated)' }));
    await count(panel.getByRole('list', { name: 'Notes' }), 0);
    await count(panel.getByText(marias[0]!), 0);
    await count(panel.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }), 0);

    await asked.getByRole('button', { name: 'Confirm' }).click();
    await visible(panel.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }));
    await visible(panel.getByRole('list', { name: 'Notes' }).getByText(marias[0]!));
    await count(asked, 0);

    // Confirmed once: the same unsure page shows her at once from now on.
    await crm.reload();
    const again = await session.openPanelFor(crm);
    await visible(again.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }));
    await count(again.getByRole('region', { name: 'Is this Maria Lopez?' }), 0);
  });

  it('corrects a sure page with “Not Maria Lopez?”, and the pick sticks after a reload', async () => {
    session = await launch(SURE);
    const crm = await session.openCrmPage(MARIA);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }));

    await panel.getByRole('button', { name: 'Not Maria Lopez?' }).click();
    const asked = panel.getByRole('region', { name: 'Is this Maria Lopez?' });
    await asked.getByRole('button', { name: 'Kenji Sato (associated)' }).click();
    await visible(panel.getByRole('heading', { level: 1, name: 'Kenji Sato', exact: true }));
    await visible(
      panel
        .getByRole('list', { name: 'Notes' })
        .getByText('Forecast calls take his managers a full day every month.'),
    );
    // Kenji was found by his email: no second Kenji.
    const names = async () =>
      ((await readDatabase(panel)).stores.contacts ?? []).map((c) => c.name).sort();
    expect(await names()).toEqual(['Kenji Sato', 'Maria Lopez', 'Priya Shah']);

    await crm.reload();
    await visible(panel.getByRole('heading', { level: 1, name: 'Kenji Sato', exact: true }));
    // A fresh tab on the same record, with no state of its own, shows him too.
    const fresh = await session.openPanelFor(await session.openCrmPage(MARIA));
    await visible(fresh.getByRole('heading', { level: 1, name: 'Kenji Sato', exact: true }));
    await count(fresh.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }), 0);
  });

  it('moves the notes logged on the wrong person to the right one, and Undo moves them back', async () => {
    session = await launch(SURE);
    const crm = await session.openCrmPage(MARIA);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { level: 1, name: 'Maria Lopez', exact: true }));
    await count(panel.getByRole('list', { name: 'Notes' }).getByRole('listitem'), 3);

    await panel.getByRole('button', { name: 'Not Maria Lopez?' }).click();
    const asked = panel.getByRole('region', { name: 'Is this Maria Lopez?' });
    await asked.getByRole('searchbox', { name: 'Search contacts' }).fill('brightline');
    await asked
      .getByRole('list', { name: 'Stored contacts' })
      .getByRole('button', { name: /Priya Shah/ })
      .click();
    await visible(panel.getByRole('heading', { level: 1, name: 'Priya Shah', exact: true }));
    const notes = panel.getByRole('list', { name: 'Notes' }).getByRole('listitem');
    await count(notes, 0);

    await panel.getByRole('button', { name: 'Move 3 notes to Priya Shah' }).click();
    await count(notes, 3);
    await visible(notes.getByText(marias[0]!));
    await text(
      panel.getByRole('region', { name: 'Logged on the wrong person' }).getByRole('status'),
      'Moved 3 notes from Maria Lopez to Priya Shah.',
    );
    const ownerOf = async (note: string) => {
      const db = await readDatabase(panel);
      const owner = db.stores.notes?.find((n) => n.text === note)?.contactId;
      return db.stores.contacts?.find((c) => c.id === owner)?.name;
    };
    expect(await ownerOf(marias[0]!)).toBe('Priya Shah');

    await panel.getByRole('button', { name: 'Undo move' }).click();
    await count(notes, 0);
    await expect.poll(() => ownerOf(marias[0]!)).toBe('Maria Lopez');
  });
});
