import { Suspense, lazy } from 'react';
import type { Contact } from '@/lib/model';
import { ContactHeader } from './ContactHeader';
import { NotesSection } from './NotesSection';
import { MisplacedRecordsOffer } from './MisplacedRecordsOffer';
import { PartBoundary } from './PartBoundary';
import { possessive } from './part-names';

// The plan and the rest of the call load after the contact and their notes: the rep reads
// those first, and they need none of the coach.
const CallSections = lazy(() => import('./CallSections'));

/** One contact, in the order of a call: who, what they said, the plan, the voicemail, the
 *  outcome, then what comes next. Each part fails on its own (PartBoundary): a record one
 *  of them cannot show leaves the others working. */
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
  const whose = possessive(contact?.name);
  return (
    <main>
      <PartBoundary what={`${whose} name and contact details`} contactId={contactId}>
        {contact ? (
          <ContactHeader contact={contact} tabId={tabId} />
        ) : (
          <p className="loading">Loading…</p>
        )}
      </PartBoundary>
      <PartBoundary
        what={`records logged on someone else that may be ${whose}`}
        contactId={contactId}
      >
        <MisplacedRecordsOffer contactId={contactId} />
      </PartBoundary>
      <PartBoundary what={`${whose} notes`} contactId={contactId}>
        <NotesSection contactId={contactId} />
      </PartBoundary>
      {contact && (
        <PartBoundary what={`${whose} call plan and outcome buttons`} contactId={contactId}>
          <Suspense fallback={<p className="loading">Loading plan…</p>}>
            <CallSections contact={contact} tabId={tabId} />
          </Suspense>
        </PartBoundary>
      )}
    </main>
  );
}
