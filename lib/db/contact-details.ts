import type { Contact } from '../model';
import { createContactByHand, type NewContact } from './contacts';
import { database } from './schema';
import { WriteRefused } from './errors';

/** The zone must be one the browser can read a clock in, or every time shown would be wrong. */
function checkedZone(zone: string | undefined): string | undefined {
  const trimmed = zone?.trim();
  if (!trimmed) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: trimmed });
  } catch {
    throw new WriteRefused({ kind: 'invalid-zone', typed: trimmed });
  }
  return trimmed;
}

/**
 * The rep sets (or, with undefined, clears) the prospect's time zone. A set zone is the
 * rep's word and wins over any guess from the phone number.
 */
export async function setContactTimeZone(
  contactId: string,
  zone: string | undefined,
  now = Date.now(),
): Promise<void> {
  const timeZone = checkedZone(zone);
  const db = database();
  await db.transaction('rw', db.contacts, async () => {
    if (!(await db.contacts.get(contactId)))
      throw new WriteRefused({ kind: 'gone', record: 'contact' });
    // Dexie removes a property set to undefined in an update.
    await db.contacts.update(contactId, { timeZone, updatedAt: now });
  });
}

/** A contact typed in by hand with the zone the rep chose, in one write. */
export async function createContactWithZone(
  input: NewContact & { timeZone?: string },
  now = Date.now(),
): Promise<Contact> {
  const { timeZone: zone, ...fields } = input;
  const timeZone = checkedZone(zone);
  const db = database();
  return db.transaction('rw', db.contacts, async () => {
    const contact = await createContactByHand(fields, now);
    if (timeZone === undefined) return contact;
    await db.contacts.update(contact.id, { timeZone });
    return { ...contact, timeZone };
  });
}
