import type { Contact } from './index';

/** A stored contact with nothing known but its id: every required field at its empty value.
 *  What the Insights report reads for an attempt whose contact was deleted, and what tests build
 *  on (tests/unit/stored-contact.ts). */
export function contactWithNothingKnown(id: string): Contact {
  return {
    id,
    name: '',
    emails: [],
    phones: [],
    identities: [],
    identityKeys: [],
    createdAt: 0,
    updatedAt: 0,
  };
}
