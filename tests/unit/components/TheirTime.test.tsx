// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { ContactHeader } from '@/components/ContactHeader';
import { ContactPicker } from '@/components/ContactPicker';
import { contactById } from '@/lib/db/contact-by-id';
import { database } from '@/lib/db/schema';
import type { Contact } from '@/lib/model';

// Tuesday 2026-05-05 13:40 UTC: 3:40 pm in Paris, 10:40 pm in Tokyo.
const NOW = Date.UTC(2026, 4, 5, 13, 40);

const jane: Contact = {
  id: 'c1',
  name: 'Jane Doe',
  emails: [],
  phones: ['+33142685300'],
  identities: [],
  identityKeys: [],
  createdAt: 0,
  updatedAt: 0,
};

/** The header as the panel shows it: re-rendered from the database as it changes. */
function LiveHeader({ id }: { id: string }) {
  const contact = useLiveQuery(() => contactById(id), [id]);
  return contact ? <ContactHeader contact={contact} /> : null;
}

async function renderHeader(contact: Contact) {
  await database().contacts.put(contact);
  render(<LiveHeader id={contact.id} />);
  await screen.findByRole('heading', { name: contact.name });
  // Their clock loads just after the name (ContactHeader says why).
  await waitFor(() => expect(document.querySelector('.their-time')).not.toBeNull());
}

const line = () => document.querySelector('.their-time p')?.textContent;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the prospect’s time in the contact header', () => {
  it('shows their clock from a zone guessed from the phone, marked as a guess', async () => {
    await renderHeader(jane);
    expect(line()).toBe('Their time: 3:40 pm (Europe/Paris, guessed from their France number)');
    expect(screen.getByRole('button', { name: 'Set time zone' })).toBeTruthy();
  });

  it('says when the number’s country has several zones, and that times are the rep’s', async () => {
    await renderHeader({ ...jane, phones: ['+14155550142'] });
    expect(line()).toBe(
      'United States — several zones, set it. Their time zone is unknown; times are yours.',
    );
  });

  it('lets the rep set the zone by typing a city, saved on the contact', async () => {
    const user = userEvent.setup();
    await renderHeader({ ...jane, phones: ['+14155550142'] });
    await user.click(screen.getByRole('button', { name: 'Set time zone' }));
    const form = screen.getByRole('form', { name: 'Their time zone' });
    const input = within(form).getByRole('combobox', { name: 'Their time zone' });
    await user.type(input, 'tokyo');
    await user.click(within(form).getByRole('button', { name: 'Save time zone' }));
    await vi.waitFor(() => expect(line()).toBe('Their time: 10:40 pm (Asia/Tokyo)'));
    expect((await contactById('c1'))?.timeZone).toBe('Asia/Tokyo');
    expect(screen.getByRole('button', { name: 'Change time zone' })).toBeTruthy();
  });

  it('offers every zone the browser knows while typing', async () => {
    const user = userEvent.setup();
    await renderHeader(jane);
    await user.click(screen.getByRole('button', { name: 'Set time zone' }));
    const input = screen.getByRole('combobox', { name: 'Their time zone' });
    const list = document.getElementById(input.getAttribute('list') ?? '');
    const options = [...(list?.querySelectorAll('option') ?? [])].map((o) => o.value);
    expect(options).toContain('Europe/Paris');
    expect(options.length).toBe(Intl.supportedValuesOf('timeZone').length);
    // Opened on a guess, the box starts from it for the rep to confirm or correct.
    expect((input as HTMLInputElement).value).toBe('Europe/Paris');
  });

  it('corrects a guess, and goes back to it when the zone is cleared', async () => {
    const user = userEvent.setup();
    await renderHeader(jane);
    await user.click(screen.getByRole('button', { name: 'Set time zone' }));
    const input = screen.getByRole('combobox', { name: 'Their time zone' });
    await user.clear(input);
    await user.type(input, 'Europe/Brussels');
    await user.click(screen.getByRole('button', { name: 'Save time zone' }));
    await vi.waitFor(() => expect(line()).toBe('Their time: 3:40 pm (Europe/Brussels)'));

    await user.click(screen.getByRole('button', { name: 'Change time zone' }));
    await user.clear(screen.getByRole('combobox', { name: 'Their time zone' }));
    await user.click(screen.getByRole('button', { name: 'Save time zone' }));
    await vi.waitFor(() => expect(line()).toMatch(/guessed from their France number/));
    expect((await contactById('c1'))?.timeZone).toBeUndefined();
  });

  it('refuses a name that is no zone, saving nothing', async () => {
    const user = userEvent.setup();
    await renderHeader(jane);
    await user.click(screen.getByRole('button', { name: 'Set time zone' }));
    const input = screen.getByRole('combobox', { name: 'Their time zone' });
    await user.clear(input);
    await user.type(input, 'Atlantis');
    await user.click(screen.getByRole('button', { name: 'Save time zone' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/“Atlantis” is not a time zone/);
    expect((await contactById('c1'))?.timeZone).toBeUndefined();
  });
});

describe('the New contact form', () => {
  async function openForm() {
    const user = userEvent.setup();
    const onPick = vi.fn();
    render(<ContactPicker onPick={onPick} />);
    await user.click(await screen.findByRole('button', { name: 'New contact' }));
    const form = screen.getByRole('form', { name: 'New contact' });
    return { user, onPick, form };
  }

  it('saves the time zone the rep picks', async () => {
    const { user, onPick, form } = await openForm();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Akira Sato');
    await user.type(within(form).getByRole('combobox', { name: 'Time zone' }), 'Asia/Tokyo');
    await user.click(within(form).getByRole('button', { name: 'Create contact' }));
    await vi.waitFor(() => expect(onPick).toHaveBeenCalled());
    const [created] = await database().contacts.toArray();
    expect(created).toMatchObject({ name: 'Akira Sato', timeZone: 'Asia/Tokyo' });
  });

  it('says what it will guess from the phone when the zone is left empty', async () => {
    const { user, form } = await openForm();
    await user.type(within(form).getByRole('textbox', { name: 'Phone' }), '+33 1 42 68 53 00');
    expect(within(form).getByText(/guessed from the number: Europe\/Paris/)).toBeTruthy();
    await user.clear(within(form).getByRole('textbox', { name: 'Phone' }));
    await user.type(within(form).getByRole('textbox', { name: 'Phone' }), '+1 415 555 0142');
    expect(
      within(form).getByText('United States has several time zones: set theirs.'),
    ).toBeTruthy();
  });

  it('creates nothing when the zone is not one', async () => {
    const { user, onPick, form } = await openForm();
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Akira Sato');
    await user.type(within(form).getByRole('combobox', { name: 'Time zone' }), 'Tokio');
    await user.click(within(form).getByRole('button', { name: 'Create contact' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/“Tokio” is not a time zone/);
    expect(onPick).not.toHaveBeenCalled();
    expect(await database().contacts.count()).toBe(0);
  });
});
