// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotesSection } from '@/components/NotesSection';
import { ContactPicker } from '@/components/ContactPicker';
import { database } from '@/lib/db/schema';

afterEach(cleanup);

// A double click (or an impatient second click) on a save button used to write twice where the
// component had no busy guard of its own; every component now writes through useWrite.
describe('a second click while a save runs writes nothing more', () => {
  it('Add note, double-clicked, stores one note', async () => {
    const user = userEvent.setup();
    render(<NotesSection contactId="c1" />);
    await user.type(screen.getByRole('textbox', { name: 'New note' }), 'Budget frozen until May');
    await user.dblClick(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('Budget frozen until May', { selector: '.note-text *, .note-text' });
    expect(await database().notes.count()).toBe(1);
  });

  it('Create contact, double-clicked, creates one contact', async () => {
    const user = userEvent.setup();
    const picked: string[] = [];
    render(<ContactPicker onPick={(id) => picked.push(id)} />);
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Akira Sato');
    await user.dblClick(screen.getByRole('button', { name: 'Create contact' }));
    await waitFor(() => expect(picked).toHaveLength(1));
    expect(await database().contacts.count()).toBe(1);
  });
});
