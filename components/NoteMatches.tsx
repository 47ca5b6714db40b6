import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contact, Note } from '@/lib/model';
import { NOTES_SHOWN, notesMentioning } from '@/lib/db/notes';
import { searchWords } from '@/lib/db/note-words';
import { useDebouncedValue } from '@/lib/hooks/debounced-value';
import { excerptOf, markedWords } from './marked-words';
import { FOLD_CHARS } from './fold-text';
import { dateLabel } from '@/lib/time/rep-clock';
import { useRepZone } from '@/lib/hooks/rep-zone';

/** Typing pauses this long before notes are searched. */
const NOTE_SEARCH_DELAY_MS = 150;

/**
 * Notes of any contact that mention what the rep typed, grouped by contact: reps often
 * remember what a prospect said better than their name. Picking a note opens its contact.
 */
export function NoteMatches({
  query,
  onPick,
}: {
  query: string;
  onPick: (contactId: string) => void;
}) {
  const headingId = useId();
  const repZone = useRepZone();
  const settled = useDebouncedValue(query.trim(), NOTE_SEARCH_DELAY_MS);
  // Tagged with the query it answers, so its messages never name another query.
  const answer = useLiveQuery(
    async () => ({ query: settled, ...(await notesMentioning(settled, NOTES_SHOWN)) }),
    [settled],
  );
  if (searchWords(query).length === 0 || !answer || searchWords(answer.query).length === 0) {
    return null;
  }
  const message =
    answer.groups.length === 0
      ? `No note mentions “${answer.query}”.`
      : answer.more
        ? 'More notes match — add a word to narrow it.'
        : '';
  return (
    <section className="note-matches" aria-labelledby={headingId}>
      <h2 id={headingId}>Notes that match</h2>
      <ul aria-labelledby={headingId}>
        {answer.groups.map(({ contact, notes }) => (
          <ContactMatches
            key={contact.id}
            contact={contact}
            notes={notes}
            query={answer.query}
            onPick={onPick}
            repZone={repZone}
          />
        ))}
      </ul>
      <p className="hint" role="status">
        {message}
      </p>
    </section>
  );
}

function ContactMatches({
  contact,
  notes,
  query,
  onPick,
  repZone,
}: {
  contact: Contact;
  notes: Note[];
  query: string;
  onPick: (contactId: string) => void;
  repZone: string | undefined;
}) {
  const nameId = useId();
  return (
    <li className="note-match-group">
      <p className="note-match-contact" id={nameId}>
        <strong>{contact.name}</strong>
        {contact.company && <span> · {contact.company}</span>}
      </p>
      <ul aria-labelledby={nameId}>
        {notes.map((note) => (
          <li key={note.id}>
            <NoteMatch
              note={note}
              query={query}
              nameId={nameId}
              repZone={repZone}
              onOpen={() => onPick(contact.id)}
            />
          </li>
        ))}
      </ul>
    </li>
  );
}

function NoteMatch({
  note,
  query,
  nameId,
  repZone,
  onOpen,
}: {
  note: Note;
  query: string;
  nameId: string;
  repZone: string | undefined;
  onOpen: () => void;
}) {
  const ownId = useId();
  return (
    // Named "<contact> <kind> <date> <text>": a screen reader hears whose note it opens.
    <button
      type="button"
      id={ownId}
      className="note-match"
      aria-labelledby={`${nameId} ${ownId}`}
      onClick={onOpen}
    >
      <span className="note-meta">
        <span className={`note-kind kind-${note.kind.replace(' ', '-')}`}>{note.kind}</span>{' '}
        <time dateTime={new Date(note.createdAt).toISOString()}>
          {repZone && dateLabel(note.createdAt, repZone)}
        </time>
      </span>{' '}
      <span className="note-text">
        {excerptOf(markedWords(note.text, query), FOLD_CHARS).map((part, i) =>
          part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
        )}
      </span>
    </button>
  );
}
