// Undo the rep can reach, and a History that can be put right later (issue 16, part 3): a
// number key logs, U takes it back; Undo is still there a minute on; an older entry corrected
// and the latest deleted, Insights and the queue follow.
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { count, text, visible } from './see';
import { ExtensionSession, fixtureCases, historyOutcomes, readDatabase } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openRecord(): Promise<Page> {
  const crm = await session!.openCrmPage(record.url);
  const panel = await session!.openPanelFor(crm);
  await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
  await visible(panel.getByRole('group', { name: 'Log outcome' }));
  return panel;
}

const historyItems = (panel: Page) =>
  panel.getByRole('list', { name: 'History' }).getByRole('listitem');
const outcomeStatus = (panel: Page) => panel.locator('.outcome-status');

/** Presses a key with the keyboard on the panel's page itself, as after a click on its
 *  background. */
async function pressOnPanel(panel: Page, key: string): Promise<void> {
  await panel.locator('body').click({ position: { x: 2, y: 2 } });
  await panel.keyboard.press(key);
}

/** A table cell by its row header and its column header. */
async function cell(table: Locator, row: string, column: string): Promise<Locator> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.indexOf(column);
  expect(index, `column "${column}" in ${headers.join(', ')}`).toBeGreaterThan(0);
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) })
    .locator('th, td')
    .nth(index);
}

describe('Undo and History', () => {
  it('a number key logs, the keyboard lands on Undo, U takes it back', async () => {
    session = await ExtensionSession.launch();
    const panel = await openRecord();
    await pressOnPanel(panel, '4'); // No answer
    await text(outcomeStatus(panel), /^Logged No answer\. .*Press U to undo\.$/);
    await count(historyItems(panel), 1);
    const undo = panel.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((b) => b === document.activeElement)).toBe(true);

    await panel.keyboard.press('u');
    await count(historyItems(panel), 0);
    await text(outcomeStatus(panel), 'Undone.');
    await count(undo, 0);
  });

  it('Undo is still there a minute later, and Ctrl+Z takes it back then', async () => {
    session = await ExtensionSession.launch();
    const panel = await openRecord();
    // The panel's clock is the test's from here: a minute passes at once.
    await panel.clock.install();
    await panel.reload();
    await visible(panel.getByRole('group', { name: 'Log outcome' }));
    await pressOnPanel(panel, '3'); // Voicemail
    await count(historyItems(panel), 1);
    await visible(panel.getByRole('button', { name: 'Undo' }));
    await panel.clock.fastForward('01:00');
    await visible(panel.getByRole('button', { name: 'Undo' }));
    await pressOnPanel(panel, 'Control+z');
    await count(historyItems(panel), 0);
    await text(outcomeStatus(panel), 'Undone.');
  });

  it('an older entry corrected and the latest deleted: Insights and the queue follow', async () => {
    session = await ExtensionSession.launch();
    const panel = await openRecord();
    await pressOnPanel(panel, '4'); // No answer
    await count(historyItems(panel), 1);
    await pressOnPanel(panel, '3'); // Voicemail
    await count(historyItems(panel), 2);

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#insights`);
    const funnel = dashboard.getByRole('table', { name: 'Funnel' });
    await visible(funnel);
    await text(await cell(funnel, 'Dials', 'Count'), '2');
    await text(await cell(funnel, 'Connects', 'Count'), '0');

    // The No answer was a conversation after all.
    const older = historyItems(panel).nth(1);
    await older.getByRole('button', { name: /^Details/ }).click();
    await older.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Connected' });
    await older.getByRole('button', { name: 'Save outcome' }).click();
    await text(panel.locator('.history-status'), /^Corrected .+ to Connected\.$/);
    expect(await historyOutcomes(panel)).toEqual(['Voicemail', 'Connected']);
    await dashboard.bringToFront();
    await text(await cell(funnel, 'Connects', 'Count'), '1');

    // The voicemail never happened: it goes, and the follow-up before it comes back.
    await panel.bringToFront();
    const latest = historyItems(panel).first();
    await latest.getByRole('button', { name: /^Details/ }).click();
    await latest.getByRole('button', { name: 'Delete…' }).click();
    await latest
      .getByRole('group', { name: 'Delete this attempt?' })
      .getByRole('button', { name: 'Delete attempt' })
      .click();
    await count(historyItems(panel), 1);
    expect(await historyOutcomes(panel)).toEqual(['Connected']);
    await dashboard.bringToFront();
    await text(await cell(funnel, 'Dials', 'Count'), '1');
    await text(await cell(funnel, 'Connects', 'Count'), '1');

    const { stores } = await readDatabase(panel);
    const open = (stores.tasks ?? []).filter((t) => t.status === 'open');
    expect(open.map((t) => t.attemptId)).toEqual([stores.attempts![0]!.id]);
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#queue`);
    const queue = dashboard.getByRole('list', { name: 'Follow-up queue' });
    await count(queue.getByRole('listitem'), 1);
  });
});
