import { afterEach, describe, expect, it } from 'vitest';
import { count, text, visible } from './see';
import { ExtensionSession, fixtureCases } from './harness';

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
    await panel.getByRole('button', { name: /^Use as reference: Spends 15 hours/ }).click();
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
});
