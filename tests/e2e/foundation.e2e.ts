import { afterEach, describe, expect, it } from 'vitest';
import { contains, count, PATIENCE_MS, text, value, visible } from './see';
import {
  ExtensionSession,
  fixtureCases,
  fixtureHtml,
  navigateInApp,
  readDatabase,
} from './harness';

const hubspot = fixtureCases('hubspot');
const gmail = fixtureCases('gmail');
const record = hubspot.find((c) => c.file === 'contact-record.html')!;
const partial = hubspot.find((c) => c.file === 'contact-record-partial.html')!;
const list = hubspot.find((c) => c.file === 'contacts-list.html')!;
const hostile = hubspot.find((c) => c.file === 'contact-hostile.html')!;
const thread = gmail.find((c) => c.file === 'thread-from-prospect.html')!;
const closeLead = fixtureCases('close').find((c) => c.file === 'lead.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('the side panel follows the CRM page', () => {
  it('shows the HubSpot contact open in the tab, with how to reach them', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    await visible(panel.getByText('VP Operations · Northwind Traders'));
    await visible(panel.getByRole('link', { name: 'jane.doe@northwind.example' }));
  });

  it('keeps a note through a panel reload and a browser restart', async () => {
    session = await ExtensionSession.launch();
    const profile = session.profileDir;
    let crm = await session.openCrmPage(record.url);
    let panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await panel.getByRole('combobox', { name: 'Note kind' }).selectOption('deadline');
    await panel.getByRole('textbox', { name: 'New note' }).fill('Board review moved to 14 March');
    await panel.getByRole('button', { name: 'Add note' }).click();
    const notes = panel.getByRole('list', { name: 'Notes' });
    await visible(notes.getByText('Board review moved to 14 March'));
    await value(panel.getByRole('textbox', { name: 'New note' }), '');

    await panel.reload();
    await visible(
      panel.getByRole('list', { name: 'Notes' }).getByText('Board review moved to 14 March'),
    );

    await session.close();
    session = await ExtensionSession.launch(profile);
    crm = await session.openCrmPage(record.url);
    panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    const kept = panel.getByRole('list', { name: 'Notes' }).getByRole('listitem');
    await count(kept, 1);
    await contains(kept, 'deadline');
    await contains(kept, 'Board review moved to 14 March');
  });

  it('edits and deletes a note', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(record.url));
    await panel.getByRole('textbox', { name: 'New note' }).fill('15 hours a week re-keying orders');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByRole('button', { name: /^Edit note/ }).click();
    await panel
      .getByRole('textbox', { name: 'Edit note' })
      .fill('20 hours a week re-keying orders');
    await panel.getByRole('button', { name: 'Save note' }).click();
    const notes = panel.getByRole('list', { name: 'Notes' });
    await visible(notes.getByText('20 hours a week re-keying orders'));
    await panel.getByRole('button', { name: /^Delete note/ }).click();
    await count(notes.getByRole('listitem'), 0);
    await visible(panel.getByText(/No notes yet/));
  });

  it('detects the other party of an open Gmail thread, not the rep', async () => {
    session = await ExtensionSession.launch();
    session.servePage(thread.url, fixtureHtml('gmail', thread.file));
    const panel = await session.openPanelFor(await session.openCrmPage(thread.url));
    await visible(panel.getByRole('heading', { level: 1, name: 'Dana Kim' }));
    await visible(panel.getByRole('link', { name: 'dana.kim@prospectco.example' }));
  });

  it('updates when the single-page app moves to another record', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));

    // A sub-tab and a query on the same record (the page shows the same contact, so it
    // reports nothing new): the panel stays on Jane.
    for (const same of [`${record.url}/view/2`, `${record.url}?interaction=note`]) {
      await crm.evaluate((next) => history.pushState(null, '', next), same);
      const tabUrl = () =>
        session!
          .currentWorker()
          .evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url));
      await expect.poll(tabUrl).toContain(same);
      await crm.waitForTimeout(500);
      await count(panel.getByRole('heading', { name: 'No contact detected' }), 0);
      await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');
    }

    await navigateInApp(crm, partial.url, fixtureHtml('hubspot', partial.file));
    await visible(panel.getByRole('heading', { level: 1, name: 'Marco Rossi' }));
    await count(panel.getByRole('heading', { name: 'Jane Doe' }), 0);
  });

  it('says "No contact detected" on a list view, and lets the rep create one by hand', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(list.url));
    await visible(panel.getByRole('heading', { name: 'No contact detected' }));
    await visible(panel.getByText('No contacts stored yet.'));
    await panel.getByRole('button', { name: 'New contact' }).click();
    await panel.getByRole('textbox', { name: 'Name' }).fill('Walk-in Prospect');
    await panel.getByRole('textbox', { name: 'Company' }).fill('Corner Shop');
    await panel.getByRole('button', { name: 'Create contact' }).click();
    await visible(panel.getByRole('heading', { level: 1, name: 'Walk-in Prospect' }));
    await panel.reload();
    await visible(panel.getByRole('heading', { level: 1, name: 'Walk-in Prospect' }));
  });

  it('finds a stored contact from a page that is not a record', async () => {
    session = await ExtensionSession.launch();
    const first = await session.openCrmPage(record.url);
    const firstPanel = await session.openPanelFor(first);
    await visible(firstPanel.getByRole('heading', { name: 'Jane Doe' }));
    const panel = await session.openPanelFor(await session.openCrmPage(list.url));
    await panel.getByRole('searchbox', { name: 'Search contacts' }).fill('northwind');
    await panel
      .getByRole('list', { name: 'Stored contacts' })
      .getByRole('button', { name: /Jane Doe/ })
      .click();
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
  });

  it('renders a name containing markup as plain text', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(hostile.url));
    const name = hostile.expect!.name!;
    const heading = panel.getByRole('heading', { level: 1 });
    await text(heading, name);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await panel.locator('main script').count()).toBe(0);
  });

  it('counts a lifecycle-stage change on the HubSpot record as the deal advancing', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(record.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await visible(panel.getByRole('button', { name: 'Mark as advanced', pressed: false }));
    // The rep moves Jane to the next stage in HubSpot; the next time the record is read (here a
    // reload) the extension sees the new stage. An idle page is not watched, by design.
    session.servePage(
      record.url,
      fixtureHtml('hubspot', record.file).replace('Sales Qualified Lead', 'Opportunity'),
    );
    await crm.reload();
    await visible(panel.getByRole('button', { name: 'Advanced to next stage ✓', pressed: true }));
  });

  it('does not count a Close lead moved to “Bad Fit” as advancing, but one moved on does', async () => {
    session = await ExtensionSession.launchWithAllSites();
    const registered = () =>
      session!
        .currentWorker()
        .evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    await expect.poll(registered, { timeout: PATIENCE_MS }).toBeGreaterThan(0);
    const crm = await session.openCrmPage(closeLead.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    const storedJane = async () =>
      (await readDatabase(panel)).stores.contacts?.find((c) => c.name === 'Jane Doe');
    const storedStage = async () => (await storedJane())?.stage;
    await expect.poll(storedStage, { timeout: PATIENCE_MS }).toBe('Potential');

    const withStatus = (status: string) =>
      fixtureHtml('close', closeLead.file).replace('>Potential</button>', `>${status}</button>`);
    session.servePage(closeLead.url, withStatus('Bad Fit'));
    await crm.reload();
    await expect.poll(storedStage, { timeout: PATIENCE_MS }).toBe('Bad Fit');
    expect((await storedJane())?.advancedAt).toBeUndefined();
    await visible(panel.getByRole('button', { name: 'Mark as advanced', pressed: false }));

    session.servePage(closeLead.url, withStatus('Qualified'));
    await crm.reload();
    await visible(panel.getByRole('button', { name: 'Advanced to next stage ✓', pressed: true }));
  });
});
