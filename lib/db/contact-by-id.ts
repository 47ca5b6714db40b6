import type { Contact } from '../model';
import { database } from './schema';

/** One stored contact. Apart from lib/db/contacts so that what only reads a contact (the side
 *  panel as it opens) does not load the phone-number library that writing one needs. */
export function contactById(id: string): Promise<Contact | undefined> {
  return database().contacts.get(id);
}
