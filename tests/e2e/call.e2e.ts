import { afterEach, describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import type { Page } from 'playwright-core';
import { suggestAsk } from '../../lib/coach/suggest-ask';
import { taskAfterOutcome } from '../../lib/coach/cadence';
import { count, text, visible } from './see';
import { ExtensionSession, fixtureCases } from './harness';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What the cadence schedules after a voicemail logged at `now` for a contact with no zone:
 *  the try-again time the voicemail promised (the suggested ask's first slot). */
function expectedVoicemailFollowUp(now: number): string {
  const tryAgainAt = suggestAsk(now, zone, zone).slots[0].at;
  const task = taskAfterOutcome('voicemail', [], now, {}, { repZone: zone, agreedAt: tryAgainAt });
  return format(task!.dueAt, 'EEEE d MMMM yyyy, HH:mm');
}

let session: ExtensionSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function openRecord(): Promise<{ crm: Page; panel: Page }> {
  const crm = await session!.openCrmPage(record.url);
  const panel = await session!.openPanelFor(crm);
  await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
  await visible(panel.getByRole('group', { name: 'Log outcome' }));
  return { crm, panel };
}

describe('during and after the call', () => {
  it('times a voicemail, logs it with one click, undoes, logs again and keeps it through restarts', async () => {
    session = await ExtensionSession.launch();
    const profile = session.profileDir;
    let { panel } = await openRecord();

    await panel.getByRole('button', { name: 'Start voicemail timer' }).click();
    const timer = panel.getByRole('timer');
    await visible(timer);
    await expect.poll(() => timer.textContent()).toMatch(/^0:(2\d|1\d)$/);
    await panel.getByRole('button', { name: 'Stop voicemail timer' }).click();
    await visible(panel.getByRole('button', { name: 'Start voicemail timer' }));

    const before = Date.now();
    await panel
      .getByRole('group', { name: 'Log outcome' })
      .getByRole('button', { name: 'Voicemail' })
      .click();
    const after = Date.now();
    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 1);
    const item = history.getByRole('listitem').first();
    expect(await item.textContent()).toContain('Voicemail');
    expect(await item.textContent()).toContain(format(after, 'EEE d MMM yyyy'));
    expect(await item.textContent()).toMatch(/\d+ s voicemail/);

    const next = panel.getByRole('region', { name: 'Next follow-up' });
    const due = next.locator('time');
    await visible(due);
    expect([expectedVoicemailFollowUp(before), expectedVoicemailFollowUp(after)]).toContain(
      await due.textContent(),
    );

    await panel.getByRole('button', { name: 'Undo' }).click();
    await count(history.getByRole('listitem'), 0);
    await text(next.locator('.empty'), 'No follow-up scheduled.');

    await panel
      .getByRole('group', { name: 'Log outcome' })
      .getByRole('button', { name: 'Voicemail' })
      .click();
    await count(history.getByRole('listitem'), 1);
    await visible(due);
    const dueText = await due.textContent();

    await panel.reload();
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 1);
    await text(panel.getByRole('region', { name: 'Next follow-up' }).locator('time'), dueText!);

    await session.close();
    session = await ExtensionSession.launch(profile);
    ({ panel } = await openRecord());
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 1);
    await text(panel.getByRole('region', { name: 'Next follow-up' }).locator('time'), dueText!);

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#queue`);
    const queue = dashboard.getByRole('list', { name: 'Follow-up queue' });
    await count(queue.getByRole('listitem'), 1);
    const entry = queue.getByRole('listitem').first();
    expect(await entry.textContent()).toContain('Jane Doe');
    expect(await entry.getByRole('link', { name: 'Open record' }).getAttribute('href')).toBe(
      record.url,
    );
  });

  it('starts the timer from Alt+Shift+V on the CRM page and from the page overlay', async () => {
    session = await ExtensionSession.launch();
    const { crm, panel } = await openRecord();
    await crm.bringToFront();
    await crm.keyboard.press('Alt+Shift+V');
    await visible(panel.getByRole('timer'));
    await panel.getByRole('button', { name: 'Stop voicemail timer' }).click();

    // The overlay lives in a shadow root on the page; its countdown follows the same timer.
    const overlayStart = crm.getByRole('button', { name: 'Start voicemail timer' });
    await visible(overlayStart);
    await overlayStart.click();
    await visible(panel.getByRole('button', { name: 'Stop voicemail timer' }));
    await visible(crm.getByRole('timer'));
    await crm.getByRole('button', { name: 'Stop voicemail timer' }).click();
    await visible(panel.getByRole('button', { name: 'Start voicemail timer' }));

    await crm.getByRole('button', { name: 'Hide Second Call overlay' }).click();
    await count(crm.getByRole('button', { name: 'Start voicemail timer' }), 0);
    await crm.reload();
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await crm.waitForTimeout(500);
    await count(crm.locator('second-call-overlay'), 0);
  });

  it('logs an outcome with a number key, and the queue snoozes and completes it', async () => {
    session = await ExtensionSession.launch();
    const { panel } = await openRecord();
    await panel.locator('body').click({ position: { x: 2, y: 2 } });
    await panel.keyboard.press('2');
    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 1);
    expect(await history.getByRole('listitem').first().textContent()).toContain('Connected');
    // Typing a digit into a field is typing, not logging.
    await panel.getByRole('textbox', { name: 'New note' }).fill('');
    await panel.getByRole('textbox', { name: 'New note' }).press('3');
    await panel.waitForTimeout(300);
    await count(history.getByRole('listitem'), 1);

    const dashboard = await session.context.newPage();
    await dashboard.goto(`chrome-extension://${session.extensionId}/options.html#queue`);
    const queue = dashboard.getByRole('list', { name: 'Follow-up queue' });
    await count(queue.getByRole('listitem'), 1);
    const dueBefore = await queue.locator('time').first().textContent();
    await queue.getByRole('button', { name: 'Snooze' }).click();
    await expect.poll(() => queue.locator('time').first().textContent()).not.toBe(dueBefore);
    await queue.getByRole('button', { name: 'Done' }).click();
    await count(queue.getByRole('listitem'), 0);
    await visible(dashboard.getByText(/Nothing to follow up/));
    await text(
      panel.getByRole('region', { name: 'Next follow-up' }).locator('.empty'),
      'No follow-up scheduled.',
    );
  });

  it('logs "Call back at…" for the time the prospect asked, and "Sent info" as an email', async () => {
    session = await ExtensionSession.launch();
    const { panel } = await openRecord();
    const outcomes = panel.getByRole('group', { name: 'Log outcome' });
    await outcomes.getByRole('button', { name: 'Call back at…' }).click();
    // "Call me in a month": a date a month out, at 10:30 on the rep's clock.
    const inAMonth = new Date(Date.now() + 30 * 86_400_000);
    inAMonth.setHours(10, 30, 0, 0);
    await panel.getByLabel('Call back at').fill(format(inAMonth, "yyyy-MM-dd'T'HH:mm"));
    await panel.getByRole('button', { name: 'Log call back' }).click();
    const next = panel.getByRole('region', { name: 'Next follow-up' });
    await text(next.locator('time'), format(inAMonth, 'EEEE d MMMM yyyy, HH:mm'));
    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 1);
    expect(await history.getByRole('listitem').first().textContent()).toContain('Call back');

    await outcomes.getByRole('button', { name: 'Sent info' }).click();
    await count(history.getByRole('listitem'), 2);
    expect(await history.getByRole('listitem').first().textContent()).toMatch(/Sent info.*· email/);
  });
});
