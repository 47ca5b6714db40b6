// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { ContactSnapshot } from '@/lib/model';
import { SidePanelApp } from '@/components/SidePanelApp';
import { onContentMessage } from '@/lib/background/track-contacts';
import { createContactByHand, upsertContactFromSnapshot } from '@/lib/db/contacts';
import { addNote } from '@/lib/db/notes';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

afterEach(() => cleanup());

const url = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const sender: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  tab: { id: 3 } as Browser.tabs.Tab,
  frameId: 0,
  url,
};
const siteOfUrl = () => 'hubspot';
const ann: ContactSnapshot = {
  site: 'hubspot',
  recordId: '501',
  url,
  name: 'Ann Lee',
  email: 'ann@lumen.example',
  company: 'Lumen Freight',
};
const doubtful: ContactSnapshot = {
  ...ann,
  evidence: {
    signals: ['record-header'],
    confidence: 'unsure',
    doubt: 'The page title names Maya Chen',
  },
  others: [{ name: 'Maya Chen', email: 'maya@lumen.example', role: 'cc' }],
};
const pageShows = (snapshot: ContactSnapshot) =>
  onContentMessage({ type: 'contact-detected', snapshot }, sender, siteOfUrl);
const question = (name: string) => screen.findByRole('region', { name: `Is this ${name}?` });

describe('“Is this <name>?”', () => {
  it('shows nobody’s notes until the rep confirms; Confirm shows the person', async () => {
    const stored = await upsertContactFromSnapshot(ann);
    await addNote(stored.id, 'deadline', 'Board review in March');
    await pageShows(doubtful);
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);

    const asked = await question('Ann Lee');
    expect(within(asked).getByText('The page title names Maya Chen')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Notes' })).toBeNull();
    expect(screen.queryByText('Board review in March')).toBeNull();
    expect(screen.queryByRole('heading', { level: 1, name: 'Ann Lee' })).toBeNull();

    await user.click(within(asked).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Lee' })).toBeTruthy();
    const notes = screen.getByRole('list', { name: 'Notes' });
    expect(await within(notes).findByText('Board review in March')).toBeTruthy();
    expect(await tabState.doubt.get(3)).toBeUndefined();

    // Remembered: the same doubtful reading of this record shows Ann at once.
    await pageShows(doubtful);
    expect(await tabState.doubt.get(3)).toBeUndefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Ann Lee' })).toBeTruthy();
  });

  it('lets the rep pick someone else the page shows, named with their role', async () => {
    await pageShows(doubtful);
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    const asked = await question('Ann Lee');
    await user.click(within(asked).getByRole('button', { name: 'Maya Chen (cc)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Maya Chen' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'maya@lumen.example' })).toBeTruthy();
    // Ann was never stored: the rep said the page is Maya.
    expect((await database().contacts.toArray()).map((c) => c.name)).toEqual(['Maya Chen']);

    await pageShows(doubtful);
    expect(await tabState.doubt.get(3)).toBeUndefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Maya Chen' })).toBeTruthy();
  });

  it('finds a stored contact by search', async () => {
    await createContactByHand({ name: 'Kenji Sato', company: 'Harbor Lines' });
    await pageShows(doubtful);
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    const asked = await question('Ann Lee');
    await user.type(within(asked).getByRole('searchbox', { name: 'Search contacts' }), 'harbor');
    await user.click(await within(asked).findByRole('button', { name: /Kenji Sato/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kenji Sato' })).toBeTruthy();
  });

  it('offers the stored contacts who share a number, and no Confirm that could only guess', async () => {
    const bo = await createContactByHand({ name: 'Bo Park', phone: '+1 415 555 0100' });
    const cy = await createContactByHand({ name: 'Cy Dunn', phone: '+1 415 555 0100' });
    await tabState.doubt.set(3, {
      name: 'Front desk',
      phone: '+1 415 555 0100',
      record: 'hubspot:x#tel:+14155550100',
      candidateIds: [bo.id, cy.id],
      why: '2 stored contacts share this number.',
    });
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    const asked = await question('Front desk');
    expect(within(asked).queryByRole('button', { name: 'Confirm' })).toBeNull();
    const matches = within(asked).getByRole('list', { name: 'Stored contacts who share it' });
    await user.click(await within(matches).findByRole('button', { name: /Cy Dunn/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cy Dunn' })).toBeTruthy();
  });
});

describe('“Not <name>?”', () => {
  it('asks again, shows the pick, and moves what was logged on the wrong person, with Undo', async () => {
    await pageShows({
      ...doubtful,
      evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
    });
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    await screen.findByRole('heading', { level: 1, name: 'Ann Lee' });
    await user.type(screen.getByRole('textbox', { name: 'New note' }), 'Wants a pilot in May');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await within(screen.getByRole('list', { name: 'Notes' })).findByText('Wants a pilot in May');

    await user.click(screen.getByRole('button', { name: 'Not Ann Lee?' }));
    const asked = await question('Ann Lee');
    expect(screen.queryByRole('list', { name: 'Notes' })).toBeNull();
    await user.click(within(asked).getByRole('button', { name: 'Maya Chen (cc)' }));
    await screen.findByRole('heading', { level: 1, name: 'Maya Chen' });
    expect(screen.queryByText('Wants a pilot in May')).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Move 1 note to Maya Chen' }));
    const notes = screen.getByRole('list', { name: 'Notes' });
    expect(await within(notes).findByText('Wants a pilot in May')).toBeTruthy();
    const done = screen.getByRole('region', { name: 'Logged on the wrong person' });
    expect(within(done).getByRole('status').textContent).toBe(
      'Moved 1 note from Ann Lee to Maya Chen.',
    );

    await user.click(screen.getByRole('button', { name: 'Undo move' }));
    await expect.poll(() => within(notes).queryByText('Wants a pilot in May')).toBeNull();
    const annId = (await database().contacts.toArray()).find((c) => c.name === 'Ann Lee')!.id;
    expect((await database().notes.toArray()).map((n) => n.contactId)).toEqual([annId]);
  });

  it('keeps the contact shown when the rep confirms after all', async () => {
    await pageShows({
      ...ann,
      evidence: { signals: ['record-url', 'fields'], confidence: 'sure' },
    });
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    await user.click(await screen.findByRole('button', { name: 'Not Ann Lee?' }));
    await user.click(within(await question('Ann Lee')).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Lee' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  });
});
