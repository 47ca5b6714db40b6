import type { Contact, PersonOnPage } from '../model';
import { database } from './schema';
import { createContactByHand } from './contacts';
import { normalizeEmail, normalizePhone } from './identity';

/** Remembers that `record` (a CRM record or a mail thread) is this contact: the next time the
 *  page shows it, the panel shows them at once, whatever the page's own reading says. */
export async function rememberChoice(
  record: string,
  contactId: string,
  now = Date.now(),
): Promise<void> {
  await database().identityChoices.put({ record, contactId, at: now });
}

/** The contact the rep chose for `record` before, if they still exist. */
export async function chosenContact(record: string): Promise<Contact | undefined> {
  const db = database();
  return db.transaction('r', db.identityChoices, db.contacts, async () => {
    const choice = await db.identityChoices.get(record);
    return choice ? db.contacts.get(choice.contactId) : undefined;
  });
}

const sameName = (a: string, b: string) =>
  a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The stored contact for someone the page shows beside the record's subject (a cc'd party, an
 * association card): the holder of their email or number who has their name, else the one
 * holder of their email; else a new contact. A number alone never names someone of another
 * name: switchboards are shared.
 */
export async function contactForPerson(person: PersonOnPage, now = Date.now()): Promise<Contact> {
  const db = database();
  const byEmail = person.email
    ? await db.contacts.where('emails').equals(normalizeEmail(person.email)).toArray()
    : [];
  const byPhone = person.phone
    ? await db.contacts.where('phones').equals(normalizePhone(person.phone)).toArray()
    : [];
  const named = [...byEmail, ...byPhone].find((c) => sameName(c.name, person.name));
  const found = named ?? (byEmail.length === 1 ? byEmail[0] : undefined);
  return found ?? createContactByHand(person, now);
}

/** The stored contact a record's identity (`${site}:${recordId}`) belongs to, if any. */
export function contactOfRecord(key: string): Promise<Contact | undefined> {
  return database().contacts.where('identityKeys').equals(key).first();
}
