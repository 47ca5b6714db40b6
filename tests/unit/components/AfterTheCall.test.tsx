// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { Attempt, Contact } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { startVoicemailTimer, stopVoicemailTimer } from '@/lib/messaging/voicemail-timers';
import { diskFullOnNextAdd } from '../db/disk-full';
import { tabState } from '@/lib/messaging/tab-state';

const DAY = 86_400_000;
const contact: Contact = {
  id: 'c1',
  name: 'Maria Lopez',
  emails: [],
  phones: [],
  timeZone: 'America/Chicago',
  identities: [],
  identityKeys: [],
  createdAt: 0,
  updatedAt: 0,
};

async function renderContact(attempts: Attempt[] = []) {
  await database().contacts.put(contact);
  await database().attempts.bulkPut(attempts);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  return screen.findByRole('group', { name: 'Log outcome' });
}

/** A call a week for four weeks, none answered: enough for the coach to suggest a pivot. */
const fourWeeksUnanswered = (now: number) =>
  [28, 21, 14, 7].map((daysAgo, i): Attempt => ({
    id: `a${i}`,
    contactId: contact.id,
    at: now - daysAgo * DAY,
    channel: 'call',
    outcome: 'no-answer',
  }));

const historyItems = () =>
  within(screen.getByRole('list', { name: 'History' })).queryAllByRole('listitem');

afterEach(cleanup);

describe('logging an outcome in the panel', () => {
  it('one click writes the attempt with the voicemail length and schedules the next call', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    const now = Date.now();
    await startVoicemailTimer(4, now - 21_000);
    await stopVoicemailTimer(4, now);
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    expect(await screen.findByText(/Logged Voicemail\. Next follow-up:/)).toBeTruthy();
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    expect(historyItems()[0]!.textContent).toMatch(/Voicemail.*21 s voicemail/);
    const [attempt] = await database().attempts.toArray();
    expect(attempt).toMatchObject({ outcome: 'voicemail', voicemailSeconds: 21, channel: 'call' });
    const [task] = await database().tasks.toArray();
    expect(task).toMatchObject({ status: 'open', attemptId: attempt!.id });
    // The voicemail promised the next try: that is when the task is due. Nobody agreed to it.
    expect(task!.dueAt).toBe(attempt!.promisedAt);
    expect(attempt).not.toHaveProperty('agreedAt');
    const next = screen.getByRole('region', { name: 'Next follow-up' });
    expect(await within(next).findByText(/Call/)).toBeTruthy();
  });

  it('Undo restores exactly the state before', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await database().attempts.count()).toBe(0));
    expect(await database().tasks.count()).toBe(0);
  });

  it('keeps an optional note on the attempt', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Gatekeeper' }));
    await user.type(await screen.findByRole('textbox', { name: 'What was said' }), 'Ask for Dana');
    await user.click(screen.getByRole('button', { name: 'Save call note' }));
    await screen.findByText('Note saved.');
    expect((await database().attempts.toArray())[0]?.note).toBe('Ask for Dana');
  });

  it('logs with number keys 1–7, but not while the rep types', async () => {
    await renderContact();
    fireEvent.keyDown(document.body, { key: '7' });
    await vi.waitFor(async () => expect(await database().attempts.count()).toBe(1));
    expect((await database().attempts.toArray())[0]?.outcome).toBe('wrong-number');
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'New note' }), { key: '1' });
    await new Promise((r) => setTimeout(r, 50));
    expect(await database().attempts.count()).toBe(1);
  });

  it('says why and writes nothing when the disk is full', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    diskFullOnNextAdd('tasks', 'at commit');
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/out of storage space/);
    expect(await database().attempts.count()).toBe(0);
    expect(await database().tasks.count()).toBe(0);
  });

  it('offers to pivot after weeks of no answers, and moves the contact to nurture', async () => {
    const user = userEvent.setup();
    const now = Date.now();
    await renderContact(fourWeeksUnanswered(now));
    const pivot = await screen.findByRole('region', { name: 'Time to pivot' });
    await user.click(within(pivot).getByRole('button', { name: 'Move to nurture' }));
    expect(await screen.findByText(/In long-term nurture/)).toBeTruthy();
    const [task] = (await database().tasks.toArray()).filter((t) => t.status === 'open');
    expect(task).toMatchObject({ channel: 'email', reason: 'Monthly nurture touch' });
    expect(task!.dueAt - now).toBeGreaterThan(27 * DAY);
  });

  it('closes the file: no answer then queues nothing, a conversation reopens it', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact(fourWeeksUnanswered(Date.now()));
    const pivot = await screen.findByRole('region', { name: 'Time to pivot' });
    await user.click(within(pivot).getByRole('button', { name: 'Close file' }));
    expect(await screen.findByText(/File closed: no more follow-ups/)).toBeTruthy();

    await user.click(within(outcomes).getByRole('button', { name: 'No answer' }));
    expect(
      await screen.findByText('Logged No answer. No follow-up: the file is closed.'),
    ).toBeTruthy();
    expect((await database().tasks.toArray()).filter((t) => t.status === 'open')).toEqual([]);

    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    expect(await screen.findByText(/Logged Connected\. Next follow-up:/)).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByText(/File closed/)).toBeNull());
  });

  it('lets the rep move the next follow-up', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    const next = screen.getByRole('region', { name: 'Next follow-up' });
    await user.click(await within(next).findByRole('button', { name: 'Change follow-up' }));
    const input = within(next).getByLabelText('Follow-up time') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2031-03-04T09:15' } });
    await user.selectOptions(
      within(next).getByRole('combobox', { name: 'Follow-up channel' }),
      'email',
    );
    await user.click(within(next).getByRole('button', { name: 'Save follow-up' }));
    await vi.waitFor(async () => {
      const [task] = await database().tasks.toArray();
      expect(task).toMatchObject({
        dueAt: new Date('2031-03-04T09:15').getTime(),
        channel: 'email',
      });
    });
    expect(await within(next).findByText(/Tuesday, March 4, 2031 at 9:15 am/)).toBeTruthy();
  });
});
