import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onContentMessage } from '@/lib/background/track-contacts';
import { contactById } from '@/lib/db/contact-by-id';
import { createContactByHand } from '@/lib/db/contacts';
import { validateContentMessage } from '@/lib/messaging/validate';
import { tabState } from '@/lib/messaging/tab-state';

const url = 'https://phone.aircall.io/call';
const siteOfUrl = (u: URL) => (u.host === 'phone.aircall.io' ? 'aircall' : undefined);
const sender = { id: fakeBrowser.runtime.id, tab: { id: 6 } as Browser.tabs.Tab, frameId: 0, url };

describe('a web dialer’s call', () => {
  it('is kept per tab, with the moment each state began', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1000);
    await onContentMessage(
      { type: 'call-state', call: { state: 'active', phone: '+1 415 555 0142' } },
      sender,
      siteOfUrl,
    );
    vi.spyOn(Date, 'now').mockReturnValue(5000);
    await onContentMessage(
      { type: 'call-state', call: { state: 'active', phone: '+1 415 555 0142', name: 'Dana' } },
      sender,
      siteOfUrl,
    );
    expect(await tabState.call.get(6)).toEqual({
      state: 'active',
      since: 1000,
      phone: '+1 415 555 0142',
      name: 'Dana',
    });
    await onContentMessage(
      { type: 'call-state', call: { state: 'ended', phone: '+1 415 555 0142' } },
      sender,
      siteOfUrl,
    );
    expect(await tabState.call.get(6)).toMatchObject({ state: 'ended', since: 5000 });
    // The dialer going idle does not answer the outcome prompt: the rep does.
    await onContentMessage({ type: 'call-state', call: { state: 'idle' } }, sender, siteOfUrl);
    expect(await tabState.call.get(6)).toMatchObject({ state: 'ended', since: 5000 });
    vi.restoreAllMocks();
  });

  it.each([
    [{ type: 'call-state', call: { state: 'exploded' } }, /unknown call state/],
    [
      { type: 'call-state', call: { state: 'active', name: 'x'.repeat(600) } },
      /name is not short text/,
    ],
    [{ type: 'call-state', call: 'active' }, /not an object/],
    [{ type: 'prepare-number', phone: 'call me' }, /needs a phone number/],
  ])('rejects a malformed report %#', (message, why) => {
    const verdict = validateContentMessage(
      message,
      { id: 'ext', tabId: 6, frameId: 0, url },
      'ext',
      siteOfUrl,
    );
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.why).toMatch(why);
  });
});

describe('"Prepare" on a phone link', () => {
  it('opens the panel on whoever has that number', async () => {
    const maria = await createContactByHand({ name: 'Maria Lopez', phone: '+1 (312) 555-0142' });
    await onContentMessage({ type: 'prepare-number', phone: '312-555-0142' }, sender, siteOfUrl);
    // No snapshot: the number alone says who; the record is where a correction would stick.
    expect(await tabState.contact.get(6)).toEqual({
      contactId: maria.id,
      record: expect.any(String),
    });
  });

  it('creates a contact named for the link when nobody has the number', async () => {
    await onContentMessage(
      { type: 'prepare-number', phone: '+44 20 7555 0199', name: 'Priya Shah' },
      sender,
      siteOfUrl,
    );
    const picked = await tabState.contact.get(6);
    expect(await contactById(picked!.contactId)).toMatchObject({
      name: 'Priya Shah',
      phones: ['+442075550199'],
    });
  });
});
