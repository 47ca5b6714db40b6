import type { Contact } from '@/lib/model';
import { doubtShownContact } from '@/lib/actions/identity-choice';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';

/** "Not <name>?": the rep says the page is someone else; the panel asks who. */
export function NotThisPersonButton({ contact, tabId }: { contact: Contact; tabId: number }) {
  const { run, busy, error } = useWrite();
  return (
    <>
      <button
        type="button"
        className="not-this-person"
        disabled={busy}
        onClick={() => void run(() => doubtShownContact(tabId, contact))}
      >
        Not {contact.name}?
      </button>
      <WriteError message={error} />
    </>
  );
}
