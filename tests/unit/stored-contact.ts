import type { Contact } from '../../lib/model';

/** A stored contact with nothing known but a name; tests add what they are about. */
export function storedContact(extra: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    name: 'Maria Lopez',
    emails: [],
    phones: [],
    identities: [],
    identityKeys: [],
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}
