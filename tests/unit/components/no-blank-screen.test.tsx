// @vitest-environment happy-dom
// Records written straight into the database, as an older version or a damaged profile leaves
// them: each screen shows the part it cannot render as such, and the rest keeps working.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DashboardApp } from '@/components/DashboardApp';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { Attempt, Task } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { storedContact } from '../stored-contact';
import { tabState } from '@/lib/messaging/tab-state';

const DAY = 86_400_000;
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function task(id: string, contactId: string, dueAt: number): Task {
  return {
    id,
    contactId,
    dueAt,
    channel: 'call',
    status: 'open',
    reason: '2 business days after a connected call',
    createdAt: 1,
  };
}

function attempt(id: string, contactId: string, at: number): Attempt {
  return { id, contactId, at, channel: 'call', outcome: 'no-answer' };
}

async function openPanelOn(contactId: string, tabId = 3) {
  await tabState.contact.set(tabId, { contactId });
  render(<SidePanelApp search={`?tabId=${tabId}`} />);
}

beforeEach(() => {
  location.hash = '';
});
afterEach(cleanup);

describe('a follow-up due at 1e20 on the dashboard', () => {
  beforeEach(async () => {
    await database().contacts.bulkPut([
      storedContact({ id: 'c1', name: 'Ann Lee' }),
      storedContact({ id: 'c2', name: 'Sam Roy' }),
    ]);
    await database().tasks.bulkPut([task('bad', 'c1', 1e20), task('good', 'c2', Date.now() + DAY)]);
  });

  it('shows the Queue as a part that could not be shown, and the other pages still work', async () => {
    const user = userEvent.setup();
    render(<DashboardApp />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This part could not be shown — the follow-up queue.');
    expect(alert.textContent).toContain('A stored date is outside what a calendar can show.');

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('form', { name: 'Your details' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Queue' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the follow-up queue');
  });

  it('"Open Settings" switches to the Settings page', async () => {
    const user = userEvent.setup();
    render(<DashboardApp />);
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(await screen.findByRole('form', { name: 'Your details' })).toBeTruthy();
  });

  it('"Remove records that cannot be shown" removes it, says so, and the queue renders', async () => {
    const user = userEvent.setup();
    render(<DashboardApp />);
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Remove records that cannot be shown' }));
    const report = await screen.findByRole('status');
    expect(report.textContent).toBe('Removed 1 follow-up whose date was out of range.');
    // The button the rep pressed is gone: focus lands on what happened, not on the page top.
    expect(document.activeElement).toBe(report);
    const queue = await screen.findByRole('list', { name: 'Follow-up queue' });
    expect(await within(queue).findByText('Sam Roy')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await database().tasks.toArray()).map((t) => t.id)).toEqual(['good']);
  });
});

describe('a logged call at 9e15 in the side panel', () => {
  beforeEach(async () => {
    await database().contacts.put(storedContact({ id: 'c1', name: 'Ann Lee' }));
    await database().attempts.bulkPut([
      attempt('bad', 'c1', 9e15),
      attempt('ok', 'c1', Date.now() - DAY),
    ]);
  });

  it('shows the history as a part that could not be shown; name, notes and outcome buttons work', async () => {
    const user = userEvent.setup();
    await openPanelOn('c1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Lee' })).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("This part could not be shown — Ann Lee's call history.");
    expect(await screen.findByRole('button', { name: 'No answer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Voicemail' })).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: 'New note' }), 'Budget in Q3');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const notes = screen.getByRole('list', { name: 'Notes' });
    expect(await within(notes).findByText('Budget in Q3')).toBeTruthy();
  });

  it('"Open Settings" from the keyboard opens the Settings page in a tab', async () => {
    const user = userEvent.setup();
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await openPanelOn('c1');
    const alert = await screen.findByRole('alert');
    const part = alert.closest('.part-failed') as HTMLElement;
    within(part).getByRole('button', { name: 'Open Settings' }).focus();
    await user.keyboard('{Enter}');
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(/\/options\.html#settings$/),
    });
  });

  it('removes only that record and shows the history again', async () => {
    const user = userEvent.setup();
    await database().contacts.put(storedContact({ id: 'c2', name: 'Sam Roy' }));
    await database().attempts.put(attempt('other-bad', 'c2', 9e15));
    await openPanelOn('c1');
    await screen.findByRole('alert');
    await user.click(
      await screen.findByRole('button', { name: 'Remove records that cannot be shown' }),
    );
    expect(
      await screen.findByText('Removed 1 logged call whose date was out of range.'),
    ).toBeTruthy();
    const history = await screen.findByRole('list', { name: 'History' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    // Another contact's records are theirs to repair, from their own panel.
    expect((await database().attempts.toArray()).map((a) => a.id).sort()).toEqual([
      'ok',
      'other-bad',
    ]);
  });
});

describe('a rep time zone this browser does not know', () => {
  beforeEach(async () => {
    await database().settings.put({
      id: 'rep',
      repName: 'Rita Rep',
      company: 'Acme',
      callbackNumber: '+1 555 0100',
      timeZone: 'Not/AZone',
    });
    await database().contacts.put(storedContact({ id: 'c9', name: 'Unrelated Person' }));
  });

  const warning = `Your time zone setting "Not/AZone" is not one this browser knows; times are shown in ${BROWSER_ZONE}. Fix it in Settings.`;

  it('the side panel of an unrelated contact renders, with the warning', async () => {
    await openPanelOn('c9');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unrelated Person' })).toBeTruthy();
    expect((await screen.findByText(/Your time zone setting/)).textContent).toContain(warning);
    expect(await screen.findByRole('heading', { name: 'Call plan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'No answer' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the Queue and Insights read the browser zone and render', async () => {
    const user = userEvent.setup();
    await database().tasks.put(task('t1', 'c9', Date.now() - DAY));
    render(<DashboardApp />);
    const queue = await screen.findByRole('list', { name: 'Follow-up queue' });
    expect(await within(queue).findByText('Unrelated Person')).toBeTruthy();
    expect(screen.getByText(/^1 overdue/)).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Insights' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the dashboard warns too, and its Settings page offers the browser zone to save', async () => {
    const user = userEvent.setup();
    render(<DashboardApp />);
    expect((await screen.findByText(/Your time zone setting/)).textContent).toContain(warning);
    await user.click(screen.getByRole('button', { name: 'Open Settings' }));
    const form = await screen.findByRole('form', { name: 'Your details' });
    expect((within(form).getByLabelText('Your time zone') as HTMLInputElement).value).toBe(
      BROWSER_ZONE,
    );
  });
});
