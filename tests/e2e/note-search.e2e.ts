import { afterEach, describe, expect, it } from 'vitest';
import { count, text, visible } from './see';
import { ExtensionSession, fixtureCases } from './harness';

const hubspot = fixtureCases('hubspot');
const jane = hubspot.find((c) => c.file === 'contact-record.html')!;
const list = hubspot.find((c) => c.file === 'contacts-list.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('finding a contact by what they said', () => {
  it('opens the contact whose note holds the typed words, from a page with no record', async () => {
    session = await ExtensionSession.launch();
    const record = await session.openPanelFor(await session.openCrmPage(jane.url));
    await visible(record.getByRole('heading', { name: 'Jane Doe' }));
    await record.getByRole('combobox', { name: 'Note kind' }).selectOption('deadline');
    await record
      .getByRole('textbox', { name: 'New note' })
      .fill('Mentioned the Q3 board review decides the budget');
    await record.getByRole('button', { name: 'Add note' }).click();
    await visible(record.getByRole('list', { name: 'Notes' }).getByText(/Q3 board review/));

    const panel = await session.openPanelFor(await session.openCrmPage(list.url));
    await visible(panel.getByRole('heading', { name: 'No contact detected' }));
    const search = panel.getByRole('searchbox', { name: 'Search contacts' });
    await search.fill('board rev');
    // Her name, company and email say nothing of a board: only the note finds her.
    await count(panel.getByRole('list', { name: 'Stored contacts' }).getByRole('button'), 0);
    const matches = panel.getByRole('list', { name: 'Notes that match', exact: true });
    const result = matches.getByRole('button', { name: /^Jane Doe · Northwind Traders deadline/ });
    await visible(result);
    expect(await result.locator('mark').allTextContents()).toEqual(['board', 'review']);

    await search.fill('board zeppelin');
    await text(panel.getByRole('status'), 'No note mentions “board zeppelin”.');
    await count(matches.getByRole('button'), 0);

    await search.fill('q3 board');
    await result.focus();
    await result.press('Enter');
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
  });
});
