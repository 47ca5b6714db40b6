import { Suspense, lazy } from 'react';
import type { Contact } from '@/lib/model';
import { ContactHeader } from './ContactHeader';
import { NotesSection } from './NotesSection';
import { MisplacedRecordsOffer } from './MisplacedRecordsOffer';

// The plan and the rest of the call load after the contact and their notes: the rep reads
// those first, and they need none of the coach.
const CallSections = lazy(() => import('./CallSections'));

/** One contact, in the order of a call: who, what they said, the plan, the voicemail, the
 *  outcome, then what comes next. */
export function ContactView({
  contactId,
  contact,
  tabId,
}: {
  contactId: string;
  /** Undefined while it is read: the notes do not wait for it. */
  contact: Contact | undefined;
  tabId: number | undefined;
}) {
  return (
    <main>
      {contact ? (
        <ContactHeader contact={contact} tabId={tabId} />
      ) : (
        <p className="loading">Loading…</p>
      )}
      <MisplacedRecordsOffer contactId={contactId} />
      <NotesSection contactId={contactId} />
      {contact && (
        <Suspense fallback={<p className="loading">Loading plan…</p>}>
          <CallSections contact={contact} tabId={tabId} />
        </Suspense>
      )}
    </main>
  );
}
