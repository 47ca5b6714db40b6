// "Split": undo a join made earlier by an email or a phone (Contact.merges). The record, the
// addresses and numbers that join brought go back out into a contact of their own; what the
// rep logged since stays where it is. One transaction: both contacts change, or neither.
import type { Contact, ContactMerge } from '../model';
import { database } from './schema';
import { sameContent } from '../transfer/merge';
import { WriteRefused } from './errors';

/** What the rep reads on the menu item: "Split Tom Berg (hubspot record 456)". */
export function splitLabel(merge: ContactMerge): string {
  const who = merge.name?.trim() || merge.value;
  const record = merge.identity
    ? ` (${merge.identity.replace(':', ' record ')})`
    : ` (same ${merge.key} ${merge.value})`;
  return `Split ${who}${record}`;
}

function without(list: readonly string[], gone: readonly string[] | undefined): string[] {
  return gone?.length ? list.filter((v) => !gone.includes(v)) : [...list];
}

/** The joined person as a contact of their own: the record the join brought, its values,
 *  and the shared key (both keep it; a key two people hold merges no one after this). */
function splitOff(merge: ContactMerge, from: Contact, now: number): Contact {
  const identities = from.identities.filter((i) => merge.identity === `${i.site}:${i.recordId}`);
  const emails = [...(merge.key === 'email' ? [merge.value] : []), ...(merge.emails ?? [])];
  const phones = [...(merge.key === 'phone' ? [merge.value] : []), ...(merge.phones ?? [])];
  return {
    id: crypto.randomUUID(),
    name: merge.name?.trim() || merge.value,
    emails: [...new Set(emails)],
    phones: [...new Set(phones)],
    identities,
    identityKeys: identities.map((i) => `${i.site}:${i.recordId}`),
    createdAt: now,
    updatedAt: now,
  };
}

/** Splits `join` (one of the contact's merges, as the rep saw it) off `contactId`; returns the
 *  new contact. */
export async function splitMerge(
  contactId: string,
  join: ContactMerge,
  now = Date.now(),
): Promise<Contact> {
  const db = database();
  return db.transaction('rw', db.contacts, async () => {
    const contact = await db.contacts.get(contactId);
    const merge = contact?.merges?.find((m) => sameContent(m, join));
    if (!contact || !merge) throw new WriteRefused({ kind: 'gone', record: 'merge' });
    const separate = splitOff(merge, contact, now);
    const kept: Contact = {
      ...contact,
      emails: without(contact.emails, merge.emails),
      phones: without(contact.phones, merge.phones),
      identities: contact.identities.filter((i) => merge.identity !== `${i.site}:${i.recordId}`),
      identityKeys: without(contact.identityKeys, merge.identity ? [merge.identity] : []),
      merges: contact.merges!.filter((m) => m !== merge),
      updatedAt: now,
    };
    await db.contacts.put(kept);
    await db.contacts.add(separate);
    return separate;
  });
}
