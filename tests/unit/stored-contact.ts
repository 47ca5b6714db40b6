import type { Contact } from '../../lib/model';
import { contactWithNothingKnown } from '../../lib/model/contact';

/** A stored contact with nothing known but a name; tests add what they are about. */
export function storedContact(extra: Partial<Contact> = {}): Contact {
  return { ...contactWithNothingKnown('c1'), name: 'Maria Lopez', ...extra };
}
