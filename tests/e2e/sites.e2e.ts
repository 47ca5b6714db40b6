import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES, siteScriptFile } from '../../lib/sites/registry';
import { contains, count, PATIENCE_MS, text, visible } from './see';
import { normalizePhone } from '../../lib/db/identity';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILT_EXTENSION,
  ExtensionSession,
  buildWithAllSitesGranted,
  buildWithHostsGranted,
  fixtureCases,
  sitesWithFixtures,
} from './harness';

// HubSpot and Gmail have their own end-to-end suite; these are the sites a rep turns on.
// Every one of them is tested: a site whose content script is missing from the build fails
// here, it is never left out.
const OPTIONAL_SITES = sitesWithFixtures().filter((s) => !['hubspot', 'gmail'].includes(s));
const allSitesBuild = buildWithAllSitesGranted();

describe('the build', () => {
  it.each(sitesWithFixtures())('has the content script of %s', (site) => {
    const script = join(BUILT_EXTENSION, siteScriptFile({ id: site }));
    expect(existsSync(script), `${script} is missing from the build`).toBe(true);
  });
});

// One profile per site: the same person appears on several sites' fixtures, and there the
// contacts rightly merge (see the unit tests of upsertContactFromSnapshot).
describe.each(OPTIONAL_SITES)('%s, once the rep allowed it', (site) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    // The extension registers the allowed sites' scripts itself, at install.
    session = await ExtensionSession.launchWithAllSites(allSitesBuild);
  });
  afterAll(() => session.close());

  it.each(fixtureCases(site))(
    '$file: the panel shows what the page shows',
    async ({ url, expect: contact }) => {
      const page = await session.openCrmPage(url);
      const panel = await session.openPanelFor(page);
      if (contact) {
        await text(panel.getByRole('heading', { level: 1 }), contact.name!);
        // Everything else the page shows of them: how to reach them, where they work, as what.
        if (contact.email) await visible(panel.getByRole('link', { name: contact.email }));
        // The number reads formatted for the rep's country; its link dials the number itself.
        if (contact.phone)
          await visible(panel.locator(`a[href="tel:${normalizePhone(contact.phone, 'US')}"]`));
        if (contact.company) await contains(panel.locator('.contact-role'), contact.company);
        if (contact.title) await contains(panel.locator('.contact-role'), contact.title);
      } else {
        await visible(panel.getByRole('heading', { name: 'No contact detected' }));
        // And it stays so: the page is not mistaken for a record as it settles.
        await page.waitForTimeout(300);
        await count(panel.getByRole('heading', { name: 'No contact detected' }), 1);
      }
      await panel.close();
      await page.close();
    },
  );
});

describe('a site that is off', () => {
  it('runs nothing on its pages', async () => {
    const session = await ExtensionSession.launch();
    try {
      const record = fixtureCases('salesforce').find((c) => c.expect)!;
      const page = await session.openCrmPage(record.url);
      const panel = await session.openPanelFor(page);
      await visible(panel.getByRole('heading', { name: 'No contact detected' }));
      expect(
        await session
          .currentWorker()
          .evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
      ).toBe(0);
      expect(await page.locator('second-call-overlay').count()).toBe(0);
    } finally {
      await session.close();
    }
  });
});

describe('a site allowed on some of its addresses', () => {
  it('shows as partly on, and reads the pages of the allowed address', async () => {
    const outlook = SITES.find((s) => s.id === 'outlook')!;
    const allowed = 'https://outlook.office.com/mail/*';
    expect(outlook.matches).toContain(allowed);
    const session = await ExtensionSession.launch(undefined, buildWithHostsGranted([allowed]));
    try {
      const registered = () =>
        session
          .currentWorker()
          .evaluate(async () => await chrome.scripting.getRegisteredContentScripts());
      await expect
        .poll(registered, { timeout: PATIENCE_MS })
        .toEqual([expect.objectContaining({ id: 'site-outlook', matches: [allowed] })]);

      const sites = await session.openExtensionPage('options.html#sites');
      const box = sites.getByRole('checkbox', { name: 'Outlook' });
      await visible(sites.getByText(/On for some of its addresses only/));
      expect(await box.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
      expect(await box.isChecked()).toBe(false);
      expect(await sites.getByRole('checkbox', { name: 'Pipedrive' }).isChecked()).toBe(false);
      expect(await sites.getByRole('checkbox', { name: 'HubSpot' }).isChecked()).toBe(true);

      const message = fixtureCases('outlook').find(
        (c) => c.expect && new URL(c.url).host === 'outlook.office.com',
      )!;
      const page = await session.openCrmPage(message.url);
      const panel = await session.openPanelFor(page);
      await text(panel.getByRole('heading', { level: 1 }), message.expect!.name!);
    } finally {
      await session.close();
    }
  });
});
