import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { searchContacts } from '@/lib/db/contacts';
import { NoteMatches } from './NoteMatches';

/** Find a stored contact by name, company, email or something they said. */
export function StoredContactSearch({ onPick }: { onPick: (contactId: string) => void }) {
  const [query, setQuery] = useState('');
  const matches = useLiveQuery(() => searchContacts(query), [query]);
  return (
    <>
      <input
        type="search"
        aria-label="Search contacts"
        placeholder="Name, company, email or a word from a note"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {matches && matches.length === 0 && (
        <p className="empty">
          {query ? `No name, company or email matches “${query}”.` : 'No contacts stored yet.'}
        </p>
      )}
      <ul aria-label="Stored contacts">
        {matches?.map((c) => (
          <li key={c.id}>
            <button type="button" className="contact-choice" onClick={() => onPick(c.id)}>
              <strong>{c.name}</strong>
              {c.company && <span> · {c.company}</span>}
            </button>
          </li>
        ))}
      </ul>
      <NoteMatches query={query} onPick={onPick} />
    </>
  );
}
