import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onContentMessage } from '@/lib/background/track-contacts';
import { contactById } from '@/lib/db/contact-by-id';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

// What a page on a supported site could make our content script send, stored or not: the
// background cleans every message the way a detector cleans what it reads.
const url = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const siteOfUrl = (u: URL) => (u.host === 'app.hubspot.com' ? 'hubspot' : undefined);
const sender = { id: fakeBrowser.runtime.id, tab: { id: 4 } as Browser.tabs.Tab, frameId: 0, url };
const send = (message: unknown) => onContentMessage(message, sender, siteOfUrl);
const CONTROLS = /[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

describe('what a page can plant', () => {
  it('"Call" on a link whose number is 462 characters of markup (70 digits) stores no one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const forged = `<img src=x onerror=alert(1)><b>${'4155550142'.repeat(7)}</b>`.padEnd(
      462,
      '<i></i>',
    );
    await send({ type: 'prepare-number', phone: forged });
    await send({ type: 'prepare-number', phone: forged.replace(/\D/g, ''), name: 'Call' });
    expect(await database().contacts.count()).toBe(0);
    expect(await tabState.contact.get(4)).toBeUndefined();
    warn.mockRestore();
  });

  it('a name with a right-to-left override and a control character is stored clean', async () => {
    await send({
      type: 'prepare-number',
      phone: '+1 415 555 0142',
      name: 'Priya\u202e Shah\u0007',
    });
    const stored = await contactById((await tabState.contact.get(4))!.contactId);
    expect(stored).toMatchObject({ name: 'Priya Shah', phones: ['+14155550142'] });
    expect(stored?.name).not.toMatch(CONTROLS);
  });

  it('a detected name is capped at 200 characters, a 70-digit phone is not stored', async () => {
    await send({
      type: 'contact-detected',
      snapshot: {
        site: 'hubspot',
        recordId: '501',
        url,
        name: `Eve\u202e ${'O'.repeat(458)}`,
        phone: '4155550142'.repeat(7),
      },
    });
    const stored = await contactById((await tabState.contact.get(4))!.contactId);
    expect(Array.from(stored!.name)).toHaveLength(200);
    expect(stored!.name).not.toMatch(CONTROLS);
    expect(stored!.phones).toEqual([]);
  });

  it('a dialer’s call keeps no control characters and no number that is none', async () => {
    await send({
      type: 'call-state',
      call: { state: 'active', name: 'Dana\u2066 Kim\u0000', phone: '4155550142'.repeat(7) },
    });
    expect(await tabState.call.get(4)).toMatchObject({ state: 'active', name: 'Dana Kim' });
    expect((await tabState.call.get(4))?.phone).toBeUndefined();
  });
});
