// One clock (issue 16), in the real browser: Chromium runs with TZ=UTC, the rep's zone in
// Settings is Los Angeles, Jane's zone is not known (a US number: several zones) and Marco's
// is typed in as Kolkata. The panel and the queue show each moment the same way, on
// the rep's clock, the prospect's time beside it marked as theirs, and never a time "there"
// for Jane.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { momentLabel } from '../../lib/time/rep-clock';
import { contains, visible, WAIT } from './see';
import { clickOutcome, ExtensionSession, fixtureCases, putRecords, readDatabase } from './harness';

const LOS_ANGELES = 'America/Los_Angeles';
const jane = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const marco = fixtureCases('hubspot').find((c) => c.file === 'contact-record-partial.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openPanelOn(url: string, name: string): Promise<Page> {
  const crm = await session!.openCrmPage(url);
  const panel = await session!.openPanelFor(crm);
  await visible(panel.getByRole('heading', { level: 1, name }));
  await visible(panel.getByRole('group', { name: 'Log outcome' }));
  return panel;
}

async function openTaskOf(panel: Page, name: string): Promise<{ dueAt: number }> {
  const { stores } = await readDatabase(panel);
  const contact = stores.contacts!.find((c) => c.name === name)!;
  const task = stores.tasks!.find((t) => t.contactId === contact.id && t.status === 'open');
  return task as { dueAt: number };
}

describe('one clock', () => {
  it('machine in UTC, rep in Los Angeles: the panel and the queue agree, and an unknown zone gives no time “there”', async () => {
    session = await ExtensionSession.launch(undefined, undefined, { TZ: 'UTC' });
    const settings = await session.openExtensionPage('options.html#settings');
    await visible(settings.getByRole('form', { name: 'Your details' }));
    expect(await settings.evaluate(() => new Date().getTimezoneOffset())).toBe(0);
    await putRecords(settings, 'settings', [
      {
        id: 'rep',
        repName: 'Sam Rivera',
        company: 'Northwind',
        callbackNumber: '+1 312 555 0100',
        timeZone: LOS_ANGELES,
      },
    ]);

    // Jane: her zone is not known.
    const panel = await openPanelOn(jane.url, 'Jane Doe');
    const header = panel.locator('.their-time');
    await contains(panel.locator('.your-zone'), 'Times in your zone (Los Angeles).');
    await contains(header, 'Their time zone is unknown');
    const badge = panel.getByRole('status', { name: 'Good time to call now?' });
    await contains(badge, 'their time zone is not known');
    expect(await badge.textContent()).not.toMatch(/\bthere\b/);
    expect(await panel.locator('body').textContent()).not.toContain('(UTC)');

    await clickOutcome(panel, 'Voicemail');
    const promised = await openTaskOf(panel, 'Jane Doe');
    const now = Date.now();
    const janeTime = momentLabel(promised.dueAt, LOS_ANGELES, now);
    const next = panel.getByRole('region', { name: 'Next follow-up' });
    await contains(next, janeTime);
    expect(await next.textContent()).not.toContain('their time');
    // What the machine's clock would have said.
    expect(await next.textContent()).not.toContain(momentLabel(promised.dueAt, 'UTC', now));

    // Marco: the rep types "kolkata" as his zone (the browser lists only Asia/Calcutta), then
    // logs a call back at 9:00 tomorrow, their time beside it.
    const marcoPanel = await openPanelOn(marco.url, 'Marco Rossi');
    await marcoPanel.getByRole('button', { name: 'Set time zone' }).click();
    await marcoPanel.getByRole('combobox', { name: 'Their time zone' }).fill('kolkata');
    await marcoPanel.getByRole('button', { name: 'Save time zone' }).click();
    await contains(marcoPanel.locator('.their-time'), '(Asia/Kolkata)');
    await marcoPanel.getByRole('button', { name: 'Call back at…' }).click();
    const input = marcoPanel.getByLabel('Call back at');
    const tomorrowInLa = new Date(now + 24 * 3_600_000).toLocaleDateString('en-CA', {
      timeZone: LOS_ANGELES,
    });
    await input.fill(`${tomorrowInLa}T09:00`);
    const hint = marcoPanel.locator('#call-back-zone');
    await contains(hint, '10:30 pm their time (Kolkata)');
    expect(await hint.textContent()).not.toContain('UTC');
    await marcoPanel.getByRole('button', { name: 'Log call back' }).click();
    await expect
      .poll(async () => (await openTaskOf(marcoPanel, 'Marco Rossi'))?.dueAt, WAIT)
      .toBeDefined();
    const callBack = await openTaskOf(marcoPanel, 'Marco Rossi');
    const marcoTime = momentLabel(callBack.dueAt, LOS_ANGELES, now);
    expect(marcoTime).toMatch(/ at 9:00 am$/);
    const marcoNext = marcoPanel.getByRole('region', { name: 'Next follow-up' });
    await contains(marcoNext, `${marcoTime} (10:30 pm their time (Kolkata))`);

    // The queue shows both moments exactly as the panels did, labelled once.
    const queue = await session.openExtensionPage('options.html#queue');
    const list = queue.getByRole('list', { name: 'Follow-up queue' });
    await contains(list.getByRole('listitem').filter({ hasText: 'Jane Doe' }), janeTime);
    await contains(
      list.getByRole('listitem').filter({ hasText: 'Marco Rossi' }),
      `${marcoTime} (10:30 pm their time (Kolkata))`,
    );
    expect(
      await list.getByRole('listitem').filter({ hasText: 'Jane Doe' }).textContent(),
    ).not.toMatch(/their time|\bthere\b/);
    await visible(queue.getByText('Times in your zone (Los Angeles).'));
  });
});
