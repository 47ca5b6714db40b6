// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactPicker } from '@/components/ContactPicker';
import { NOTES_SHOWN } from '@/lib/db/notes';
import { SidePanelApp } from '@/components/SidePanelApp';
import { createContactByHand } from '@/lib/db/contacts';
import { noteWords } from '@/lib/db/note-words';
import { database } from '@/lib/db/schema';
import type { Note, NoteKind } from '@/lib/model';

afterEach(cleanup);

// Noon UTC: the same calendar day in every zone a test machine may run in, bar the date line.
const MARCH_3 = Date.UTC(2025, 2, 3, 12);
const DAY = 86_400_000;

function note(id: string, contactId: string, text: string, at: number, kind: NoteKind = 'other') {
  const stored: Note = {
    id,
    contactId,
    kind,
    text,
    words: noteWords(text),
    createdAt: at,
    updatedAt: at,
  };
  return stored;
}

async function storeProspects() {
  const jane = await createContactByHand({ name: 'Jane Doe', company: 'Northwind' }, 1);
  const marco = await createContactByHand({ name: 'Marco Rossi', company: 'Acme' }, 2);
  await database().notes.bulkAdd([
    note('n1', jane.id, 'Mentioned the Q3 board review', MARCH_3, 'deadline'),
    note('n2', jane.id, 'Board wants a pilot first', MARCH_3 - DAY, 'pain point'),
    note('n3', marco.id, 'Boarding a flight on Friday, call Monday', MARCH_3 - 2 * DAY),
    note('n4', marco.id, 'Budget review in October', MARCH_3 - 3 * DAY, 'deadline'),
  ]);
  return { jane, marco };
}

function renderPicker() {
  const onPick = vi.fn();
  render(<ContactPicker onPick={onPick} />);
  return { onPick, user: userEvent.setup() };
}

const matches = () => screen.findByRole('list', { name: 'Notes that match' });
const buttonsIn = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('button')
    .map((b) => b.querySelector('.note-text')?.textContent);

describe('searching notes from “No contact detected”', () => {
  it('finds a note of any contact by the start of a word, under its contact, with kind and date', async () => {
    await storeProspects();
    const { user } = renderPicker();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'q3');
    const list = await matches();
    const open = await within(list).findByRole('button', {
      name: 'Jane Doe · Northwind deadline Mar 3, 2025 Mentioned the Q3 board review',
    });
    expect(open.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-03T12:00:00.000Z');
    expect(buttonsIn(list)).toEqual(['Mentioned the Q3 board review']);
    // The contact list does not hold Jane: she was found by what she said.
    expect(screen.getByText('No name, company or email matches “q3”.')).toBeTruthy();
  });

  it('groups the notes by contact, newest match first, and narrows with a second word', async () => {
    await storeProspects();
    const { user } = renderPicker();
    const box = screen.getByRole('searchbox', { name: 'Search contacts' });
    await user.type(box, 'boa');
    const list = await matches();
    await waitFor(() => expect(buttonsIn(list)).toHaveLength(3));
    expect([...list.querySelectorAll('.note-match-contact')].map((p) => p.textContent)).toEqual([
      'Jane Doe · Northwind',
      'Marco Rossi · Acme',
    ]);
    const janes = within(list).getByRole('list', { name: 'Jane Doe · Northwind' });
    expect(buttonsIn(janes)).toEqual([
      'Mentioned the Q3 board review',
      'Board wants a pilot first',
    ]);
    await user.type(box, ' rev');
    await waitFor(() => expect(buttonsIn(list)).toEqual(['Mentioned the Q3 board review']));
  });

  it('marks the words the query found, as text', async () => {
    await storeProspects();
    const { user } = renderPicker();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'REV board');
    const list = await matches();
    const button = await within(list).findByRole('button', { name: /Q3 board review/ });
    expect([...button.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'board',
      'review',
    ]);
    expect(button.querySelector('.note-text')?.textContent).toBe('Mentioned the Q3 board review');
  });

  it('opens the contact when a note is picked, by click or by Tab and Enter', async () => {
    const { marco } = await storeProspects();
    const { user, onPick } = renderPicker();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'october');
    const list = await matches();
    await user.click(await within(list).findByRole('button', { name: /^Marco Rossi/ }));
    expect(onPick).toHaveBeenLastCalledWith(marco.id);

    onPick.mockClear();
    const button = within(list).getByRole('button', { name: /^Marco Rossi/ });
    // From the search box, Tab passes the stored contacts (none match) and reaches the note.
    screen.getByRole('searchbox', { name: 'Search contacts' }).focus();
    await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(marco.id);
  });

  it('says plainly when no note mentions the query', async () => {
    await storeProspects();
    const { user } = renderPicker();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'zeppelin');
    expect((await screen.findByRole('status')).textContent).toBe('No note mentions “zeppelin”.');
    expect(buttonsIn(await matches())).toEqual([]);
  });

  it('says more notes match only when they do', async () => {
    const jane = await createContactByHand({ name: 'Jane Doe' }, 1);
    const many = Array.from({ length: NOTES_SHOWN + 1 }, (_, i) =>
      note(`p${i}`, jane.id, `Pricing question ${i}`, MARCH_3 + i),
    );
    await database().notes.bulkAdd(many.slice(0, NOTES_SHOWN));
    const { user } = renderPicker();
    const box = screen.getByRole('searchbox', { name: 'Search contacts' });
    await user.type(box, 'pricing');
    const list = await matches();
    await waitFor(() => expect(buttonsIn(list)).toHaveLength(NOTES_SHOWN));
    expect(screen.getByRole('status').textContent).toBe('');

    await database().notes.add(many[NOTES_SHOWN]!);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'More notes match — add a word to narrow it.',
      ),
    );
    expect(buttonsIn(list)).toHaveLength(NOTES_SHOWN);
    // The newest are shown.
    expect(buttonsIn(list)[0]).toBe(`Pricing question ${NOTES_SHOWN}`);
  });

  it('searches no notes for an empty or one-letter query', async () => {
    await storeProspects();
    const { user } = renderPicker();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'b');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('list', { name: 'Notes that match' })).toBeNull();
  });
});

describe('the side panel on a page with no record', () => {
  it('opens the contact whose note the rep picks', async () => {
    await storeProspects();
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=5" />);
    await user.type(await screen.findByRole('searchbox', { name: 'Search contacts' }), 'flight');
    await user.click(
      await within(await matches()).findByRole('button', { name: /Boarding a flight/ }),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Marco Rossi' })).toBeTruthy();
  });
});
