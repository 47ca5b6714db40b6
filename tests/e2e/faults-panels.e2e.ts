// Faults: two panels open on the same contact (a side panel and the panel opened as a tab, or
// two windows). Each writes Dexie itself; live queries keep the other one current.
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, visible } from './see';
import {
  ExtensionSession,
  clickOutcome,
  fixtureCases,
  historyOutcomes,
  newProfileDir,
  readDatabase,
  stableCopyOfBuild,
} from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;

let build: string;
beforeAll(async () => {
  build = await stableCopyOfBuild();
}, 150_000);

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function twoPanels(): Promise<[Page, Page]> {
  session = await ExtensionSession.launch(newProfileDir(), build);
  const tabId = await session.tabIdOf(await session.openCrmPage(record.url));
  const one = await session.openPanel(tabId);
  const other = await session.openPanel(tabId);
  for (const panel of [one, other]) {
    await visible(panel.getByRole('heading', { level: 1, name: 'Jane Doe' }));
    await visible(panel.getByRole('group', { name: 'Log outcome' }));
  }
  return [one, other];
}

const historyItems = (panel: Page) =>
  panel.getByRole('list', { name: 'History' }).getByRole('listitem');

/** Both panels show this History (newest first). */
async function bothShow(panels: Page[], outcomes: string[]): Promise<void> {
  for (const panel of panels) {
    await count(historyItems(panel), outcomes.length);
    expect(await historyOutcomes(panel)).toEqual(outcomes);
  }
}

describe('two panels on the same contact', () => {
  it('share notes, logged outcomes and undos', async () => {
    const [one, other] = await twoPanels();

    // The rep works in the panel in front (a tab behind it barely renders, headless).
    await one.bringToFront();
    await one.getByRole('textbox', { name: 'New note' }).fill('Wants a pilot before signing');
    await one.getByRole('button', { name: 'Add note' }).click();
    await visible(
      other.getByRole('list', { name: 'Notes' }).getByText('Wants a pilot before signing'),
    );
    await other.bringToFront();
    await other
      .getByRole('textbox', { name: 'New note' })
      .fill('Renewal with the old vendor 1 May');
    await other.getByRole('button', { name: 'Add note' }).click();
    for (const panel of [one, other]) {
      await count(panel.getByRole('list', { name: 'Notes' }).getByRole('listitem'), 2);
    }

    // Logged in one, shown in both, with the same next follow-up.
    await one.bringToFront();
    await clickOutcome(one, 'Connected');
    await bothShow([one, other], ['Connected']);
    const due = (panel: Page) =>
      panel.getByRole('region', { name: 'Next follow-up' }).locator('time').textContent();
    await visible(other.getByRole('region', { name: 'Next follow-up' }).locator('time'));
    expect(await due(other)).toBe(await due(one));

    // Undone where it was logged: gone in both, and the follow-up with it.
    await one.getByRole('button', { name: 'Undo' }).click();
    await bothShow([one, other], []);
    for (const panel of [one, other]) {
      await visible(
        panel.getByRole('region', { name: 'Next follow-up' }).getByText('No follow-up scheduled.'),
      );
    }

    // The other way round.
    await other.bringToFront();
    await clickOutcome(other, 'Voicemail');
    await bothShow([one, other], ['Voicemail']);
    await one.bringToFront();
    await clickOutcome(one, 'No answer');
    await bothShow([one, other], ['No answer', 'Voicemail']);
    await one.getByRole('button', { name: 'Undo' }).click();
    await bothShow([one, other], ['Voicemail']);

    const db = await readDatabase(other);
    expect(db.stores.attempts!.map((a) => a.outcome)).toEqual(['voicemail']);
    const open = db.stores.tasks!.filter((t) => t.status === 'open');
    expect(open.map((t) => t.attemptId)).toEqual([db.stores.attempts![0]!.id]);
    expect(await due(one)).toBe(await due(other));
  });
});
