import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { ContactSnapshot } from '@/lib/model';
import { onContentMessage, onTabUrlChanged } from '@/lib/background/track-contacts';
import { choiceRecordOf } from '@/lib/background/choice-record';
import { rememberTabCall } from '@/lib/messaging/tab-calls';
import { createContactByHand } from '@/lib/db/contacts';
import { rememberChoice } from '@/lib/db/identity-choices';
import { database } from '@/lib/db/schema';
import { tabState } from '@/lib/messaging/tab-state';

const url = 'https://app.hubspot.com/contacts/1/record/0-1/501';
const siteOfUrl = (u: URL) => (u.host === 'app.hubspot.com' ? 'hubspot' : undefined);
const sender: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  tab: { id: 4 } as Browser.tabs.Tab,
  frameId: 0,
  url,
};
const sure: ContactSnapshot = {
  site: 'hubspot',
  recordId: '501',
  url,
  name: 'Maria Lopez',
  email: 'maria@northwind.example',
  evidence: { signals: ['record-url', 'record-header'], confidence: 'sure' },
};
const unsure: ContactSnapshot = {
  ...sure,
  name: 'Ann Lee',
  email: 'ann@northwind.example',
  evidence: {
    signals: ['record-header'],
    confidence: 'unsure',
    doubt: 'The page title names Maria Lopez',
  },
  others: [{ name: 'Maya Chen', email: 'maya@northwind.example', role: 'associated' }],
};
const detected = (snapshot: ContactSnapshot) =>
  onContentMessage({ type: 'contact-detected', snapshot }, sender, siteOfUrl);

describe('a detection the extension is not sure of', () => {
  it('stores nobody and shows nobody: the tab keeps the question, with the others', async () => {
    await detected(unsure);
    expect(await tabState.contact.get(4)).toBeUndefined();
    expect(await database().contacts.count()).toBe(0);
    expect(await tabState.doubt.get(4)).toMatchObject({
      name: 'Ann Lee',
      snapshot: { name: 'Ann Lee', others: [{ name: 'Maya Chen', role: 'associated' }] },
      candidateIds: [],
      why: 'The page title names Maria Lopez',
      record: choiceRecordOf(unsure),
    });
  });

  it('replaces the person shown before, and a sure page then clears the question', async () => {
    await detected(sure);
    expect(await tabState.contact.get(4)).toBeDefined();
    await detected(unsure);
    expect(await tabState.contact.get(4)).toBeUndefined();
    expect(await tabState.doubt.get(4)).toBeDefined();

    await detected(sure);
    expect(await tabState.doubt.get(4)).toBeUndefined();
    expect(await tabState.contact.get(4)).toMatchObject({ snapshot: { name: 'Maria Lopez' } });
  });

  it('counts a snapshot without evidence (an older content script) as sure', async () => {
    const old: ContactSnapshot = { ...sure };
    delete old.evidence;
    await detected(old);
    expect(await tabState.doubt.get(4)).toBeUndefined();
    expect(await tabState.contact.get(4)).toMatchObject({ snapshot: { name: 'Maria Lopez' } });
  });

  it('shows the contact the rep chose for this record before, at once', async () => {
    const maya = await createContactByHand({ name: 'Maya Chen' });
    await rememberChoice(choiceRecordOf(unsure), maya.id);
    await detected(unsure);
    expect(await tabState.doubt.get(4)).toBeUndefined();
    expect(await tabState.contact.get(4)).toMatchObject({ contactId: maya.id });
    // The doubtful reading was not stored as anyone.
    expect((await database().contacts.toArray()).map((c) => c.name)).toEqual(['Maya Chen']);

    // The choice sticks on a sure reading of the same record too.
    await detected(sure);
    expect(await tabState.contact.get(4)).toMatchObject({ contactId: maya.id });
  });

  it('drops the question when the page shows nobody or the tab leaves the record', async () => {
    await detected(unsure);
    await onContentMessage({ type: 'no-contact' }, sender, siteOfUrl);
    expect(await tabState.doubt.get(4)).toBeUndefined();

    await detected(unsure);
    await onTabUrlChanged(4, `${url}?interaction=note`);
    expect(await tabState.doubt.get(4)).toBeDefined();
    await onTabUrlChanged(4, 'https://app.hubspot.com/contacts/1/record/0-1/502');
    expect(await tabState.doubt.get(4)).toBeUndefined();
  });
});

it('keeps the contact of a call that waits for its outcome, and still asks first', async () => {
  await detected(sure);
  const shown = await tabState.contact.get(4);
  await rememberTabCall(4, { state: 'active', phone: '+1 415 555 0142' });
  await detected(unsure);
  expect(await tabState.doubt.get(4)).toMatchObject({ name: 'Ann Lee' });
  expect(await tabState.contact.get(4)).toEqual(shown);
});

describe('the record a choice sticks to', () => {
  it('is the mail thread, whoever the page names in it', () => {
    const thread = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmKbRvxSfjlBvtDRZBvz';
    const colleague = { site: 'gmail', recordId: 'sam@acme.example', url: thread };
    const prospect = { site: 'gmail', recordId: 'dana@prospect.example', url: thread };
    expect(choiceRecordOf(colleague)).toBe(choiceRecordOf(prospect));
    expect(choiceRecordOf(colleague)).not.toBe(
      choiceRecordOf({ ...colleague, url: thread.replace('FMfcgz', 'KtbxLw') }),
    );
  });

  it('is the call’s number on a dialer, not the whole app', () => {
    const call = (recordId: string) => ({
      site: 'aircall',
      recordId,
      url: 'https://phone.aircall.io/call',
    });
    expect(choiceRecordOf(call('+14155550142'))).not.toBe(choiceRecordOf(call('+14155550199')));
  });
});
