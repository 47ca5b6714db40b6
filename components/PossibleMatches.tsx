import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { contactById } from '@/lib/db/contact-by-id';
import type { Contact } from '@/lib/model';
import { usePhoneDisplay } from './phone-display';

/** Stored contacts who share the page's email or number: the rep says which one it is. */
export function PossibleMatches({
  ids,
  disabled,
  onPick,
}: {
  ids: string[];
  disabled: boolean;
  onPick: (contactId: string) => void;
}) {
  const headingId = useId();
  const showPhone = usePhoneDisplay();
  const contacts = useLiveQuery(
    async () => (await Promise.all(ids.map((id) => contactById(id)))).filter(isContact),
    [ids.join(',')],
  );
  return (
    <>
      <h2 id={headingId}>Stored contacts who share it</h2>
      <ul aria-labelledby={headingId}>
        {contacts?.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="contact-choice"
              disabled={disabled}
              onClick={() => onPick(c.id)}
            >
              <strong>{c.name}</strong>
              {[c.company, c.emails[0], c.phones[0] && showPhone(c.phones[0])]
                .filter(Boolean)
                .map((detail) => ` · ${detail}`)
                .join('')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

const isContact = (c: Contact | undefined): c is Contact => c !== undefined;
