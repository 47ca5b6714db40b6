import { Suspense, lazy, useCallback, useState } from 'react';
import type { Contact } from '@/lib/model';
import { ContactHeader } from './ContactHeader';
import { NotesSection } from './NotesSection';
import { MisplacedRecordsOffer } from './MisplacedRecordsOffer';

// The plan and the rest of the call load after the contact and their notes are shown: the
// rep reads those first, and they need none of the coach. Their reads (every attempt, the
// notes again) wait too, so a contact with a long history shows its notes as fast as any.
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
  const [notesShown, setNotesShown] = useState(false);
  const onNotesShown = useCallback(() => setNotesShown(true), []);
  return (
    <main>
      {contact ? (
        <ContactHeader contact={contact} tabId={tabId} />
      ) : (
        <p className="loading">Loading…</p>
      )}
      <MisplacedRecordsOffer contactId={contactId} />
      <NotesSection contactId={contactId} onShown={onNotesShown} />
      {contact && notesShown && (
        <Suspense fallback={<p className="loading">Loading plan…</p>}>
          <CallSections contact={contact} tabId={tabId} />
        </Suspense>
      )}
    </main>
  );
}
