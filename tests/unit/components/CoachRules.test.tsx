// @vitest-environment happy-dom
// Issue 16, part 6: coach rules the rep reaches from the panel — "They didn't remember me"
// after a conversation, and the voicemail once calls keep going unanswered.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { Attempt, Contact, Outcome } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

const HOUR_MS = 3_600_000;
const DAY = 24 * HOUR_MS;
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

function earlier(outcome: Outcome, daysAgo: number): Attempt {
  return {
    id: `a-${outcome}-${daysAgo}`,
    contactId: contact.id,
    at: Date.now() - daysAgo * DAY,
    channel: 'call',
    outcome,
  };
}

async function renderContact(attempts: Attempt[] = []) {
  await database().contacts.put(contact);
  await database().attempts.bulkPut(attempts);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  return screen.findByRole('group', { name: 'Log outcome' });
}

const historyItems = () =>
  within(screen.getByRole('list', { name: 'History' })).queryAllByRole('listitem');
const situationLine = () => document.querySelector('.situation')?.textContent ?? '';
/** The panel's text: the voicemail script shows in the script card and by the timer. */
const panelText = () => document.body.textContent ?? '';

afterEach(cleanup);

describe('"They didn\'t remember me", one click after Connected', () => {
  it("is stored on the attempt, and the next call opens with the doesn't-remember script; a second click takes it back", async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    await vi.waitFor(() => expect(situationLine()).toContain('After a good first call'));

    // History shows the click at once; the after-call buttons come once it is stored.
    const mark = await screen.findByRole('button', { name: "They didn't remember me" });
    expect(mark.getAttribute('aria-pressed')).toBe('false');
    await user.click(mark);
    await vi.waitFor(() => expect(mark.getAttribute('aria-pressed')).toBe('true'));
    expect((await database().attempts.toArray())[0]?.didNotRemember).toBe(true);
    await vi.waitFor(() => expect(situationLine()).toContain('May not remember you'));
    expect(screen.getAllByText(/We spoke a while back/).length).toBeGreaterThan(0);

    await user.click(mark);
    await vi.waitFor(() => expect(mark.getAttribute('aria-pressed')).toBe('false'));
    expect((await database().attempts.toArray())[0]).not.toHaveProperty('didNotRemember');
    await vi.waitFor(() => expect(situationLine()).toContain('After a good first call'));
  });

  it('is offered only after a conversation, not after a voicemail', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact();
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(1));
    // The after-call buttons are there (Undo), and this one is not among them.
    await screen.findByRole('button', { name: /^Undo/ });
    expect(screen.queryByRole('button', { name: "They didn't remember me" })).toBeNull();
  });
});

describe('after two unanswered calls the voicemail follows the cadence to email', () => {
  it('the script announces an email, and logging the voicemail schedules that email', async () => {
    const user = userEvent.setup();
    const outcomes = await renderContact([earlier('no-answer', 6), earlier('no-answer', 4)]);
    await vi.waitFor(() => expect(panelText()).toMatch(/Call me back at/));
    expect(panelText()).toMatch(/or look out for my email on \w+day/);
    expect(panelText()).not.toMatch(/call you again/);
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await vi.waitFor(() => expect(historyItems()).toHaveLength(3));
    // History shows the click before it is stored: the stored attempt is waited for.
    const logged = await vi.waitFor(async () => {
      const stored = (await database().attempts.toArray()).find((a) => a.outcome === 'voicemail');
      expect(stored).toBeDefined();
      return stored!;
    });
    expect(logged).not.toHaveProperty('promisedAt');
    const next = screen.getByRole('region', { name: 'Next follow-up' });
    await vi.waitFor(() => expect(next.textContent).toContain('Email'));
    expect(next.textContent).not.toMatch(/try again/);
  });

  it('after one unanswered call the voicemail still promises a call', async () => {
    await renderContact([earlier('no-answer', 4)]);
    await vi.waitFor(() => expect(panelText()).toMatch(/Call me back at/));
    expect(panelText()).toMatch(/or I.ll call you again \w+day(, \w+ \d+)? at/);
    expect(panelText()).not.toMatch(/look out for my email/);
  });
});
