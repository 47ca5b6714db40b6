import { Suspense, lazy, startTransition, useCallback, useState } from 'react';
import type { Contact } from '@/lib/model';
import { ContactHeader } from './ContactHeader';
import { NotesSection } from './NotesSection';
import { MisplacedRecordsOffer } from './MisplacedRecordsOffer';
import { PartBoundary } from './PartBoundary';
import { possessive } from './part-names';

// The plan and the rest of the call load after the contact and their notes are shown: the
// rep reads those first, and they need none of the coach. Their reads (every attempt, the
// notes again) wait too, so a contact with a long history shows its notes as fast as any.
const CallSections = lazy(() => import('./CallSections'));

/** One contact, in the order of a call: before it, who, what they said and the plan; during
 *  it, the call and the voicemail on top; the outcome buttons always at hand at the bottom. Each part fails on its own (PartBoundary): a record one
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
  const [notesShown, setNotesShown] = useState(false);
  const onNotesShown = useCallback(() => setNotesShown(true), []);
  // During a call, the call's parts (CallSections) are shown here, above everything else.
  const [duringCall, setDuringCall] = useState<HTMLDivElement | null>(null);
  // Not urgent: set as the view is first committed, an urgent update would draw the view again
  // (and run every note's effects) before the browser could show the notes.
  const placeDuringCall = useCallback(
    (top: HTMLDivElement | null) => startTransition(() => setDuringCall(top)),
    [],
  );
  return (
    <main>
      <div ref={placeDuringCall} className="during-call" />
      <PartBoundary what={`${whose} name and contact details`} contactId={contactId}>
        {contact ? (
          <ContactHeader contact={contact} tabId={tabId} withTheirTime={notesShown} />
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
      {/* Notes that cannot be shown still let the plan load after them. */}
      <PartBoundary what={`${whose} notes`} contactId={contactId} onFailed={onNotesShown}>
        <NotesSection contactId={contactId} onShown={onNotesShown} />
      </PartBoundary>
      {contact && notesShown && (
        <PartBoundary what={`${whose} call plan and outcome buttons`} contactId={contactId}>
          <Suspense fallback={<p className="loading">Loading plan…</p>}>
            <CallSections contact={contact} tabId={tabId} duringCall={duringCall} />
          </Suspense>
        </PartBoundary>
      )}
    </main>
  );
}
