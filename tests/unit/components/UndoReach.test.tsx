// @vitest-environment happy-dom
// Undo the rep can reach: it stays until the next outcome, has a key, and is announced; after
// a number key the keyboard lands on it, not on the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '@/components/SidePanelApp';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';
import { storedContact } from '../stored-contact';

const contact = storedContact({ name: 'Ann Lee', timeZone: 'America/Chicago' });

async function renderContact() {
  await database().contacts.put(contact);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  return screen.findByRole('group', { name: 'Log outcome' });
}

/** The panel's announcement of what was logged or undone. */
const outcomeStatus = () =>
  screen.getAllByRole('status').find((s) => s.classList.contains('outcome-status'))!;
const undoButton = () => screen.queryByRole('button', { name: 'Undo' });
const attemptCount = () => database().attempts.count();
const press = (key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean } = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...modifiers });

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe('Undo after an outcome', () => {
  it('a number key logs it, says so, puts the keyboard on Undo; a minute later U still undoes it', async () => {
    // The clock is the test's: a minute passes at once. Real time still runs beside it, so
    // the database's own callbacks are not held back.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await renderContact();
    press('4'); // No answer
    await vi.waitFor(() =>
      expect(outcomeStatus().textContent).toMatch(
        /^Logged No answer\. Next follow-up: .+ Press U to undo\.$/,
      ),
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(undoButton()));
    expect(undoButton()!.getAttribute('aria-keyshortcuts')).toContain('U');

    act(() => void vi.advanceTimersByTime(60_000));
    expect(undoButton()).not.toBeNull();
    expect(await attemptCount()).toBe(1);

    press('u');
    await vi.waitFor(async () => expect(await attemptCount()).toBe(0));
    expect(await database().tasks.count()).toBe(0);
    await vi.waitFor(() => expect(outcomeStatus().textContent).toBe('Undone.'));
    expect(undoButton()).toBeNull();
    // The Undo button went: the keyboard is on what says it was undone, not lost on the page.
    await vi.waitFor(() => expect(document.activeElement).toBe(outcomeStatus()));
  });

  it('stays until the next outcome, which gets its own Undo; Ctrl+Z and Cmd+Z undo too', async () => {
    const outcomes = await renderContact();
    const user = userEvent.setup();
    await user.click(within(outcomes).getByRole('button', { name: 'Voicemail' }));
    await screen.findByRole('button', { name: 'Undo' });
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    await vi.waitFor(() => expect(outcomeStatus().textContent).toMatch(/^Logged Connected\./));
    expect(await attemptCount()).toBe(2);

    press('z', { ctrlKey: true });
    await vi.waitFor(async () => expect(await attemptCount()).toBe(1));
    expect((await database().attempts.toArray())[0]?.outcome).toBe('voicemail');

    await user.click(within(outcomes).getByRole('button', { name: 'Gatekeeper' }));
    await screen.findByRole('button', { name: 'Undo' });
    press('z', { metaKey: true });
    await vi.waitFor(async () => expect(await attemptCount()).toBe(1));
  });

  it('U and Ctrl+Z typed in the note field stay text', async () => {
    const outcomes = await renderContact();
    const user = userEvent.setup();
    await user.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: 'What was said' });
    await user.type(field, 'Up to u');
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(field.value).toBe('Up to u');
    expect(await attemptCount()).toBe(1);
    expect(undoButton()).not.toBeNull();
  });
});
