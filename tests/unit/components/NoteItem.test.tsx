// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotesSection } from '@/components/NotesSection';
import { database } from '@/lib/db/schema';
import type { Note } from '@/lib/model';
import { TEXT_LIMITS } from '@/lib/model/limits';
import { FOLD_CHARS } from '@/components/fold-text';

afterEach(cleanup);

// Noon UTC: the same calendar day in every zone a test machine may run in, bar the date line.
const MARCH_3 = Date.UTC(2025, 2, 3, 12);
const note: Note = {
  id: 'n1',
  contactId: 'c1',
  kind: 'pain point',
  text: 'Re-keys 15 hours of orders a week',
  createdAt: MARCH_3,
  updatedAt: MARCH_3,
};

async function renderNotes(notes: Note[] = [note]) {
  await database().notes.bulkPut(notes);
  render(<NotesSection contactId="c1" />);
  const list = screen.getByRole('list', { name: 'Notes' });
  await within(list).findByText(notes[0]!.text);
  return list;
}

describe('a note in the list', () => {
  it('shows when it was taken, readable and machine-readable', async () => {
    const list = await renderNotes();
    // The day waits for the rep's zone, read apart from the notes: it may follow them by a frame.
    await waitFor(() => expect(list.querySelector('time')?.textContent).toBe('Mar 3, 2025'));
    const date = list.querySelector('time');
    expect(date?.getAttribute('dateTime')).toBe('2025-03-03T12:00:00.000Z');
    expect(within(list).getByText('pain point')).toBeTruthy();
  });

  it('keeps the date it was taken when it is edited later', async () => {
    const user = userEvent.setup();
    const list = await renderNotes();
    await user.click(within(list).getByRole('button', { name: /^Edit note: Re-keys/ }));
    const box = within(list).getByRole('textbox', { name: 'Edit note' });
    await user.clear(box);
    await user.type(box, 'Re-keys 20 hours a week');
    await user.click(within(list).getByRole('button', { name: 'Save note' }));
    await waitFor(() =>
      expect(within(list).queryByRole('textbox', { name: 'Edit note' })).toBeNull(),
    );
    await waitFor(() =>
      expect(list.querySelector('.note-text')?.textContent).toBe('Re-keys 20 hours a week'),
    );
    expect(list.querySelector('time')?.textContent).toBe('Mar 3, 2025');
  });

  it('changes its kind through the edit form, and saves it', async () => {
    const user = userEvent.setup();
    const list = await renderNotes();
    await user.click(within(list).getByRole('button', { name: /^Edit note: Re-keys/ }));
    await user.selectOptions(
      within(list).getByRole('combobox', { name: 'Edit note kind' }),
      'deadline',
    );
    await user.click(within(list).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(within(list).queryByRole('combobox')).toBeNull());
    expect(await within(list).findByText('deadline')).toBeTruthy();
    expect(within(list).queryByText('pain point')).toBeNull();
    expect((await database().notes.get('n1'))?.kind).toBe('deadline');
  });

  it('leaves the kind as it was when the edit is cancelled', async () => {
    const user = userEvent.setup();
    const list = await renderNotes();
    await user.click(within(list).getByRole('button', { name: /^Edit note: Re-keys/ }));
    await user.selectOptions(
      within(list).getByRole('combobox', { name: 'Edit note kind' }),
      'quote',
    );
    await user.click(within(list).getByRole('button', { name: 'Cancel' }));
    expect(within(list).getByText('pain point')).toBeTruthy();
    expect((await database().notes.get('n1'))?.kind).toBe('pain point');
  });
});

describe('a long note', () => {
  // A note at the longest a note may be: 2,500 words of eight characters.
  const long: Note = {
    ...note,
    id: 'long',
    text:
      Array.from({ length: TEXT_LIMITS.note / 8 }, (_, i) => `w${String(i).padStart(5, '0')}`).join(
        ' ',
      ) + ' LAST-WORD',
  };

  it('is shown folded, its first lines and "Show all (N words)", and whole on a click', async () => {
    const user = userEvent.setup();
    await database().notes.bulkPut([long]);
    render(<NotesSection contactId="c1" />);
    const list = screen.getByRole('list', { name: 'Notes' });
    const toggle = await within(list).findByRole('button', { name: 'Show all (2,501 words)' });
    const shown = list.querySelector('.note-text')!;
    expect(shown.textContent).toMatch(/^w00000 w00001 /);
    expect(shown.textContent!.length).toBeLessThanOrEqual(FOLD_CHARS + 2);
    expect(shown.textContent).not.toContain('LAST-WORD');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.click(toggle);
    expect(shown.textContent).toBe(long.text);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(within(list).getByRole('button', { name: 'Show less' }));
    expect(shown.textContent).not.toContain('LAST-WORD');
  });

  it('of many short lines shows its first six', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `Line ${i + 1}`);
    await database().notes.bulkPut([{ ...note, id: 'lines', text: lines.join('\n') }]);
    render(<NotesSection contactId="c1" />);
    const list = screen.getByRole('list', { name: 'Notes' });
    await within(list).findByRole('button', { name: 'Show all (40 words)' });
    const shown = list.querySelector('.note-text')!.textContent!;
    expect(shown).toContain('Line 6');
    expect(shown).not.toContain('Line 7');
  });

  it('a short note has no toggle', async () => {
    const list = await renderNotes();
    expect(within(list).queryByRole('button', { name: /^Show all/ })).toBeNull();
  });

  it('is edited whole, not as folded', async () => {
    const user = userEvent.setup();
    await database().notes.bulkPut([long]);
    render(<NotesSection contactId="c1" />);
    const list = screen.getByRole('list', { name: 'Notes' });
    await user.click(await within(list).findByRole('button', { name: /^Edit note: w00000/ }));
    expect(
      (within(list).getByRole('textbox', { name: 'Edit note' }) as HTMLTextAreaElement).value,
    ).toBe(long.text);
  });
});
