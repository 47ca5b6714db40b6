// The identity rules and the background together, nothing mocked: a dialer shows a number that
// two stored people share (an office switchboard). The panel must ask, never guess one of them,
// and nothing is stored or merged until the rep answers.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { ContactSnapshot } from '@/lib/model';
import { onContentMessage } from '@/lib/background/track-contacts';
import { createContactByHand } from '@/lib/db/contacts';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

const url = 'https://phone.aircall.io/incall';
const siteOfUrl = (u: URL) => (u.host === 'phone.aircall.io' ? 'aircall' : undefined);
const sender: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  tab: { id: 11 } as Browser.tabs.Tab,
  frameId: 0,
  url,
};
const caller = (name: string): ContactSnapshot => ({
  site: 'aircall',
  recordId: '+14155550100',
  url,
  name,
  phone: '+1 415 555 0100',
  evidence: { signals: ['record-url', 'call-party'], confidence: 'sure' },
});

describe('a dialer call from a number two stored people share', () => {
  it('asks which of them it is: nobody shown, nothing stored or merged', async () => {
    const ann = await createContactByHand({ name: 'Ann Lee', phone: '+1 415 555 0100' });
    const bo = await createContactByHand({ name: 'Bo Park', phone: '(415) 555-0100' });
    await onContentMessage(
      { type: 'contact-detected', snapshot: caller('+1 415 555 0100') },
      sender,
      siteOfUrl,
    );

    expect(await tabState.contact.get(11)).toBeUndefined();
    expect((await tabState.doubt.get(11))?.candidateIds?.sort()).toEqual([ann.id, bo.id].sort());
    const stored = await database().contacts.toArray();
    expect(stored).toHaveLength(2);
    expect(stored.every((c) => c.identityKeys.length === 0)).toBe(true);
  });

  it('finds the one holder whose name the dialer shows', async () => {
    const ann = await createContactByHand({ name: 'Ann Lee', phone: '+1 415 555 0100' });
    await createContactByHand({ name: 'Bo Park', phone: '+1 415 555 0100' });
    await onContentMessage(
      { type: 'contact-detected', snapshot: caller('Ann Lee') },
      sender,
      siteOfUrl,
    );

    expect(await tabState.doubt.get(11)).toBeUndefined();
    expect(await tabState.contact.get(11)).toMatchObject({ contactId: ann.id });
  });
});
