import { useState } from 'react';
import type { Contact } from '@/lib/model';
import { doubtShownContact } from '@/lib/actions/identity-choice';
import { describeWriteError } from '@/lib/db/errors';
import { WriteError } from './WriteError';

/** "Not <name>?": the rep says the page is someone else; the panel asks who. */
export function NotThisPersonButton({ contact, tabId }: { contact: Contact; tabId: number }) {
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        className="not-this-person"
        onClick={() =>
          doubtShownContact(tabId, contact).then(
            () => setError(undefined),
            (e: unknown) => setError(describeWriteError(e)),
          )
        }
      >
        Not {contact.name}?
      </button>
      <WriteError message={error} />
    </>
  );
}
