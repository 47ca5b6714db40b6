// A dialer call that ends without an "ended" screen (the dialer closes or goes idle) still
// puts its outcome in front of the rep, for the person they spoke to.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { ContactSnapshot } from '@/lib/model';
import type { CallSnapshot } from '@/lib/model';
import { onContentMessage, onTabUrlChanged, perTabQueue } from '@/lib/background/track-contacts';
import { rememberTabCall } from '@/lib/messaging/tab-calls';
import { contactById } from '@/lib/db/contact-by-id';
import { tabState } from '@/lib/messaging/tab-state';

const url = 'https://app.ringcentral.com/phone/callhistory';
const siteOfUrl = (u: URL) =>
  u.host === 'app.ringcentral.com'
    ? 'ringcentral'
    : u.host === 'app.hubspot.com'
      ? 'hubspot'
      : undefined;
const sender = (at = url): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
  url: at,
});
const jane: ContactSnapshot = {
  site: 'ringcentral',
  recordId: '+14155550142',
  url,
  name: 'Jane Doe',
  phone: '+1 (415) 555-0142',
};
const onCall: CallSnapshot = { state: 'active', phone: '+1 (415) 555-0142', name: 'Jane Doe' };

const send = (message: unknown, at?: string) => onContentMessage(message, sender(at), siteOfUrl);

/** What the dialer's content script sends as a call starts: the contact, then the call. */
async function callStarts(snapshot = jane, call = onCall): Promise<void> {
  await send({ type: 'contact-detected', snapshot });
  await send({ type: 'call-state', call });
}

/** What it sends when the dialer closes with the call: no contact, then no call. */
async function dialerCloses(call: CallSnapshot | null = { state: 'idle' }): Promise<void> {
  await send({ type: 'no-contact' });
  await send({ type: 'call-state', call });
}

describe('a call that ends with no "ended" screen', () => {
  it('counts as ended when the dialer goes idle, keeping who was on it', async () => {
    await rememberTabCall(7, onCall, 1000);
    await rememberTabCall(7, { state: 'idle' }, 4000);
    expect(await tabState.call.get(7)).toEqual({ ...onCall, state: 'ended', since: 4000 });
  });

  it('counts as ended when the dialer shows nothing at all (the call view closed)', async () => {
    await rememberTabCall(7, onCall, 1000);
    await rememberTabCall(7, null, 4000);
    expect(await tabState.call.get(7)).toMatchObject({ state: 'ended', name: 'Jane Doe' });
  });

  it('stays ended, from the moment it ended, until the rep logs the outcome', async () => {
    await rememberTabCall(7, { state: 'ended', phone: onCall.phone }, 1000);
    await rememberTabCall(7, { state: 'idle' }, 2000);
    await rememberTabCall(7, null, 3000);
    expect(await tabState.call.get(7)).toMatchObject({ state: 'ended', since: 1000 });
    await tabState.call.remove(7);
    expect(await tabState.call.get(7)).toBeUndefined();
  });

  it('is replaced by the next call', async () => {
    await rememberTabCall(7, onCall, 1000);
    await rememberTabCall(7, { state: 'idle' }, 2000);
    await rememberTabCall(7, { state: 'ringing', phone: '+1 415 555 0199' }, 3000);
    expect(await tabState.call.get(7)).toEqual({
      state: 'ringing',
      since: 3000,
      phone: '+1 415 555 0199',
    });
  });

  it('is no call at all when it only rang (a cancelled or missed call)', async () => {
    await rememberTabCall(7, { state: 'ringing', phone: '+1 415 555 0199' }, 1000);
    await rememberTabCall(7, { state: 'idle' }, 2000);
    expect(await tabState.call.get(7)).toBeUndefined();
  });

  it('keeps the tab on the caller, with the outcome prompt, after the dialer closes', async () => {
    await callStarts();
    const { contactId } = (await tabState.contact.get(7))!;
    await dialerCloses();
    expect(await tabState.contact.get(7)).toMatchObject({ contactId });
    expect((await contactById(contactId))?.name).toBe('Jane Doe');
    expect(await tabState.call.get(7)).toMatchObject({ state: 'ended', name: 'Jane Doe' });
  });

  it('keeps the caller when the dialer leaves the page it was on', async () => {
    await callStarts();
    await dialerCloses(null);
    await onTabUrlChanged(7, 'https://app.ringcentral.com/messages');
    expect(await tabState.contact.get(7)).toBeDefined();
    expect(await tabState.call.get(7)).toMatchObject({ state: 'ended' });
  });

  it('lets go of the caller once the outcome is logged and the page shows no one', async () => {
    await callStarts();
    await dialerCloses();
    await tabState.call.remove(7); // what logging an outcome does
    await send({ type: 'no-contact' });
    expect(await tabState.contact.get(7)).toBeUndefined();
  });

  it('gives way to the next person the tab shows, dropping the old prompt', async () => {
    await callStarts();
    await dialerCloses();
    const dana = { ...jane, recordId: '+14155550199', name: 'Dana Kim', phone: '+1 415 555 0199' };
    await callStarts(dana, { state: 'ringing', phone: dana.phone, name: 'Dana Kim' });
    const shown = await tabState.contact.get(7);
    expect((await contactById(shown!.contactId))?.name).toBe('Dana Kim');
    expect(await tabState.call.get(7)).toMatchObject({ state: 'ringing', name: 'Dana Kim' });
  });

  it('gives way to a CRM record opened in the same tab', async () => {
    await callStarts();
    await dialerCloses();
    const hubspot = 'https://app.hubspot.com/contacts/1/record/0-1/9';
    await send(
      {
        type: 'contact-detected',
        snapshot: { site: 'hubspot', recordId: '9', url: hubspot, name: 'Ken Sato' },
      },
      hubspot,
    );
    expect(await tabState.call.get(7)).toBeUndefined();
    expect((await contactById((await tabState.contact.get(7))!.contactId))?.name).toBe('Ken Sato');
  });
});

describe('messages of one tab', () => {
  it('are handled in the order they came, each seeing what the one before wrote', async () => {
    const inOrder = perTabQueue();
    const done: string[] = [];
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
    await Promise.all([
      inOrder(1, async () => {
        await slow();
        done.push('first');
      }),
      inOrder(1, async () => {
        done.push('second');
      }),
      inOrder(2, async () => {
        done.push('other tab');
      }),
    ]);
    expect(done).toEqual(['other tab', 'first', 'second']);
  });

  it('go on after one of them fails', async () => {
    const inOrder = perTabQueue();
    await expect(inOrder(1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let ran = false;
    await inOrder(1, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});
