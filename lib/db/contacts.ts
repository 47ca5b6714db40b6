import type { Contact, ContactSnapshot } from '../model';
import { database } from './schema';
import { identityKey, normalizeEmail, normalizePhone } from './identity';
import { stageMovedForward } from '../coach/stages';

export { contactById } from './contact-by-id';

/** Finds the stored contact a page shows: by CRM identity, then email, then phone (only where
 *  no email conflicts; among several holders of the number, the one of the same name). */
export async function findContactForSnapshot(
  snapshot: ContactSnapshot,
): Promise<{ contact: Contact; by: 'identity' | 'email' | 'phone' } | undefined> {
  const db = database();
  const byIdentity = await db.contacts
    .where('identityKeys')
    .equals(identityKey(snapshot.site, snapshot.recordId))
    .first();
  if (byIdentity) return { contact: byIdentity, by: 'identity' };
  if (snapshot.email) {
    const byEmail = await db.contacts
      .where('emails')
      .equals(normalizeEmail(snapshot.email))
      .first();
    if (byEmail) return { contact: byEmail, by: 'email' };
  }
  const phone = snapshot.phone ? normalizePhone(snapshot.phone) : '';
  if (!phone) return undefined;
  // A number is often shared (an office line, a switchboard): it names the person only when
  // no email says otherwise. Two different addresses are never the same person.
  const sharing = await db.contacts.where('phones').equals(phone).toArray();
  const candidates = snapshot.email ? sharing.filter((c) => c.emails.length === 0) : sharing;
  const byPhone = candidates.find((c) => c.name === snapshot.name) ?? candidates[0];
  return byPhone ? { contact: byPhone, by: 'phone' } : undefined;
}

/** A stage change seen on the contact's own CRM record counts as the deal advancing when the
 *  coach reads it as a move forward (never to "Closed Lost", "Bad Fit" and the like). */
function advancedBy(
  contact: Contact,
  snapshot: ContactSnapshot,
  sameRecord: boolean,
  now: number,
): number | undefined {
  return sameRecord && stageMovedForward(contact.stage, snapshot.stage) ? now : undefined;
}

function withValue(list: string[], value: string | undefined): string[] {
  return value && !list.includes(value) ? [...list, value] : list;
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
    : [
        ...contact.identities,
        { site: snapshot.site, recordId: snapshot.recordId, url: snapshot.url },
      ];
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
    emails: withValue(contact.emails, snapshot.email && normalizeEmail(snapshot.email)),
    phones: withValue(contact.phones, snapshot.phone && normalizePhone(snapshot.phone)),
    identities,
    identityKeys: contact.identityKeys.includes(key)
      ? contact.identityKeys
      : [...contact.identityKeys, key],
    updatedAt: now,
  };
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

/** Stores what a CRM page shows and returns the contact it belongs to. */
export async function upsertContactFromSnapshot(
  snapshot: ContactSnapshot,
  now = Date.now(),
): Promise<Contact> {
  const db = database();
  return db.transaction('rw', db.contacts, async () => {
    const found = await findContactForSnapshot(snapshot);
    const contact = found
      ? mergeSnapshot(found.contact, snapshot, found.by === 'identity', now)
      : contactFromSnapshot(snapshot, now);
    await db.contacts.put(contact);
    return contact;
  });
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
  if (!name) throw new Error('A contact needs a name.');
  const contact: Contact = {
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
  };
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

/** Whoever has this number; a new contact named for the link (or the number) otherwise. */
export async function contactForNumber(
  phone: string,
  name?: string,
  now = Date.now(),
): Promise<Contact> {
  const normalized = normalizePhone(phone);
  const known = normalized
    ? await database().contacts.where('phones').equals(normalized).first()
    : undefined;
  return known ?? createContactByHand({ name: name?.trim() || phone.trim(), phone }, now);
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
  return { kind: 'stored', contact: await upsertContactFromSnapshot(snapshot, now) };
}

/** Whoever has this number, for a dialer or a phone link: one holder, a new contact, or the
 *  several who share it (the rep chooses). */
export async function storeNumber(
  phone: string,
  name?: string,
  now = Date.now(),
): Promise<StoredSnapshot> {
  return { kind: 'stored', contact: await contactForNumber(phone, name, now) };
}
