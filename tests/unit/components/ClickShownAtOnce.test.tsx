// @vitest-environment happy-dom
// An outcome click shows in History in the frame it was made in, not after the database and
// the panel's live queries have answered; a write that fails takes it away again and says why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { Contact } from '@/lib/model';
import { database } from '@/lib/db/schema';
import { usePendingOutcomes } from '@/lib/stores/pending-outcomes';
import { tabState } from '@/lib/messaging/tab-state';
import { diskFullOnNextAdd } from '../db/disk-full';

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

async function renderContact() {
  await database().contacts.put(contact);
  await tabState.contact.set(4, { contactId: contact.id });
  render(<SidePanelApp search="?tabId=4" />);
  const outcomes = await screen.findByRole('group', { name: 'Log outcome' });
  await screen.findByText('No attempts logged yet.');
  return outcomes;
}

const historyItems = () =>
  within(screen.getByRole('list', { name: 'History' })).queryAllByRole('listitem');
const nextFollowUp = () => screen.getByRole('region', { name: 'Next follow-up' });
const nothingOnItsWay = () => expect(usePendingOutcomes.getState().pending).toEqual({});

afterEach(cleanup);

describe('an outcome click', () => {
  it('shows in History and as the next follow-up before the database has answered', async () => {
    const outcomes = await renderContact();
    expect(nextFollowUp().querySelector('time')).toBeNull();
    // No wait: what the click's own render shows (the write cannot have committed yet).
    fireEvent.click(within(outcomes).getByRole('button', { name: 'No answer' }));
    expect(historyItems()).toHaveLength(1);
    expect(historyItems()[0]!.textContent).toContain('No answer');
    expect(nextFollowUp().querySelector('time')).not.toBeNull();

    // Once stored and read back, it is the stored attempt, shown once.
    await vi.waitFor(nothingOnItsWay);
    await vi.waitFor(async () => expect(await database().attempts.count()).toBe(1));
    expect(historyItems()).toHaveLength(1);
    const [stored] = await database().attempts.toArray();
    expect(historyItems()[0]!.querySelector('time')?.dateTime).toBe(
      new Date(stored!.at).toISOString(),
    );
  });

  it('goes away again, with the reason, when the disk refuses the write', async () => {
    const outcomes = await renderContact();
    diskFullOnNextAdd('tasks', 'at commit');
    fireEvent.click(within(outcomes).getByRole('button', { name: 'Connected' }));
    expect(historyItems()).toHaveLength(1);
    expect((await screen.findByRole('alert')).textContent).toMatch(/out of storage space/);
    expect(historyItems()).toHaveLength(0);
    expect(screen.getByText('No attempts logged yet.')).toBeTruthy();
    nothingOnItsWay();
    expect(await database().attempts.count()).toBe(0);
  });

  it('taken back at once with Undo leaves nothing in History', async () => {
    const outcomes = await renderContact();
    fireEvent.click(within(outcomes).getByRole('button', { name: 'Gatekeeper' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await database().attempts.count()).toBe(0));
    await vi.waitFor(nothingOnItsWay);
    await vi.waitFor(() => expect(historyItems()).toHaveLength(0));
  });
});
