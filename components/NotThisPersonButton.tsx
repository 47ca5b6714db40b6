import type { Contact } from '@/lib/model';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';

/** Loaded on the click: the identity rules and the phone library are not needed to show a
 *  contact. */
async function doubtShown(tabId: number, contact: Contact): Promise<void> {
  const { doubtShownContact } = await import('@/lib/actions/identity-choice');
  await doubtShownContact(tabId, contact);
}

/** "Not <name>?": the rep says the page is someone else; the panel asks who. */
export function NotThisPersonButton({ contact, tabId }: { contact: Contact; tabId: number }) {
  const { run, busy, error } = useWrite();
  return (
    <>
      <button
        type="button"
        className="not-this-person"
        disabled={busy}
        onClick={() => void run(() => doubtShown(tabId, contact))}
      >
        Not {contact.name}?
      </button>
      <WriteError message={error} />
    </>
  );
}
