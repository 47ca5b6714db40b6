import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { Contact } from '@/lib/model';
import type { StoredSnapshot } from '@/lib/db/contacts';

// Several stored contacts share the page's email or number: the identity rules (lib/db/
// contacts) answer 'several', and the background must then show nobody and keep the choice.
const answer = vi.hoisted(() => ({ current: undefined as StoredSnapshot | undefined }));
vi.mock('@/lib/db/contacts', async (original) => {
  const actual = await original<typeof import('@/lib/db/contacts')>();
  const several = <A extends unknown[]>(real: (...args: A) => Promise<StoredSnapshot>) =>
    vi.fn((...args: A) => (answer.current ? Promise.resolve(answer.current) : real(...args)));
  return {
    ...actual,
    storeSnapshot: several(actual.storeSnapshot),
    storeNumber: several(actual.storeNumber),
  };
});

const { onContentMessage } = await import('@/lib/background/track-contacts');
const { numberRecordOf } = await import('@/lib/background/choice-record');
const { tabState } = await import('@/lib/messaging/tab-state');
const { createContactByHand } = await import('@/lib/db/contacts');
const { rememberChoice } = await import('@/lib/db/identity-choices');

const url = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const siteOfUrl = (u: URL) => (u.host === 'app.hubspot.com' ? 'hubspot' : undefined);
const sender: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  tab: { id: 8 } as Browser.tabs.Tab,
  frameId: 0,
  url,
};

async function switchboard(): Promise<Contact[]> {
  const ann = await createContactByHand({ name: 'Ann Lee', phone: '+1 415 555 0100' });
  const bo = await createContactByHand({ name: 'Bo Park', phone: '+1 415 555 0100' });
  answer.current = { kind: 'several', contacts: [ann, bo], by: 'phone' };
  return [ann, bo];
}

afterEach(() => {
  answer.current = undefined;
});

describe('several stored contacts share the key', () => {
  it('shows nobody for a page: the tab asks, naming the candidates', async () => {
    const [ann, bo] = await switchboard();
    const snapshot = {
      site: 'hubspot',
      recordId: '501',
      url,
      name: 'Cy Dunn',
      phone: '+14155550100',
    };
    await onContentMessage({ type: 'contact-detected', snapshot }, sender, siteOfUrl);
    expect(await tabState.contact.get(8)).toBeUndefined();
    expect(await tabState.doubt.get(8)).toMatchObject({
      name: 'Cy Dunn',
      snapshot,
      candidateIds: [ann!.id, bo!.id],
      why: '2 stored contacts share this number: pick the right one.',
    });
  });

  it('asks which holder of a prepared number is meant, unless the rep chose before', async () => {
    const [ann] = await switchboard();
    const prepare = { type: 'prepare-number', phone: '(415) 555-0100', name: 'Front desk' };
    await onContentMessage(prepare, sender, siteOfUrl);
    expect(await tabState.contact.get(8)).toBeUndefined();
    expect(await tabState.doubt.get(8)).toMatchObject({
      name: 'Front desk',
      phone: '(415) 555-0100',
    });
    expect((await tabState.doubt.get(8))?.candidateIds).toHaveLength(2);

    await rememberChoice(numberRecordOf('hubspot', url, '(415) 555-0100'), ann!.id);
    await onContentMessage(prepare, sender, siteOfUrl);
    expect(await tabState.doubt.get(8)).toBeUndefined();
    expect(await tabState.contact.get(8)).toMatchObject({ contactId: ann!.id });
  });
});
