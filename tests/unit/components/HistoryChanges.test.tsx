// @vitest-environment happy-dom
// Any History entry can be corrected or deleted later, and the next follow-up follows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '@/components/SidePanelApp';
import { database } from '@/lib/db/schema';
import { logOutcome } from '@/lib/actions/call-outcomes';
import { tabState } from '@/lib/messaging/tab-state';
import { storedContact } from '../stored-contact';

const ZONE = 'America/Chicago';
const DAY = 86_400_000;
const contact = storedContact({ name: 'Ann Lee', timeZone: ZONE });

afterEach(cleanup);

/** Two tries logged days ago: a No answer, then a Voicemail; the panel open on Ann Lee. */
async function renderTwoTries() {
  await database().contacts.put(contact);
  const log = (outcome: 'no-answer' | 'voicemail', daysAgo: number) =>
    logOutcome({ contactId: contact.id, outcome, now: Date.now() - daysAgo * DAY, repZone: ZONE });
  const first = await log('no-answer', 3);
  const second = await log('voicemail', 2);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  await screen.findByRole('group', { name: 'Log outcome' });
  await vi.waitFor(() => expect(entries()).toHaveLength(2));
  return { first, second };
}

const entries = () =>
  within(screen.getByRole('list', { name: 'History' })).queryAllByRole('listitem');
const outcomesShown = () => entries().map((li) => li.querySelector('strong')?.textContent);
const nextDue = () =>
  screen
    .getByRole('region', { name: 'Next follow-up' })
    .querySelector('time')
    ?.getAttribute('dateTime');
const historyStatus = () =>
  screen.getAllByRole('status').find((s) => s.classList.contains('history-status'))!;

async function openDetails(index: number) {
  const toggle = within(entries()[index]!).getByRole('button', { name: /^Details/ });
  await userEvent.click(toggle);
  return entries()[index]!;
}

describe('correcting a History entry', () => {
  it('an older No answer becomes Connected; the latest follow-up stays', async () => {
    const { second } = await renderTwoTries();
    const older = await openDetails(1);
    await userEvent.selectOptions(
      within(older).getByRole('combobox', { name: 'Outcome' }),
      'connected',
    );
    await userEvent.click(within(older).getByRole('button', { name: 'Save outcome' }));
    await vi.waitFor(() => expect(outcomesShown()).toEqual(['Voicemail', 'Connected']));
    expect(historyStatus().textContent).toMatch(/^Corrected .+ to Connected\.$/);
    // The focus moves in an effect after the words show: waited for, as a screen reader would.
    await vi.waitFor(() => expect(document.activeElement).toBe(historyStatus()));
    expect(nextDue()).toBe(new Date(second.task!.dueAt).toISOString());
  });

  it('the latest: its follow-up is decided again', async () => {
    const { second } = await renderTwoTries();
    const latest = await openDetails(0);
    await userEvent.selectOptions(
      within(latest).getByRole('combobox', { name: 'Outcome' }),
      'wrong-number',
    );
    await userEvent.click(within(latest).getByRole('button', { name: 'Save outcome' }));
    await vi.waitFor(() => expect(outcomesShown()).toEqual(['Wrong number', 'No answer']));
    await vi.waitFor(() => expect(nextDue()).not.toBe(new Date(second.task!.dueAt).toISOString()));
    expect(await database().tasks.get(second.task!.id)).toBeUndefined();
  });
});

describe('deleting a History entry', () => {
  it('asks first; Keep it changes nothing; Delete takes the latest back as Undo would', async () => {
    const { first } = await renderTwoTries();
    const latest = await openDetails(0);
    await userEvent.click(within(latest).getByRole('button', { name: 'Delete…' }));
    const question = within(latest).getByRole('group', { name: 'Delete this attempt?' });
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        within(question).getByRole('button', { name: 'Keep it' }),
      ),
    );
    await userEvent.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(within(latest).queryByRole('group', { name: 'Delete this attempt?' })).toBeNull();
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(within(latest).getByRole('button', { name: 'Delete…' })),
    );
    expect(await database().attempts.count()).toBe(2);

    await userEvent.click(within(latest).getByRole('button', { name: 'Delete…' }));
    await userEvent.click(within(latest).getByRole('button', { name: 'Delete attempt' }));
    await vi.waitFor(() => expect(outcomesShown()).toEqual(['No answer']));
    expect(historyStatus().textContent).toMatch(/^Deleted the Voicemail of .+\.$/);
    // The No answer's follow-up, closed by the voicemail, is the next one again.
    await vi.waitFor(() => expect(nextDue()).toBe(new Date(first.task!.dueAt).toISOString()));
  });
});
