// @vitest-environment happy-dom
// One clock (issue 16): the machine runs in UTC, the rep works in Los Angeles (Settings), one
// prospect is in Kolkata and one has no known zone. Every time the panel and the queue show is
// the rep's, in one format, with the prospect's beside it marked as theirs.
import { KOLKATA, REP_ZONE, repSettingsIn } from '../machine-in-utc';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '@/components/SidePanelApp';
import { FollowUpQueue } from '@/components/FollowUpQueue';
import type { Contact, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

// Monday 2026-12-07 20:00 UTC: noon in Los Angeles, 1:30 am Tuesday in Kolkata.
const NOW = Date.UTC(2026, 11, 7, 20, 0);

const person = (id: string, name: string, extra: Partial<Contact>): Contact => ({
  id,
  name,
  emails: [],
  phones: [],
  identities: [],
  identityKeys: [],
  createdAt: 0,
  updatedAt: 0,
  ...extra,
});
const priya = person('c-priya', 'Priya Nair', { timeZone: KOLKATA });
// A US number: several zones, so their zone is not known.
const dan = person('c-dan', 'Dan Webb', { phones: ['+14155550142'] });

async function openPanel(contact: Contact) {
  await database().settings.put(repSettingsIn(REP_ZONE));
  await database().contacts.put(contact);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  return screen.findByRole('group', { name: 'Log outcome' });
}

const nextFollowUp = () => screen.getByRole('region', { name: 'Next follow-up' });
const voicemailScript = () =>
  document.querySelector('.voicemail')?.textContent ?? 'no voicemail section';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('runs with the machine in UTC', () => {
  expect(new Date(NOW).getHours()).toBe(20);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('UTC');
});

describe('the panel, prospect zone unknown', () => {
  it('the voicemail script and Next follow-up give the same moment the same way, on the rep’s clock', async () => {
    const user = userEvent.setup();
    const outcomes = await openPanel(dan);
    const promise = /I'll call you again ([^.]+)\./.exec(voicemailScript())?.[1];
    expect(promise).toBe('Wednesday at 10:00');
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await vi.waitFor(() => expect(nextFollowUp().textContent).toContain('Wednesday'));
    expect(nextFollowUp().textContent).toContain('Wednesday, December 9 at 10:00 am');
    expect(nextFollowUp().textContent).not.toMatch(/18:00|6:00 pm/);
    // The promise is worded on the rep's clock: nobody knows theirs.
    expect(nextFollowUp().textContent).toContain(
      "When you said you'd try again: Wednesday 10:00 am your time",
    );
    expect(nextFollowUp().textContent).not.toContain('their time');
  });

  it('never gives a time “there”, and says their zone is not known', async () => {
    await openPanel(dan);
    const badge = await screen.findByRole('status', { name: 'Good time to call now?' });
    expect(badge.textContent).not.toMatch(/\bthere\b/);
    expect(badge.textContent).toContain('Monday 12:00 pm your time');
    expect(badge.textContent).toContain('their time zone is not known');
    expect(document.querySelector('.their-time')?.textContent).not.toMatch(/\bthere\b/);
  });

  it('labels the rep’s zone once, by its name, never as the machine’s', async () => {
    await openPanel(dan);
    await screen.findByText('Times in your zone (Los Angeles).');
    expect(screen.getAllByText(/Times in your zone/)).toHaveLength(1);
    expect(document.body.textContent).not.toMatch(/\(UTC\)/);
  });
});

describe('a note’s day', () => {
  it('is the day on the rep’s calendar', async () => {
    // 05:00 UTC on December 8 is still December 7 in Los Angeles.
    await database().notes.put({
      id: 'n1',
      contactId: dan.id,
      kind: 'pain point',
      text: 'Re-keys orders by hand',
      createdAt: Date.UTC(2026, 11, 8, 5, 0),
      updatedAt: 1,
    });
    await openPanel(dan);
    const notes = await screen.findByRole('list', { name: 'Notes' });
    await vi.waitFor(() => expect(notes.textContent).toContain('Dec 7, 2026'));
  });
});

describe('the panel, prospect in Kolkata', () => {
  it('shows their clock as theirs and every other time as the rep’s', async () => {
    await openPanel(priya);
    await vi.waitFor(() =>
      expect(document.querySelector('.their-time')?.textContent).toContain(
        'Their time: 1:30 am (Asia/Kolkata)',
      ),
    );
    expect(document.querySelector('.your-zone')?.textContent).toBe(
      'Times in your zone (Los Angeles).',
    );
  });

  it('the voicemail script speaks their clock, and the panel gives that moment on the rep’s, as Next follow-up does', async () => {
    const user = userEvent.setup();
    const outcomes = await openPanel(priya);
    const promise = /I'll call you again ([^.]+)\./.exec(voicemailScript())?.[1];
    expect(promise).toBe('Thursday at 10:00');
    const yours = document.querySelector('.try-again-yours')?.textContent;
    expect(yours).toBe(
      '“Thursday at 10:00” is their time: Wednesday, December 9 at 8:30 pm for you.',
    );
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await vi.waitFor(() =>
      expect(nextFollowUp().textContent).toContain(
        'Wednesday, December 9 at 8:30 pm (Thursday 10:00 am their time (Kolkata))',
      ),
    );
  });

  it('"Call back at" reads on the rep’s clock and gives their time beside it', async () => {
    const user = userEvent.setup();
    const outcomes = await openPanel(priya);
    await user.click(within(outcomes).getByRole('button', { name: 'Call back at…' }));
    const input = screen.getByLabelText('Call back at') as HTMLInputElement;
    const hint = document.getElementById(input.getAttribute('aria-describedby')!)!;
    fireEvent.change(input, { target: { value: '2026-12-08T09:00' } });
    expect(hint.textContent).toBe('Your time. That is 10:30 pm their time (Kolkata).');
    expect(hint.textContent).not.toContain('UTC');
    await user.click(screen.getByRole('button', { name: 'Log call back' }));
    await vi.waitFor(async () => {
      const [task] = await database().tasks.toArray();
      // 9:00 am in Los Angeles is 17:00 UTC.
      expect(task?.dueAt).toBe(Date.UTC(2026, 11, 8, 17, 0));
    });
    await vi.waitFor(() =>
      expect(nextFollowUp().textContent).toContain(
        'Tuesday, December 8 at 9:00 am (10:30 pm their time (Kolkata))',
      ),
    );
  });
});

describe('the queue', () => {
  const task = (id: string, contactId: string, dueAt: number): Task => ({
    id,
    contactId,
    dueAt,
    channel: 'call',
    status: 'open',
    reason: 'as agreed',
    createdAt: 1,
  });

  it('sorts Today from Upcoming by the rep’s day and shows each time on the rep’s clock', async () => {
    await database().settings.put(repSettingsIn(REP_ZONE));
    await database().contacts.bulkPut([priya, dan]);
    // 05:06 and 08:06 UTC on December 8: 9:06 pm today and 12:06 am tomorrow in Los Angeles.
    await database().tasks.bulkPut([
      task('t-today', dan.id, Date.UTC(2026, 11, 8, 5, 6)),
      task('t-tomorrow', priya.id, Date.UTC(2026, 11, 8, 8, 6)),
    ]);
    render(<FollowUpQueue />);
    const list = await screen.findByRole('list', { name: 'Follow-up queue' });
    await vi.waitFor(() => expect(within(list).queryAllByRole('listitem')).toHaveLength(2));
    const [today, upcoming] = within(list).getAllByRole('listitem');
    expect(today?.textContent).toContain('Today');
    expect(today?.textContent).toContain('Monday, December 7 at 9:06 pm');
    // Their zone is not known: no time of theirs.
    expect(today?.textContent).not.toContain('their time');
    expect(upcoming?.textContent).toContain('Upcoming');
    expect(upcoming?.textContent).toContain(
      'Tuesday, December 8 at 12:06 am (1:36 pm their time (Kolkata))',
    );
    expect(screen.getByText('Times in your zone (Los Angeles).')).toBeTruthy();
    expect(list.textContent).not.toMatch(/05:06|08:06/);
  });
});
