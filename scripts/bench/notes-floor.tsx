// The floor of "side panel opened → notes visible": the least a React + Dexie page can do to
// show a contact's notes — open the database, one live query, one list. Nothing else loads.
// With `fold`, each note shows its first `fold` characters: the least a page can do to show
// long notes folded, as the panel does.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { BARE_DB_NAME } from './notes-floor-name';

interface BareNote {
  id: string;
  kind: string;
  text: string;
  createdAt: number;
}

// No declared version: Dexie opens the existing database as it is, and knows its tables
// once it is open.
const db = new Dexie(BARE_DB_NAME);
let opened: Promise<Dexie> | undefined;

function BareNotes({ contactId, fold }: { contactId: string; fold?: number }) {
  const notes = useLiveQuery(
    async () =>
      (await (opened ??= db.open()))
        .table<BareNote>('notes')
        .where('[contactId+createdAt]')
        .between([contactId, -Infinity], [contactId, Infinity])
        .reverse()
        .toArray(),
    [contactId],
  );
  return (
    <ul aria-label="Notes">
      {notes?.map((note) => (
        <li key={note.id}>
          <strong>{note.kind}</strong>{' '}
          <p>{fold && note.text.length > fold ? `${note.text.slice(0, fold)} …` : note.text}</p>
        </li>
      ))}
    </ul>
  );
}

export function mountNotesFloor(root: HTMLElement, contactId: string, fold?: number): void {
  createRoot(root).render(
    <StrictMode>
      <BareNotes contactId={contactId} fold={fold} />
    </StrictMode>,
  );
}
