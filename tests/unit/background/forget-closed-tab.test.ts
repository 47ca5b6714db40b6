import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { trackContacts } from '@/lib/background/track-contacts';
import { rememberTabContact, tabContact } from '@/lib/messaging/tab-contacts';

const siteOfUrl = (u: URL) => (u.host === 'app.hubspot.com' ? 'hubspot' : undefined);
const snapshot = {
  site: 'hubspot',
  recordId: '501',
  url: 'https://app.hubspot.com/contacts/1/record/0-1/501',
  name: 'Maria Lopez',
};
const removeInfo: Browser.tabs.OnRemovedInfo = { windowId: 1, isWindowClosing: false };

describe('a closed tab forgets its contact', () => {
  it('drops the detected contact of the tab that closed, and only that one', async () => {
    trackContacts(siteOfUrl);
    await rememberTabContact(4, { contactId: 'maria', snapshot });
    await rememberTabContact(5, { contactId: 'ben' });
    await fakeBrowser.tabs.onRemoved.trigger(4, removeInfo);
    await expect.poll(() => tabContact(4)).toBeUndefined();
    expect(await tabContact(5)).toEqual({ contactId: 'ben' });
  });

  it('drops a contact the rep picked by hand too, once its tab is gone', async () => {
    trackContacts(siteOfUrl);
    await rememberTabContact(6, { contactId: 'picked-by-hand' });
    await fakeBrowser.tabs.onRemoved.trigger(6, removeInfo);
    await expect.poll(() => tabContact(6)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('tab:6')).toEqual({});
  });
});
