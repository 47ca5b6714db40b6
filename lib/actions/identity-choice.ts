// What the rep's answer to "Is this <name>?" or "Not <name>?" does: remember who the record
// is, show them in the tab, and say whether anything was logged on the wrong person.
import type { Contact, PersonOnPage } from '../model';
import { storeSnapshot, storeSnapshotAs } from '../db/contacts';
import { contactById } from '../db/contact-by-id';
import { identityKey } from '../db/identity';
import { contactForPerson, contactOfRecord, rememberChoice } from '../db/identity-choices';
import { loggedRecords, type LoggedRecords } from '../db/move-records';
import { WriteRefused } from '../db/errors';
import type { TabDoubt } from '../messaging/protocol';
import { sharedKeyDoubt } from '../messaging/tab-doubts';
import { tabState } from '../messaging/tab-state';

/** Records logged on the wrong person from this record, which the rep may move. */
export interface MisplacedRecords {
  from: Contact;
  to: Contact;
  records: LoggedRecords;
}

export type ChoiceResult =
  | { kind: 'shown'; misplaced?: MisplacedRecords }
  /** Confirming found several stored contacts with the page's email or number: choose one. */
  | { kind: 'asked' };

const anything = (r: LoggedRecords) => r.notes + r.attempts + r.tasks > 0 || r.plan;

/** Whoever the panel showed for this record before the rep corrected it. */
async function wrongPerson(doubt: TabDoubt): Promise<Contact | undefined> {
  if (doubt.shownId) return contactById(doubt.shownId);
  const { snapshot } = doubt;
  return snapshot ? contactOfRecord(identityKey(snapshot.site, snapshot.recordId)) : undefined;
}

/** The rep says the tab shows `contactId`: remembered for the record, shown at once. */
export async function chooseContact(
  tabId: number,
  doubt: TabDoubt,
  contactId: string,
  now = Date.now(),
): Promise<ChoiceResult> {
  if (doubt.record) await rememberChoice(doubt.record, contactId, now);
  // Shown before the question goes: the panel never falls back to nobody, or to the doubt.
  await tabState.contact.set(tabId, {
    contactId,
    ...(doubt.snapshot ? { snapshot: doubt.snapshot } : {}),
    ...(doubt.record ? { record: doubt.record } : {}),
  });
  await tabState.doubt.remove(tabId);
  const [from, to] = [await wrongPerson(doubt), await contactById(contactId)];
  if (!from || !to || from.id === to.id) return { kind: 'shown' };
  const records = await loggedRecords(from.id);
  return anything(records)
    ? { kind: 'shown', misplaced: { from, to, records } }
    : { kind: 'shown' };
}

/** "Confirm": the person asked about is right. */
export async function confirmDoubt(tabId: number, doubt: TabDoubt): Promise<ChoiceResult> {
  if (doubt.shownId) return chooseContact(tabId, doubt, doubt.shownId);
  if (!doubt.snapshot) throw new WriteRefused({ kind: 'no-person-to-store', why: 'shared-key' });
  const stored = await storeSnapshot(doubt.snapshot);
  if (stored.kind === 'stored') return chooseContact(tabId, doubt, stored.contact.id);
  await tabState.doubt.set(tabId, {
    ...doubt,
    candidateIds: stored.contacts.map((c) => c.id),
    why: sharedKeyDoubt(stored.by, stored.contacts.length),
  });
  return { kind: 'asked' };
}

/** Someone else the page shows is the right person: found by email or phone, or created. */
export async function choosePerson(
  tabId: number,
  doubt: TabDoubt,
  person: PersonOnPage,
): Promise<ChoiceResult> {
  const contact = await contactForPerson(person);
  return chooseContact(tabId, doubt, contact.id);
}

/** "Not <name>?": the same choice, asked about the contact the tab shows now. */
export async function doubtShownContact(tabId: number, shown: Contact): Promise<void> {
  const current = await tabState.contact.get(tabId);
  const snapshot = current?.contactId === shown.id ? current.snapshot : undefined;
  const record =
    current?.record ?? (snapshot ? identityKey(snapshot.site, snapshot.recordId) : undefined);
  await tabState.doubt.set(tabId, {
    name: shown.name,
    ...(record ? { record } : {}),
    ...(snapshot ? { snapshot } : {}),
    candidateIds: [],
    shownId: shown.id,
    why: `You said this may not be ${shown.name}. Pick the right person: it is remembered for this page.`,
  });
}

/** None of the stored contacts who share the email or number: the page's person is new. */
export async function chooseNewContact(tabId: number, doubt: TabDoubt): Promise<ChoiceResult> {
  if (!doubt.snapshot)
    throw new WriteRefused({ kind: 'no-person-to-store', why: 'nothing-on-page' });
  const contact = await storeSnapshotAs(doubt.snapshot, 'new');
  return chooseContact(tabId, doubt, contact.id);
}
