import { afterEach, describe, expect, it } from 'vitest';
import { count, text, visible } from './see';
import { countLabelled, repClicks } from './closed-shadow';
import {
  ExtensionSession,
  clickOutcome,
  fixtureCases,
  fixtureHtml,
  navigateInApp,
} from './harness';

const hubspotJane = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const aircall = fixtureCases('aircall');
const inCall = aircall.find((c) => c.file === 'in-call.html')!;
const afterCall = aircall.find((c) => c.file === 'after-call.html')!;

/** The wrap-up screen of the same call: the fixture's other caller swapped for Jane. */
function janesWrapUp(): string {
  return fixtureHtml('aircall', afterCall.file)
    .replaceAll('Marco Rossi', 'Jane Doe')
    .replaceAll('+39 02 1234 5678', '+1 415-555-0142');
}

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('a call on a web dialer', () => {
  it('is the same contact as in the CRM, offers the timer, and asks for the outcome when it ends', async () => {
    session = await ExtensionSession.launchWithAllSites();
    // Jane is known from HubSpot, with her email.
    const crmPanel = await session.openPanelFor(await session.openCrmPage(hubspotJane.url));
    await visible(crmPanel.getByRole('heading', { name: 'Jane Doe' }));
    await crmPanel.close();

    const dialer = await session.openCrmPage(inCall.url);
    const panel = await session.openPanelFor(dialer);
    await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');
    // One contact across sites: matched by her number, so the CRM's email is here too.
    await visible(panel.getByRole('link', { name: hubspotJane.expect!.email! }));
    await text(
      panel.getByRole('status').filter({ hasText: 'On a call' }),
      /On a call with Jane Doe/,
    );
    await countLabelled(dialer, 'Start voicemail timer', 1); // in a closed shadow root

    // A side panel is on screen beside the dialer; here the panel's tab stands in for it.
    await panel.bringToFront();
    await navigateInApp(dialer, afterCall.url, janesWrapUp());
    await text(panel.getByRole('status').filter({ hasText: 'ended' }), /Call with Jane Doe ended/);
    // The outcome buttons take focus; nothing is logged until the rep clicks.
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Meeting booked/);
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 0);

    await panel
      .getByRole('group', { name: 'Log outcome' })
      .getByRole('button', { name: 'Connected' })
      .click();
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 1);
    await count(panel.getByRole('status').filter({ hasText: 'ended' }), 0);
  });

  it('asks for the outcome when the dialer closes with the call, with no "ended" screen', async () => {
    // RingCentral's dialer closes when a call ends: in call, then straight back to idle.
    const ringcentral = fixtureCases('ringcentral');
    const onCall = ringcentral.find((c) => c.file === 'active-call.html')!;
    const idle = ringcentral.find((c) => c.file === 'idle.html')!;
    session = await ExtensionSession.launchWithAllSites();
    const dialer = await session.openCrmPage(onCall.url);
    const panel = await session.openPanelFor(dialer);
    await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');
    await visible(panel.getByRole('status').filter({ hasText: 'On a call with Jane Doe' }));

    await panel.bringToFront();
    await navigateInApp(dialer, idle.url, fixtureHtml('ringcentral', idle.file));
    // Still Jane, not "No contact detected", with her outcome buttons in focus.
    await text(panel.getByRole('status').filter({ hasText: 'ended' }), /Call with Jane Doe ended/);
    await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');
    await count(panel.getByRole('heading', { name: 'No contact detected' }), 0);
    await expect
      .poll(() => panel.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Meeting booked/);
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 0);

    await clickOutcome(panel, 'Voicemail');
    await count(panel.getByRole('status').filter({ hasText: 'ended' }), 0);
    await text(panel.getByRole('heading', { level: 1 }), 'Jane Doe');
  });

  it('"Prepare" beside a phone number on a CRM page opens that contact', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(hubspotJane.url);
    const panel = await session.openPanelFor(crm);
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await crm.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'tel:+442075550199';
      link.textContent = 'Priya Shah';
      document.body.prepend(link);
    });
    await crm.bringToFront(); // the rep works in the CRM tab
    await crm.getByRole('link', { name: 'Priya Shah' }).hover();
    await repClicks(crm, 'Prepare a call to Priya Shah'); // in a closed shadow root
    await text(panel.getByRole('heading', { level: 1 }), 'Priya Shah');
    // Formatted for the rep's country (from the machine's zone or language here: national in
    // the UK, international elsewhere); the link dials the number itself.
    const phone = panel.getByRole('link', { name: /^(\+44 20 7555 0199|020 7555 0199)$/ });
    await visible(phone);
    expect(await phone.getAttribute('href')).toBe('tel:+442075550199');
  });
});
