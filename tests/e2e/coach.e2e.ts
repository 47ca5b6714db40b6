import { afterEach, describe, expect, it } from 'vitest';
import { count, PATIENCE_MS, text, visible } from './see';
import { ExtensionSession, fixtureCases, readDatabase } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('preparing a follow-up in the side panel', () => {
  it('builds a plan whose checklist turns checked, with a Tue–Thu ask, kept across a reload', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(record.url));
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));

    // A stored note to reference.
    await panel
      .getByRole('textbox', { name: 'New note' })
      .fill('Spends 15 hours a week re-keying orders');
    await panel.getByRole('button', { name: 'Add note' }).click();

    const checklist = panel.getByRole('list', { name: 'Checklist' });
    const item = (name: string) => checklist.getByRole('checkbox', { name });
    expect(await item('Specific reference').isChecked()).toBe(false);

    await panel
      .getByRole('textbox', { name: 'Goal of this call' })
      .fill('Book a 15-minute walk-through');
    await panel.getByRole('button', { name: /^Use as reference: [a-z ]+ Spends 15 hours/ }).click();
    await panel.getByRole('combobox', { name: 'Kind of new value' }).selectOption('case study');
    await panel
      .getByRole('textbox', { name: 'New value' })
      .fill('A distributor cut re-keying from 15 hours to 2 in six weeks');
    const suggested = panel.getByRole('region', { name: 'Suggested ask' });
    await suggested.getByRole('button', { name: 'Use this ask' }).click();

    for (const name of ['Specific reference', 'Something new', 'Direct ask']) {
      await expect.poll(() => item(name).isChecked()).toBe(true);
    }
    const askText = (await suggested.locator('.ask-text').textContent()) ?? '';
    const days = askText.match(/Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/g) ?? [];
    expect(days).toHaveLength(2);
    for (const day of days) expect(['Tuesday', 'Wednesday', 'Thursday']).toContain(day);
    expect(days[0]).not.toBe(days[1]);

    // Each change is written as it is made; the reload comes once the last one is stored (a
    // reload while its write is still on its way would cancel it, as closing a tab would).
    await expect
      .poll(async () => (await readDatabase(panel)).stores.plans?.map((p) => p.ask), {
        timeout: PATIENCE_MS,
      })
      .toEqual([askText]);
    await panel.reload();
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await visible(panel.getByRole('heading', { name: 'Call plan' }));
    expect(await panel.getByRole('textbox', { name: 'Goal of this call' }).inputValue()).toBe(
      'Book a 15-minute walk-through',
    );
    expect(await panel.getByRole('textbox', { name: 'Ask' }).inputValue()).toBe(askText);
    for (const name of ['Specific reference', 'Something new', 'Direct ask']) {
      expect(await item(name).isChecked()).toBe(true);
    }
    await count(panel.getByRole('button', { name: /^Use as reference/, pressed: true }), 1);
  });

  it('stops counting a picked note once the reference is rewritten, and un-picks it', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(record.url));
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await panel.getByRole('textbox', { name: 'New note' }).fill('Board wants it live before Q3');
    await panel.getByRole('button', { name: 'Add note' }).click();
    const reference = panel.getByRole('checkbox', { name: 'Specific reference' });
    const pick = panel.getByRole('button', { name: /^Use as reference: [a-z ]+ Board wants/ });
    await pick.click();
    await expect.poll(() => reference.isChecked()).toBe(true);

    await panel.getByRole('textbox', { name: 'Reference' }).fill('our last conversation');
    await expect.poll(() => reference.isChecked()).toBe(false);
    expect(await pick.getAttribute('aria-pressed')).toBe('false');

    await pick.click();
    await expect.poll(() => reference.isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Un-pick note' }).click();
    await expect.poll(() => reference.isChecked()).toBe(false);
    expect(await panel.getByRole('textbox', { name: 'Reference' }).inputValue()).toBe('');
  });

  it('copies the call script to the clipboard and says so', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(record.url));
    await panel.bringToFront();
    const script = panel.getByRole('region', { name: 'Script' });
    await visible(script);
    const lines = await script.locator('.script-text').allTextContents();
    await script.getByRole('button', { name: 'Copy script' }).click();
    await text(
      script.getByRole('status').filter({ hasText: 'Copied' }),
      'Copied to the clipboard.',
    );
    // Paste it back where the rep would: into a text box.
    const box = panel.getByRole('textbox', { name: 'Reference' });
    await box.focus();
    await panel.keyboard.press('ControlOrMeta+V');
    const copied = await box.inputValue();
    expect(copied).toBe(lines.slice(0, 3).join('\n\n'));
    expect(copied).toMatch(/^Hi Jane, this is /);
  });

  it('builds the script from the rep’s details entered on the dashboard', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(record.url));
    const script = panel.getByRole('region', { name: 'Script' });
    await visible(script);
    expect(await script.textContent()).toContain('[your name]');
    await visible(panel.getByRole('button', { name: 'Add your details' }));

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#settings`);
    await dashboard.getByRole('textbox', { name: 'Your name' }).fill('Sam Reed');
    await dashboard.getByRole('textbox', { name: 'Your company' }).fill('Acme Analytics');
    await dashboard.getByRole('textbox', { name: 'Callback number' }).fill('+1 555 0100');
    await dashboard.getByRole('button', { name: 'Save details' }).click();
    await text(dashboard.getByRole('status'), 'Saved.');
    // Settings also show the space used and nudge for a first backup.
    await visible(dashboard.getByRole('heading', { name: 'Storage' }));
    await visible(dashboard.getByText(/never exported a backup/));

    await expect.poll(() => script.textContent()).toContain('Sam');
    expect(await script.textContent()).toContain('Acme Analytics');
    expect(await script.textContent()).not.toContain('[your name]');
    await count(panel.getByRole('button', { name: 'Add your details' }), 0);
  });

  it('sets the prospect’s time zone in the header; the ask then shows the rep’s clock beside it', async () => {
    session = await ExtensionSession.launch();
    const panel = await session.openPanelFor(await session.openCrmPage(record.url));
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    const suggested = panel.getByRole('region', { name: 'Suggested ask' });
    await visible(suggested);
    // Jane's number is American: no guess, and the coach says whose clock it reads.
    const theirTime = panel.locator('.their-time p');
    await text(
      theirTime,
      'United States — several zones, set it. Their time zone is unknown; times are yours.',
    );
    expect(await suggested.textContent()).toContain('Their time zone is unknown; times are yours.');
    expect(await suggested.textContent()).not.toContain('your time');

    // A zone whose clock reads differently from the rep's (the browser's) right now.
    const theirs = await panel.evaluate(() => {
      const clock = (timeZone: string) =>
        new Date().toLocaleTimeString('en-US', { timeZone, hour: 'numeric', minute: 'numeric' });
      const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
      return ['Asia/Tokyo', 'America/Los_Angeles'].find((zone) => clock(zone) !== clock(mine))!;
    });
    await panel.getByRole('button', { name: 'Set time zone' }).click();
    await panel.getByRole('combobox', { name: 'Their time zone' }).fill(theirs);
    await panel.getByRole('button', { name: 'Save time zone' }).click();

    await text(theirTime, new RegExp(`^Their time: \\d{1,2}:\\d{2} [ap]m \\(${theirs}\\)$`));
    await expect.poll(() => suggested.locator('.rep-time').textContent()).toMatch(/your time/);
    expect(await suggested.textContent()).not.toContain('times are yours');
    const askText = (await suggested.locator('.ask-text').textContent()) ?? '';
    // The prospect hears their own clock; the rep reads theirs in brackets.
    expect(askText).not.toContain('your time');

    await panel.reload();
    await text(panel.locator('.their-time p'), new RegExp(`\\(${theirs}\\)$`));
    await visible(panel.getByRole('button', { name: 'Change time zone' }));
  });
});

describe('the side panel follows the active tab of its window', () => {
  // A side panel has no tab of its own: the active tab of its window is the page beside it.
  // Opened as a tab (no ?tabId), the panel page is itself the active tab while in front, so it
  // shows no contact; when the rep switches the window to the CRM tab, it follows that tab.
  it('shows the contact of whichever tab is in front, and none for a tab without one', async () => {
    session = await ExtensionSession.launch();
    const crm = await session.openCrmPage(record.url);
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    const windows = await session.currentWorker().evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return new Set(tabs.map((t) => t.windowId)).size;
    });
    expect(windows).toBe(1);
    await visible(panel.getByRole('heading', { name: 'No contact detected' }));

    await crm.bringToFront();
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));

    await panel.bringToFront();
    await visible(panel.getByRole('heading', { name: 'No contact detected' }));
  });
});
