import { afterEach, describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import type { Page } from 'playwright-core';
import { suggestAsk } from '../../lib/coach/suggest-ask';
import { taskAfterOutcome } from '../../lib/coach/cadence';
import { tryAgainSlot } from '../../lib/coach/try-again';
import { momentLabel, theirTimeBeside } from '../../lib/time/rep-clock';
import { contains, count, text, value, visible } from './see';
import { ExtensionSession, fixtureCases, putRecords, readDatabase } from './harness';
import { countLabelled, countShown, repClicks } from './closed-shadow';

const record = fixtureCases('hubspot').find((c) => c.file === 'contact-record.html')!;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** What the cadence schedules after a voicemail logged at `now` for a contact with no zone:
 *  the try-again time the voicemail promised (the suggested ask's first slot). */
function expectedVoicemailFollowUp(now: number): string {
  // The panel promises the voicemail's try-again slot, as the coach chooses it.
  const promisedAt = tryAgainSlot({
    now,
    attempts: [],
    contact: {},
    prospectZone: zone,
    repZone: zone,
  }).at;
  const task = taskAfterOutcome('voicemail', [], now, {}, { repZone: zone, promisedAt });
  return momentLabel(task!.dueAt, zone, now);
}

const DAY_MS = 86_400_000;
const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** Jane Doe as the panel stored her when it opened her HubSpot record. */
async function storedJane(panel: Page): Promise<Record<string, unknown>> {
  await expect
    .poll(async () => (await readDatabase(panel)).stores.contacts?.length ?? 0)
    .toBeGreaterThan(0);
  const { stores } = await readDatabase(panel);
  return stores.contacts!.find((c) => c.name === 'Jane Doe')!;
}

/** A call a week for four weeks, none answered: the coach then suggests a pivot. */
async function seedFourWeeksUnanswered(panel: Page, contactId: unknown): Promise<void> {
  const now = Date.now();
  await putRecords(
    panel,
    'attempts',
    [28, 21, 14, 7].map((daysAgo, i) => ({
      id: `seed-${i}`,
      contactId,
      at: now - daysAgo * DAY_MS,
      channel: 'call',
      outcome: 'no-answer',
    })),
  );
}

async function openQueue(): Promise<{ dashboard: Page; queue: ReturnType<Page['getByRole']> }> {
  const dashboard = await session!.context.newPage();
  await dashboard.goto(`chrome-extension://${session!.extensionId}/options.html#queue`);
  return { dashboard, queue: dashboard.getByRole('list', { name: 'Follow-up queue' }) };
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
    expect(await item.textContent()).toContain(momentLabel(after, zone).split(' at ')[0]!);
    expect(await item.textContent()).toMatch(/\d+ s voicemail/);

    const next = panel.getByRole('region', { name: 'Next follow-up' });
    const due = next.locator('time');
    await visible(due);
    expect([expectedVoicemailFollowUp(before), expectedVoicemailFollowUp(after)]).toContain(
      await due.textContent(),
    );
    // The voicemail was the rep's promise: nothing claims the prospect agreed to a time.
    await contains(next, "When you said you'd try again");
    expect(await next.textContent()).not.toMatch(/agreed/i);
    expect(await panel.getByRole('region', { name: 'Suggested ask' }).textContent()).not.toMatch(
      /we agreed/i,
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

    // The overlay lives in a closed shadow root on the page (out of the page's and of
    // Playwright's reach: closed-shadow.ts finds it as the browser does, and clicks it with
    // the real mouse); its countdown follows the same timer.
    await repClicks(crm, 'Start voicemail timer');
    await visible(panel.getByRole('button', { name: 'Stop voicemail timer' }));
    await countShown(crm, 'role', 'timer', 1);
    await repClicks(crm, 'Stop voicemail timer');
    await visible(panel.getByRole('button', { name: 'Start voicemail timer' }));

    await repClicks(crm, 'Hide Second Call overlay');
    await countLabelled(crm, 'Start voicemail timer', 0);
    await crm.reload();
    await visible(panel.getByRole('heading', { name: 'Jane Doe' }));
    await crm.waitForTimeout(500);
    await count(crm.locator('second-call-overlay'), 0);
  });

  it('logs an outcome with a number key (held, still once); the queue snoozes, asks how a call went, logs an email', async () => {
    session = await ExtensionSession.launch();
    const { panel } = await openRecord();
    await panel.locator('body').click({ position: { x: 2, y: 2 } });
    // Held down: the second and third keydown are repeats.
    await panel.keyboard.down('2');
    await panel.keyboard.down('2');
    await panel.keyboard.down('2');
    await panel.keyboard.up('2');
    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 1);
    await panel.waitForTimeout(500);
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
    // Done on a call asks what happened; nothing is logged until the rep says.
    await queue.getByRole('button', { name: 'Done' }).click();
    const how = queue.getByRole('group', { name: 'How did the call with Jane Doe go?' });
    await visible(how);
    await count(history.getByRole('listitem'), 1);
    await how.getByRole('button', { name: 'No answer' }).click();
    // After a call nobody answered, the gone-dark run mixes in an email.
    await contains(queue.getByRole('listitem').first(), '· Email ·');
    await count(history.getByRole('listitem'), 2);
    const next = panel.getByRole('region', { name: 'Next follow-up' });
    await contains(next, 'Email');
    // The panel offers the email first.
    await contains(panel.locator('#email-due'), 'The next follow-up is an email');

    // Done on the email logs it as sent and schedules the next step: a call.
    await queue.getByRole('button', { name: 'Done' }).click();
    await contains(queue.getByRole('listitem').first(), 'attempt 3 of 4');
    await contains(queue.getByRole('listitem').first(), '· Call ·');
    await count(history.getByRole('listitem'), 3);
    expect(await history.getByRole('listitem').first().textContent()).toMatch(
      /Email sent.*· email/,
    );

    // A call the rep decides not to make: skipped on purpose, nothing logged.
    await queue.getByRole('button', { name: 'Done' }).click();
    await queue.getByRole('button', { name: 'Skip this call' }).click();
    await count(queue.getByRole('listitem'), 0);
    await visible(dashboard.getByText(/Nothing to follow up/));
    await text(next.locator('.empty'), 'No follow-up scheduled.');
    await count(history.getByRole('listitem'), 3);
  });

  it('logs "Call back at…" on a clock it names, beside the prospect’s; a month out shows as Later; "Sent info" and "Email sent" are emails', async () => {
    session = await ExtensionSession.launch();
    const { panel } = await openRecord();
    // Jane is in another zone than the rep (as her CRM record or the rep would set it).
    const theirZone = zone === 'Asia/Tokyo' ? 'Europe/Berlin' : 'Asia/Tokyo';
    await putRecords(panel, 'contacts', [{ ...(await storedJane(panel)), timeZone: theirZone }]);
    await panel.reload();
    await visible(panel.getByRole('group', { name: 'Log outcome' }));

    const outcomes = panel.getByRole('group', { name: 'Log outcome' });
    await outcomes.getByRole('button', { name: 'Call back at…' }).click();
    // "Call me in a month": a date 40 days out, at 10:30 on the rep's clock.
    const inAMonth = new Date(Date.now() + 40 * DAY_MS);
    inAMonth.setHours(10, 30, 0, 0);
    await panel.getByLabel('Call back at').fill(format(inAMonth, INPUT_FORMAT));
    const hint = panel.locator('#call-back-zone');
    // The rep's zone is labelled once, at the top; the hint gives theirs.
    await contains(hint, 'Your time.');
    await contains(hint, `That is ${theirTimeBeside(inAMonth.getTime(), theirZone, zone)}.`);
    await panel.getByRole('button', { name: 'Log call back' }).click();
    const next = panel.getByRole('region', { name: 'Next follow-up' });
    await text(next.locator('time'), momentLabel(inAMonth, zone, Date.now()));
    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 1);
    expect(await history.getByRole('listitem').first().textContent()).toContain('Call back');

    // More than 30 days out, and still in the queue.
    const { queue } = await openQueue();
    await count(queue.getByRole('listitem'), 1);
    await contains(queue.getByRole('listitem').first(), 'Later');

    await outcomes.getByRole('button', { name: 'Sent info' }).click();
    await count(history.getByRole('listitem'), 2);
    expect(await history.getByRole('listitem').first().textContent()).toMatch(/Sent info.*· email/);
    await outcomes.getByRole('button', { name: 'Email sent' }).click();
    await count(history.getByRole('listitem'), 3);
    expect(await history.getByRole('listitem').first().textContent()).toMatch(
      /Email sent.*· email/,
    );
  });

  it('books a meeting with one click, then puts its time in the queue; Undo takes both', async () => {
    session = await ExtensionSession.launch();
    const { panel } = await openRecord();
    const outcomes = panel.getByRole('group', { name: 'Log outcome' });
    const history = panel.getByRole('list', { name: 'History' });
    const next = panel.getByRole('region', { name: 'Next follow-up' });
    const suggested = suggestAsk(Date.now(), zone, zone).slots[0].at;

    await outcomes.getByRole('button', { name: 'Meeting booked' }).click();
    await count(history.getByRole('listitem'), 1);
    const meetingOn = panel.getByLabel('Meeting on');
    // Offered at the suggested ask's first slot.
    await value(meetingOn, format(suggested, INPUT_FORMAT));
    await panel.getByRole('button', { name: 'Put meeting in the queue' }).click();
    await contains(next, 'Meeting');
    await text(next.locator('time'), momentLabel(suggested, zone, Date.now()));
    await panel.getByRole('button', { name: 'Undo' }).click();
    await count(history.getByRole('listitem'), 0);
    await text(next.locator('.empty'), 'No follow-up scheduled.');

    await outcomes.getByRole('button', { name: 'Meeting booked' }).click();
    await count(history.getByRole('listitem'), 1);
    const meetingAt = new Date(Date.now() + 6 * DAY_MS);
    meetingAt.setHours(14, 0, 0, 0);
    await meetingOn.fill(format(meetingAt, INPUT_FORMAT));
    await panel.getByRole('button', { name: 'Put meeting in the queue' }).click();
    await text(next.locator('time'), momentLabel(meetingAt, zone, Date.now()));

    const { queue } = await openQueue();
    await count(queue.getByRole('listitem'), 1);
    const entry = queue.getByRole('listitem').first();
    await contains(entry, '· Meeting · Meeting:');
    // A meeting is done when it took place: it leaves the queue, nothing is logged.
    await entry.getByRole('button', { name: 'Done' }).click();
    await count(queue.getByRole('listitem'), 0);
    await count(history.getByRole('listitem'), 1);
  });

  it('a timer left running logs at most 45 s; weeks of no answers go to nurture, whose monthly touches keep coming', async () => {
    session = await ExtensionSession.launch();
    const { crm, panel } = await openRecord();
    const tabId = await session.tabIdOf(crm);
    // Started two minutes ago and never stopped.
    await panel.evaluate(
      ({ key, startedAt }) => chrome.storage.session.set({ [key]: { startedAt } }),
      { key: `voicemail:${tabId}`, startedAt: Date.now() - 130_000 },
    );
    await visible(panel.getByRole('timer'));
    await panel
      .getByRole('group', { name: 'Log outcome' })
      .getByRole('button', { name: 'Voicemail' })
      .click();
    const history = panel.getByRole('list', { name: 'History' });
    await count(history.getByRole('listitem'), 1);
    await contains(history.getByRole('listitem').first(), '45 s voicemail');

    // Four weeks of unanswered calls before today's voicemail.
    const jane = await storedJane(panel);
    await seedFourWeeksUnanswered(panel, jane.id);
    await panel.reload();
    const pivot = panel.getByRole('region', { name: 'Time to pivot' });
    await visible(pivot);
    await pivot.getByRole('button', { name: 'Move to nurture' }).click();
    await visible(panel.getByText(/In long-term nurture/));

    const { dashboard, queue } = await openQueue();
    await count(queue.getByRole('listitem'), 1);
    await contains(queue.getByRole('listitem').first(), 'Monthly nurture touch');
    // What Done does is said once, above the queue.
    await contains(dashboard.locator('#queue-done-hint'), 'on an email, logs it as sent');
    const firstTouch = (await readDatabase(panel)).stores.tasks!.find((t) => t.status === 'open');

    // The touch sent: logged as an email, and the next monthly touch is in the queue.
    await queue.getByRole('button', { name: 'Done' }).click();
    await count(panel.getByRole('list', { name: 'History' }).getByRole('listitem'), 6);
    await contains(
      panel.getByRole('list', { name: 'History' }).getByRole('listitem').first(),
      'Email sent',
    );
    await count(queue.getByRole('listitem'), 1);
    await contains(queue.getByRole('listitem').first(), 'Monthly nurture touch');
    const { stores } = await readDatabase(panel);
    const open = stores.tasks!.filter((t) => t.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(firstTouch!.id);
    expect(stores.contacts!.find((c) => c.id === jane.id)!.status).toBe('nurture');
    await visible(panel.getByText(/In long-term nurture/));
  });

  it('a closed file queues nothing after an unanswered call; a conversation reopens it', async () => {
    session = await ExtensionSession.launch();
    const { panel } = await openRecord();
    const jane = await storedJane(panel);
    await seedFourWeeksUnanswered(panel, jane.id);
    await panel.reload();
    await panel
      .getByRole('region', { name: 'Time to pivot' })
      .getByRole('button', { name: 'Close file' })
      .click();
    await visible(panel.getByText(/File closed: no more follow-ups/));

    const outcomes = panel.getByRole('group', { name: 'Log outcome' });
    await outcomes.getByRole('button', { name: 'No answer' }).click();
    await visible(panel.getByText('Logged No answer. No follow-up: the file is closed.'));
    const { dashboard, queue } = await openQueue();
    await visible(dashboard.getByText(/^Nothing to follow up\./));
    await count(queue.getByRole('listitem'), 0);

    await outcomes.getByRole('button', { name: 'Connected' }).click();
    await visible(panel.getByText(/Logged Connected\. Next follow-up:/));
    await count(queue.getByRole('listitem'), 1);
    const { stores } = await readDatabase(panel);
    expect(stores.contacts!.find((c) => c.id === jane.id)!.status).toBe('active');
  });
});
