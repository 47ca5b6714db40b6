// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanelApp } from '@/components/SidePanelApp';
import { upsertContactFromSnapshot } from '@/lib/db/contacts';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

afterEach(cleanup);

async function showContactInTab(tabId: number, name: string) {
  const snapshot = {
    site: 'hubspot',
    recordId: '1',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/1',
    name,
    company: 'Northwind',
    title: 'VP Ops',
    email: 'maria@northwind.example',
  };
  const contact = await upsertContactFromSnapshot(snapshot);
  await tabState.contact.set(tabId, { contactId: contact.id, snapshot });
  return contact;
}

describe('SidePanelApp', () => {
  it('shows the tab’s contact as the heading, with role and email', async () => {
    await showContactInTab(3, 'Maria Lopez');
    render(<SidePanelApp search="?tabId=3" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Maria Lopez' })).toBeTruthy();
    expect(screen.getByText('VP Ops · Northwind')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'maria@northwind.example' })).toBeTruthy();
  });

  it('adds a note with its kind, newest first, and clears the box', async () => {
    await showContactInTab(3, 'Maria Lopez');
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    await screen.findByRole('heading', { name: 'Maria Lopez' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Note kind' }), 'deadline');
    await user.type(screen.getByRole('textbox', { name: 'New note' }), 'Q3 board review');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const list = screen.getByRole('list', { name: 'Notes' });
    expect(await within(list).findByText('Q3 board review')).toBeTruthy();
    expect(within(list).getByText('deadline')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'New note' }) as HTMLTextAreaElement).value).toBe(
      '',
    );
  });

  it('keeps the typed note and says why when the disk is full', async () => {
    await showContactInTab(3, 'Maria Lopez');
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=3" />);
    await screen.findByRole('heading', { name: 'Maria Lopez' });
    vi.spyOn(database().notes, 'add').mockRejectedValueOnce(
      new DOMException('full', 'QuotaExceededError'),
    );
    await user.type(screen.getByRole('textbox', { name: 'New note' }), 'Do not lose me');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/out of storage space/);
    expect((screen.getByRole('textbox', { name: 'New note' }) as HTMLTextAreaElement).value).toBe(
      'Do not lose me',
    );
    expect(await database().notes.count()).toBe(0);
  });

  it('renders a name with markup as text', async () => {
    await showContactInTab(3, '<img src=x onerror=alert(1)>Eve');
    const { container } = render(<SidePanelApp search="?tabId=3" />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('<img src=x onerror=alert(1)>Eve');
    expect(container.querySelector('img')).toBeNull();
  });

  it('offers search and a new contact when the tab shows no record', async () => {
    const user = userEvent.setup();
    render(<SidePanelApp search="?tabId=5" />);
    expect(await screen.findByRole('heading', { name: 'No contact detected' })).toBeTruthy();
    expect(await screen.findByText('No contacts stored yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    const create = screen.getByRole('button', { name: 'Create contact' }) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Walk-in');
    await user.click(create);
    expect(await screen.findByRole('heading', { level: 1, name: 'Walk-in' })).toBeTruthy();
  });

  it('follows the page to another contact when the tab moves on', async () => {
    await showContactInTab(3, 'Maria Lopez');
    render(<SidePanelApp search="?tabId=3" />);
    await screen.findByRole('heading', { name: 'Maria Lopez' });
    const other = await upsertContactFromSnapshot({
      site: 'hubspot',
      recordId: '2',
      url: 'https://app.hubspot.com/contacts/1/record/0-1/2',
      name: 'Kenji Sato',
    });
    await tabState.contact.set(3, { contactId: other.id });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kenji Sato' })).toBeTruthy();
  });
});
