import type { Contact, ContactMerge, ContactSnapshot } from '../model';
import { database } from './schema';
import { identityKey, normalizeEmail, normalizePhone } from './identity';
import { matchIdentity, type IdentityMatch, type Seen, type WeakKey } from './identity-match';
import { stageMovedForward } from '../model/stages';
import { LIST_LIMITS, capList } from '../model/limits';
import { cleanRecord } from '../transfer/records';
import { WriteRefused } from './errors';

/** The values the decision needs of a snapshot, normalised. */
export function seenOf(snapshot: ContactSnapshot): Seen {
  return {
    name: snapshot.name,
    identityKey: identityKey(snapshot.site, snapshot.recordId),
    email: snapshot.email ? normalizeEmail(snapshot.email) : undefined,
    phone: snapshot.phone ? normalizePhone(snapshot.phone) || undefined : undefined,
  };
}

/** Every stored contact holding one of the values seen, by index (lib/db/identity-match). */
async function lookUp(seen: Seen): Promise<IdentityMatch<Contact>> {
  const contacts = database().contacts;
  const all = (index: string, value: string | undefined) =>
    value ? contacts.where(index).equals(value).toArray() : Promise.resolve([]);
  const [identity, email, phone] = await Promise.all([
    all('identityKeys', seen.identityKey),
    all('emails', seen.email),
    all('phones', seen.phone),
  ]);
  const found = { identity, email, phone };
  return matchIdentity(seen, (index) => found[index]);
}

/** Finds the stored contact a page shows: by CRM identity, then email, then phone, by the
 *  rules of lib/db/identity-match. Undefined when it is no one stored, or when several stored
 *  contacts could be meant (see storeSnapshot, which says so). */
export async function findContactForSnapshot(
  snapshot: ContactSnapshot,
): Promise<{ contact: Contact; by: 'identity' | 'email' | 'phone' } | undefined> {
  const match = await lookUp(seenOf(snapshot));
  return match.kind === 'same' ? { contact: match.contact, by: match.by } : undefined;
}

/** A stage change seen on the contact's own CRM record counts as the deal advancing when the
 *  stage ladders (lib/model/stages) read it as a move forward (never to "Closed Lost", "Bad Fit" and the like). */
function advancedBy(
  contact: Contact,
  snapshot: ContactSnapshot,
  sameRecord: boolean,
  now: number,
): number | undefined {
  return sameRecord && stageMovedForward(contact.stage, snapshot.stage) ? now : undefined;
}

/** `list` with `value` added, kept to `max`: the first (shown) value and the newest. */
function withValue(list: string[], value: string | undefined, max: number): string[] {
  return value && !list.includes(value) ? capList([...list, value], max) : list;
}

/** The contact in the one shape every stored record has (lib/transfer/records): a page's
 *  link that is not https on its site, or a zone this browser does not know, is not kept,
 *  so the contact's backup imports back uncut. */
export function storableContact(contact: Contact): Contact {
  const checked = cleanRecord('contacts', contact);
  if (!checked.ok)
    throw new WriteRefused({ kind: 'invalid-record', record: 'contact', problem: checked.problem });
  return checked.record as unknown as Contact;
}

/** What the page adds to a stored contact. Values never overwrite one another: a second
 *  email or phone is kept beside the first. Name, company and title follow the record
 *  itself, but a different site's page only fills what is missing. */
export function mergeSnapshot(
  contact: Contact,
  snapshot: ContactSnapshot,
  sameRecord: boolean,
  now: number,
): Contact {
  const key = identityKey(snapshot.site, snapshot.recordId);
  const identities = contact.identityKeys.includes(key)
    ? contact.identities.map((i) =>
        identityKey(i.site, i.recordId) === key ? { ...i, url: snapshot.url } : i,
      )
    : capList(
        [
          ...contact.identities,
          { site: snapshot.site, recordId: snapshot.recordId, url: snapshot.url },
        ],
        LIST_LIMITS.identities,
      );
  const pick = (stored: string | undefined, seen: string | undefined) =>
    sameRecord ? (seen ?? stored) : (stored ?? seen);
  return {
    ...contact,
    name: sameRecord || !contact.name ? snapshot.name : contact.name,
    company: pick(contact.company, snapshot.company),
    title: pick(contact.title, snapshot.title),
    timeZone: pick(contact.timeZone, snapshot.timeZone),
    stage: pick(contact.stage, snapshot.stage),
    advancedAt: contact.advancedAt ?? advancedBy(contact, snapshot, sameRecord, now),
    emails: withValue(
      contact.emails,
      snapshot.email && normalizeEmail(snapshot.email),
      LIST_LIMITS.emails,
    ),
    phones: withValue(
      contact.phones,
      snapshot.phone && normalizePhone(snapshot.phone),
      LIST_LIMITS.phones,
    ),
    identities,
    identityKeys: identities.map((i) => identityKey(i.site, i.recordId)),
    updatedAt: now,
  };
}

/** `after` with a note of what a join by `key` brought to `before` (see Contact.merges), so
 *  the rep can split it off again. A join that brought nothing new is not noted. */
export function recordMerge(
  before: Contact,
  after: Contact,
  join: { key: WeakKey; value: string; name?: string },
  now: number,
): Contact {
  const identity = after.identityKeys.find((k) => !before.identityKeys.includes(k));
  const emails = after.emails.filter((e) => !before.emails.includes(e));
  const phones = after.phones.filter((p) => !before.phones.includes(p));
  if (!identity && !emails.length && !phones.length) return after;
  const merge: ContactMerge = {
    key: join.key,
    value: join.value,
    ...(identity ? { identity } : {}),
    ...(emails.length ? { emails } : {}),
    ...(phones.length ? { phones } : {}),
    ...(join.name ? { name: join.name } : {}),
    at: now,
  };
  // The newest joins are the ones a rep may still want to split off.
  return { ...after, merges: [...(before.merges ?? []), merge].slice(-LIST_LIMITS.merges) };
}

/** A contact as first stored from a CRM record (a page, or a CRM's CSV row). */
export function contactFromSnapshot(snapshot: ContactSnapshot, now: number): Contact {
  return {
    id: crypto.randomUUID(),
    name: snapshot.name,
    emails: snapshot.email ? [normalizeEmail(snapshot.email)] : [],
    phones: snapshot.phone ? [normalizePhone(snapshot.phone)] : [],
    company: snapshot.company,
    title: snapshot.title,
    timeZone: snapshot.timeZone,
    stage: snapshot.stage,
    identities: [{ site: snapshot.site, recordId: snapshot.recordId, url: snapshot.url }],
    identityKeys: [identityKey(snapshot.site, snapshot.recordId)],
    createdAt: now,
    updatedAt: now,
  };
}

/** The contact a page's person becomes: merged into the one found (a join by email or phone
 *  is noted, for Split), or new. Call inside a transaction on contacts. */
async function storeMatched(
  snapshot: ContactSnapshot,
  match: IdentityMatch<Contact>,
  now: number,
): Promise<Contact> {
  if (match.kind !== 'same') {
    const contact = storableContact(contactFromSnapshot(snapshot, now));
    await database().contacts.add(contact);
    return contact;
  }
  const { contact: found, by } = match;
  let contact = mergeSnapshot(found, snapshot, by === 'identity', now);
  if (by !== 'identity') {
    const value = seenOf(snapshot)[by]!;
    contact = recordMerge(found, contact, { key: by, value, name: snapshot.name }, now);
  }
  contact = storableContact(contact);
  await database().contacts.put(contact);
  return contact;
}

/** Stores what a CRM page shows and returns the contact it belongs to. Where several stored
 *  contacts could be meant it guesses none of them: the page's person is stored on its own
 *  (storeSnapshot lets the rep choose instead). */
export async function upsertContactFromSnapshot(
  snapshot: ContactSnapshot,
  now = Date.now(),
): Promise<Contact> {
  const db = database();
  return db.transaction('rw', db.contacts, async () =>
    storeMatched(snapshot, await lookUp(seenOf(snapshot)), now),
  );
}

export interface NewContact {
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
}

/** A contact the rep types in by hand, when the page is not a CRM record. */
export async function createContactByHand(input: NewContact, now = Date.now()): Promise<Contact> {
  const name = input.name.trim();
  if (!name) throw new WriteRefused({ kind: 'empty', field: 'contact-name' });
  const contact: Contact = storableContact({
    id: crypto.randomUUID(),
    name,
    emails: input.email?.trim() ? [normalizeEmail(input.email)] : [],
    phones: input.phone?.trim() ? [normalizePhone(input.phone)] : [],
    company: input.company?.trim() || undefined,
    title: input.title?.trim() || undefined,
    identities: [],
    identityKeys: [],
    createdAt: now,
    updatedAt: now,
  });
  await database().contacts.add(contact);
  return contact;
}

/** Stored contacts whose name, company or email contains the query, best first. */
export async function searchContacts(query: string, limit = 20): Promise<Contact[]> {
  const q = query.trim().toLowerCase();
  const all = database().contacts.orderBy('updatedAt').reverse();
  if (!q) return all.limit(limit).toArray();
  return all
    .filter(
      (c) =>
        c.name.toLowerCase().includes(q) ||
        (c.company ?? '').toLowerCase().includes(q) ||
        c.emails.some((e) => e.includes(q)),
    )
    .limit(limit)
    .toArray();
}

/** What storing a page's person came to: stored (new or merged), or several stored contacts
 *  share the key that would have matched — the rep chooses, nothing is guessed or merged. */
export type StoredSnapshot =
  | { kind: 'stored'; contact: Contact }
  | { kind: 'several'; contacts: Contact[]; by: 'email' | 'phone' };

/** Stores what a page shows, unless the match is ambiguous (then nothing is written). */
export async function storeSnapshot(
  snapshot: ContactSnapshot,
  now = Date.now(),
): Promise<StoredSnapshot> {
  const db = database();
  return db.transaction('rw', db.contacts, async (): Promise<StoredSnapshot> => {
    const match = await lookUp(seenOf(snapshot));
    if (match.kind === 'several') return match;
    return { kind: 'stored', contact: await storeMatched(snapshot, match, now) };
  });
}

/** Whoever has this number, for a dialer or a phone link: one holder, a new contact, or the
 *  several who share it (the rep chooses; nothing is written). A number with a name names
 *  the holder of that name. */
export async function storeNumber(
  phone: string,
  name?: string,
  now = Date.now(),
): Promise<StoredSnapshot> {
  const normalized = normalizePhone(phone);
  const label = name?.trim() || phone.trim();
  if (!normalized) {
    return { kind: 'stored', contact: await createContactByHand({ name: label, phone }, now) };
  }
  const db = database();
  return db.transaction('rw', db.contacts, async (): Promise<StoredSnapshot> => {
    const match = await lookUp({ name: label, phone: normalized });
    if (match.kind === 'several') return match;
    if (match.kind === 'same') return { kind: 'stored', contact: match.contact };
    return { kind: 'stored', contact: await createContactByHand({ name: label, phone }, now) };
  });
}

/** Whoever has this number; a new contact named for the link (or the number) otherwise. Where
 *  several share it, none is guessed: a contact of its own (storeNumber lets the rep choose). */
export async function contactForNumber(
  phone: string,
  name?: string,
  now = Date.now(),
): Promise<Contact> {
  const stored = await storeNumber(phone, name, now);
  if (stored.kind === 'stored') return stored.contact;
  return createContactByHand({ name: name?.trim() || phone.trim(), phone }, now);
}

/** The rep's answer to 'several': the page's person is `contactId` (joined to it, noted for
 *  Split like any join by `by`), or someone new ('new'). One transaction. */
export async function storeSnapshotAs(
  snapshot: ContactSnapshot,
  choice: { contactId: string; by: WeakKey } | 'new',
  now = Date.now(),
): Promise<Contact> {
  const db = database();
  return db.transaction('rw', db.contacts, async () => {
    const chosen = choice === 'new' ? undefined : await db.contacts.get(choice.contactId);
    if (choice !== 'new' && !chosen)
      throw new WriteRefused({ kind: 'gone', record: 'stored-contact' });
    return storeMatched(
      snapshot,
      chosen && choice !== 'new'
        ? { kind: 'same', contact: chosen, by: choice.by }
        : { kind: 'none' },
      now,
    );
  });
}
