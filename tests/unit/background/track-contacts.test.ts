import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onContentMessage, onTabUrlChanged } from '@/lib/background/track-contacts';
import { contactById } from '@/lib/db/contact-by-id';
import { tabState } from '@/lib/messaging/tab-state';

const url = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const siteOfUrl = (u: URL) => (u.host === 'app.hubspot.com' ? 'hubspot' : undefined);
const snapshot = { site: 'hubspot', recordId: '501', url, name: 'Maria Lopez' };

function sender(
  overrides: Partial<Browser.runtime.MessageSender> = {},
): Browser.runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 4 } as Browser.tabs.Tab,
    frameId: 0,
    url,
    ...overrides,
  };
}

describe('the background keeps each tab’s contact', () => {
  it('stores the contact a page shows and remembers it for the tab', async () => {
    await onContentMessage({ type: 'contact-detected', snapshot }, sender(), siteOfUrl);
    const remembered = await tabState.contact.get(4);
    expect(remembered?.snapshot).toEqual(snapshot);
    expect((await contactById(remembered!.contactId))?.name).toBe('Maria Lopez');
  });

  it('drops a message from another extension with a log line, storing nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await onContentMessage(
      { type: 'contact-detected', snapshot },
      sender({ id: 'other' }),
      siteOfUrl,
    );
    expect(await tabState.contact.get(4)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('another extension'));
  });

  it('forgets a detected contact when the page shows none, but keeps one the rep picked', async () => {
    await onContentMessage({ type: 'contact-detected', snapshot }, sender(), siteOfUrl);
    await onContentMessage({ type: 'no-contact' }, sender(), siteOfUrl);
    expect(await tabState.contact.get(4)).toBeUndefined();

    await tabState.contact.set(4, { contactId: 'picked-by-hand' });
    await onContentMessage({ type: 'no-contact' }, sender(), siteOfUrl);
    expect(await tabState.contact.get(4)).toEqual({ contactId: 'picked-by-hand' });
  });

  it('forgets the contact when the tab leaves the record', async () => {
    await onContentMessage({ type: 'contact-detected', snapshot }, sender(), siteOfUrl);
    await onTabUrlChanged(4, url);
    expect(await tabState.contact.get(4)).toBeDefined();
    await onTabUrlChanged(4, 'https://app.hubspot.com/contacts/1/objects/0-1/views/all/list');
    expect(await tabState.contact.get(4)).toBeUndefined();
  });

  it.each([
    `${url}?interaction=note`,
    `${url}/view/1`,
    `${url}#activity`,
    'https://app.hubspot.com/contacts/1/contact/501',
  ])('keeps the contact on the same record at another URL: %s', async (same) => {
    await onContentMessage({ type: 'contact-detected', snapshot }, sender(), siteOfUrl);
    await onTabUrlChanged(4, same);
    expect(await tabState.contact.get(4)).toMatchObject({ snapshot });
  });

  it.each([
    'https://app.hubspot.com/contacts/1/record/0-1/502',
    'https://app.hubspot.com/contacts/1/record/0-2/501',
    'https://app-eu1.hubspot.com/contacts/1/record/0-1/501',
    'https://app.hubspot.com/reports-dashboard/1',
    '',
  ])('forgets it on another page: %s', async (other) => {
    await onContentMessage({ type: 'contact-detected', snapshot }, sender(), siteOfUrl);
    await onTabUrlChanged(4, other);
    expect(await tabState.contact.get(4)).toBeUndefined();
  });

  it('keeps the contact across a service-worker restart (session storage)', async () => {
    await onContentMessage({ type: 'contact-detected', snapshot }, sender(), siteOfUrl);
    // A restarted worker has no memory but the storage: reading it again finds the contact.
    const stored = await fakeBrowser.storage.session.get('tab:4');
    expect(stored['tab:4']).toMatchObject({ snapshot });
  });
});
