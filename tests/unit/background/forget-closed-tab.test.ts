import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { trackContacts } from '@/lib/background/track-contacts';
import { tabState } from '@/lib/messaging/tab-state';

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
    await tabState.contact.set(4, { contactId: 'maria', snapshot });
    await tabState.contact.set(5, { contactId: 'ben' });
    await fakeBrowser.tabs.onRemoved.trigger(4, removeInfo);
    await expect.poll(() => tabState.contact.get(4)).toBeUndefined();
    expect(await tabState.contact.get(5)).toEqual({ contactId: 'ben' });
  });

  it('drops a contact the rep picked by hand too, once its tab is gone', async () => {
    trackContacts(siteOfUrl);
    await tabState.contact.set(6, { contactId: 'picked-by-hand' });
    await fakeBrowser.tabs.onRemoved.trigger(6, removeInfo);
    await expect.poll(() => tabState.contact.get(6)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('tab:6')).toEqual({});
  });

  it('drops everything kept for the tab: its question, its call and its voicemail timer', async () => {
    trackContacts(siteOfUrl);
    await tabState.doubt.set(7, { name: 'Maria Lopez', candidateIds: [], why: 'unsure' });
    await tabState.call.set(7, { state: 'active', since: 1 });
    await tabState.voicemailTimer.set(7, { startedAt: 1 });
    await tabState.voicemailTimer.set(8, { startedAt: 2 });
    await fakeBrowser.tabs.onRemoved.trigger(7, removeInfo);
    await expect.poll(() => tabState.voicemailTimer.get(7)).toBeUndefined();
    expect(await tabState.doubt.get(7)).toBeUndefined();
    expect(await tabState.call.get(7)).toBeUndefined();
    expect(await tabState.voicemailTimer.get(8)).toEqual({ startedAt: 2 });
  });
});
