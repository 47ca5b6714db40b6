// @vitest-environment happy-dom
// The panel's first screen read before React subscribes (lib/db/first-screen): it shows the
// tab's contact and notes, then the live queries take over — a later write shows, and a later
// visit never shows what was read when the panel opened.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { SidePanelApp } from '@/components/SidePanelApp';
import { upsertContactFromSnapshot } from '@/lib/db/contacts';
import { addNote, editNote } from '@/lib/db/notes';
import { firstScreenRead, readFirstScreenEarly } from '@/lib/db/first-screen';
import { tabState } from '@/lib/messaging/tab-state';
import { database } from '@/lib/db/schema';

afterEach(cleanup);

async function contactInTab(tabId: number, name: string, recordId: string) {
  const snapshot = {
    site: 'hubspot',
    recordId,
    url: `https://app.hubspot.com/contacts/1/record/0-1/${recordId}`,
    name,
    company: 'Northwind',
  };
  const contact = await upsertContactFromSnapshot(snapshot);
  await tabState.contact.set(tabId, { contactId: contact.id, snapshot });
  return contact;
}

const notesShown = () =>
  within(screen.getByRole('list', { name: 'Notes' }))
    .queryAllByRole('listitem')
    .map((item) => item.querySelector('.note-text')?.textContent);

describe('the first screen, read early', () => {
  it('shows the contact and notes, then follows every write', async () => {
    const maria = await contactInTab(3, 'Maria Lopez', '1');
    await addNote(maria.id, 'pain point', 'Reports take a day', Date.UTC(2026, 0, 5));
    readFirstScreenEarly(maria.id);
    render(<SidePanelApp search="?tabId=3" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Maria Lopez' })).toBeTruthy();
    await screen.findByText('Reports take a day');

    const note = await addNote(maria.id, 'deadline', 'Board review in Q3', Date.UTC(2026, 0, 6));
    await screen.findByText('Board review in Q3');
    await editNote(note.id, { text: 'Board review moved to Q4', kind: 'deadline' });
    await screen.findByText('Board review moved to Q4');
    expect(notesShown()).toEqual(['Board review moved to Q4', 'Reports take a day']);
  });

  it('is not shown again on a later visit: what is stored is', async () => {
    const maria = await contactInTab(3, 'Maria Lopez', '1');
    await addNote(maria.id, 'pain point', 'Reports take a day', Date.UTC(2026, 0, 5));
    readFirstScreenEarly(maria.id);
    const first = render(<SidePanelApp search="?tabId=3" />);
    await screen.findByText('Reports take a day');
    // Once the live queries answer, the early reads are dropped.
    await waitFor(() => expect(firstScreenRead(maria.id, 'notes')).toBeUndefined());
    await waitFor(() => expect(firstScreenRead(maria.id, 'contact')).toBeUndefined());
    first.unmount();

    await addNote(maria.id, 'deadline', 'Board review in Q3', Date.UTC(2026, 0, 6));
    render(<SidePanelApp search="?tabId=3" />);
    await screen.findByText('Board review in Q3');
    expect(notesShown()).toEqual(['Board review in Q3', 'Reports take a day']);
  });

  it('is followed by their clock and by the warning of a setting that cannot be used', async () => {
    await database().settings.put({
      id: 'rep',
      repName: 'Rita Rep',
      company: 'Acme',
      callbackNumber: '+1 555 0100',
      timeZone: 'Not/AZone',
    });
    const maria = await contactInTab(3, 'Maria Lopez', '1');
    await addNote(maria.id, 'pain point', 'Reports take a day', Date.UTC(2026, 0, 5));
    readFirstScreenEarly(maria.id);
    render(<SidePanelApp search="?tabId=3" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Maria Lopez' })).toBeTruthy();
    await screen.findByText('Reports take a day');
    expect(await screen.findByText(/Their time zone is unknown; times are yours\./)).toBeTruthy();
    expect(await screen.findByText(/Your time zone setting "Not\/AZone"/)).toBeTruthy();
  });

  it('of another contact than the tab shows is never used', async () => {
    const maria = await contactInTab(3, 'Maria Lopez', '1');
    const jane = await contactInTab(4, 'Jane Doe', '2');
    await addNote(jane.id, 'pain point', 'Jane’s note');
    readFirstScreenEarly(jane.id);
    render(<SidePanelApp search="?tabId=3" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Maria Lopez' })).toBeTruthy();
    expect(await screen.findByText(/No notes yet/)).toBeTruthy();
    expect(screen.queryByText('Jane’s note')).toBeNull();
    expect(maria.id).not.toBe(jane.id);
  });
});
