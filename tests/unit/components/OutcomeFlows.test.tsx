// @vitest-environment happy-dom
// The outcome bar's flows beyond a plain click: a voicemail's promise, its length, the plan
// kept on the attempt, a booked meeting's time, an email sent, a held key, the call-back zone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { format } from 'date-fns';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { CallPlan, Contact, Note, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { savePlan } from '@/lib/db/plans';
import { startVoicemailTimer } from '@/lib/messaging/voicemail-timers';
import { tabState } from '@/lib/messaging/tab-state';
import { theirTimeBeside } from '@/lib/time/rep-clock';

const DAY = 86_400_000;
const CHICAGO = 'America/Chicago';
const contact: Contact = {
  id: 'c1',
  name: 'Maria Lopez',
  emails: [],
  phones: [],
  timeZone: CHICAGO,
  identities: [],
  identityKeys: [],
  createdAt: 0,
  updatedAt: 0,
};

async function renderContact(setup: { tasks?: Task[]; notes?: Note[] } = {}) {
  await database().contacts.put(contact);
  await database().tasks.bulkPut(setup.tasks ?? []);
  await database().notes.bulkPut(setup.notes ?? []);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  return screen.findByRole('group', { name: 'Log outcome' });
}

const historyItems = () =>
  within(screen.getByRole('list', { name: 'History' })).queryAllByRole('listitem');
const nextFollowUp = () => screen.getByRole('region', { name: 'Next follow-up' });
const attemptCount = () => database().attempts.count();

afterEach(cleanup);

describe('a voicemail promises the next try; the prospect agreed to nothing', () => {
  it('the task is worded as the rep’s promise and the next ask claims no agreement', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    const [attempt] = await database().attempts.toArray();
    expect(attempt?.promisedAt).toBeGreaterThan(attempt!.at);
    expect(attempt).not.toHaveProperty('agreedAt');
    expect(await within(nextFollowUp()).findByText(/When you said you'd try again/)).toBeTruthy();
    expect(nextFollowUp().textContent).not.toMatch(/agreed/i);
    expect(historyItems()[0]!.textContent).toContain("Said you'd try again");
    const ask = screen.getByRole('region', { name: 'Suggested ask' });
    expect(ask.textContent).not.toMatch(/we agreed/i);
  });

  it('a timer left running logs at most 45 s, not the minutes until the click', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await startVoicemailTimer(4, Date.now() - 130_000);
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    expect((await database().attempts.toArray())[0]?.voicemailSeconds).toBe(45);
    expect(historyItems()[0]!.textContent).toContain('45 s voicemail');
  });
});

describe('the plan is kept on the attempt', () => {
  it('reference, new value, ask and whether the plan was complete', async () => {
    const user = userEvent.setup();
    const pain: Note = {
      id: 'n-pain',
      contactId: 'c1',
      kind: 'pain point',
      text: 'Team spends 15 hours/week on manual data entry',
      createdAt: 1,
      updatedAt: 1,
    };
    const plan: CallPlan = {
      contactId: 'c1',
      goal: 'Book a 15-minute walk-through',
      referenceNoteId: 'n-pain',
      reference: 'You mentioned 15 hours a week on manual data entry',
      newValueKind: 'case study',
      newValue: 'A logistics firm cut that from 15 hours to 2 in six weeks',
      ask: 'Does Tuesday at 10:30 work for 15 minutes?',
      opener: 'Hi Maria, this is Sam with Acme.',
      updatedAt: 1,
    };
    await savePlan(plan);
    const outcomes = await renderContact({ notes: [pain] });
    await screen.findByDisplayValue(plan.newValue);
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    expect((await database().attempts.toArray())[0]?.plan).toEqual({
      goal: plan.goal,
      reference: plan.reference,
      newValue: plan.newValue,
      ask: plan.ask,
      complete: true,
    });
    const item = historyItems()[0]!.textContent;
    expect(item).toContain(`Referenced: ${plan.reference}`);
    expect(item).toContain(`Brought: ${plan.newValue}`);
    expect(item).toContain(`Asked: ${plan.ask}`);
  });
});

describe('a booked meeting gets its own task', () => {
  it('one click logs it; the suggested slot is offered and goes into the queue; Undo takes both', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Meeting booked' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    expect(await screen.findByText(/the meeting is the next step/)).toBeTruthy();
    const input = (await screen.findByLabelText('Meeting on')) as HTMLInputElement;
    // Prefilled with the suggested ask's first slot.
    expect(input.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(new Date(input.value).getTime()).toBeGreaterThan(Date.now());
    // On the rep's clock, labelled once at the top: the hint only adds the prospect's time.
    expect(document.getElementById('meeting-zone')?.textContent).toMatch(/^Your time\./);

    const meetingAt = new Date(Date.now() + 6 * DAY);
    meetingAt.setHours(14, 30, 0, 0);
    fireEvent.change(input, { target: { value: format(meetingAt, "yyyy-MM-dd'T'HH:mm") } });
    await user.click(screen.getByRole('button', { name: 'Put meeting in the queue' }));
    expect(await screen.findByText(/Meeting in the queue:/)).toBeTruthy();
    const [attempt] = await database().attempts.toArray();
    const [task] = await database().tasks.toArray();
    expect(task).toMatchObject({
      kind: 'meeting',
      status: 'open',
      channel: 'call',
      dueAt: meetingAt.getTime(),
      attemptId: attempt!.id,
    });
    expect(task!.reason).toMatch(/^Meeting: /);
    await within(nextFollowUp()).findByText(/· Meeting/);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await attemptCount()).toBe(0));
    expect(await database().tasks.count()).toBe(0);
  });
});

describe('follow-up emails in the gone-dark run', () => {
  const emailTask: Task = {
    id: 't-email',
    contactId: 'c1',
    dueAt: Date.now() - 1000,
    channel: 'email',
    status: 'open',
    reason: 'No reply yet: attempt 2 of 4 over two weeks, 2 business days on, by email',
    createdAt: 1,
  };

  it('when the next step is an email the panel says so, and Email sent logs it as an email', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact({ tasks: [emailTask] });
    const emailSent = within(outcomes).getByRole('button', { name: 'Email sent' });
    expect(emailSent.getAttribute('aria-describedby')).toBe('email-due');
    expect(document.getElementById('email-due')?.textContent).toContain('attempt 2 of 4');
    await user.click(emailSent);
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    const [attempt] = await database().attempts.toArray();
    expect(attempt).toMatchObject({ outcome: 'email-sent', channel: 'email' });
    const open = (await database().tasks.toArray()).filter((t) => t.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ channel: 'call', attemptId: attempt!.id });
    expect(historyItems()[0]!.textContent).toMatch(/Email sent.*· email/);
  });

  it('keys 1–7 stay the seven call outcomes', async () => {
    await renderContact({ tasks: [emailTask] });
    fireEvent.keyDown(document.body, { key: '8' });
    await new Promise((r) => setTimeout(r, 100));
    expect(await attemptCount()).toBe(0);
  });
});

describe('keys', () => {
  it('holding a number key logs one outcome, not one per repeat', async () => {
    await renderContact();
    fireEvent.keyDown(document.body, { key: '2' });
    for (let i = 0; i < 5; i += 1) fireEvent.keyDown(document.body, { key: '2', repeat: true });
    await vi.waitFor(async () => expect(await attemptCount()).toBe(1));
    await new Promise((r) => setTimeout(r, 300));
    expect(await attemptCount()).toBe(1);
  });
});

describe('"Call back at…" says the prospect’s time beside the rep’s', () => {
  it('shows the prospect’s time beside the chosen time', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Call back at…' }));
    const input = screen.getByLabelText('Call back at') as HTMLInputElement;
    const hint = document.getElementById(input.getAttribute('aria-describedby')!)!;
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(hint.textContent).toMatch(/^Your time\./);
    const at = new Date(Date.now() + 3 * DAY);
    at.setHours(15, 0, 0, 0);
    fireEvent.change(input, { target: { value: format(at, "yyyy-MM-dd'T'HH:mm") } });
    if (here === CHICAGO) {
      expect(hint.textContent).not.toContain('their time');
    } else {
      expect(hint.textContent).toContain(`That is ${theirTimeBeside(at, CHICAGO, here)}.`);
      expect(hint.textContent).toContain('their time (Chicago)');
    }
  });
});
