import type { Contact } from '@/lib/model';
import { browserZone, useNow } from '@/lib/stores/now';
import { useContactRecords, useRepSettings } from '@/lib/stores/contact-records';
import { CallPlan } from './CallPlan';
import { ContactHeader } from './ContactHeader';
import { NotesSection } from './NotesSection';
import { RepDetailsHint } from './RepDetailsHint';

/** One contact: who they are, what they said, and the plan for the next call. */
export function ContactView({ contact }: { contact: Contact }) {
  const records = useContactRecords(contact.id);
  const rep = useRepSettings();
  const now = useNow();
  return (
    <main>
      <ContactHeader contact={contact} />
      <NotesSection contactId={contact.id} />
      {rep === null && <RepDetailsHint />}
      {records && rep !== undefined && (
        <CallPlan
          input={{
            contact,
            notes: records.notes,
            attempts: records.attempts,
            tasks: records.openTasks,
            rep: rep ?? undefined,
            now,
            repZone: rep?.timeZone || browserZone(),
          }}
        />
      )}
    </main>
  );
}
