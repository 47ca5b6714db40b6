import { memo, useState } from 'react';
import type { Note, NoteKind } from '@/lib/model';
import { TEXT_LIMITS } from '@/lib/model/limits';
import { deleteNote, editNote } from '@/lib/db/notes';
import { useWrite } from '@/lib/hooks/use-write';
import { FoldedText } from './FoldedText';
import { NoteKindSelect } from './NoteKindSelect';
import { WriteError } from './WriteError';
import { dateLabel } from '@/lib/time/rep-clock';

interface NoteItemProps {
  note: Note;
  repZone: string | undefined;
}

/** The same note on the same clock: each read of the notes answers new objects, and a list of
 *  200 drawn again for nothing holds up what the panel shows next. */
const sameNote = (a: NoteItemProps, b: NoteItemProps) =>
  a.repZone === b.repZone &&
  a.note.id === b.note.id &&
  a.note.kind === b.note.kind &&
  a.note.text === b.note.text &&
  a.note.createdAt === b.note.createdAt;

/** One note: its kind, when it was taken, the text (folded when long); editable and deletable
 *  in place. */
export const NoteItem = memo(function NoteItem({ note, repZone }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [kind, setKind] = useState<NoteKind>(note.kind);
  const { run, busy, error } = useWrite();

  const save = () =>
    run(() => editNote(note.id, { text, kind }), { onDone: () => setEditing(false) });
  const remove = () => run(() => deleteNote(note.id));

  if (editing) {
    return (
      <li className="note editing">
        <NoteKindSelect label="Edit note kind" value={kind} onChange={setKind} />
        <textarea
          aria-label="Edit note"
          maxLength={TEXT_LIMITS.note}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="row">
          <button type="button" onClick={() => void save()} disabled={!text.trim() || busy}>
            Save note
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
        <WriteError message={error} />
      </li>
    );
  }
  return (
    <li className="note">
      <p className="note-meta">
        <span className={`note-kind kind-${note.kind.replace(' ', '-')}`}>{note.kind}</span>{' '}
        <time dateTime={new Date(note.createdAt).toISOString()}>
          {repZone && dateLabel(note.createdAt, repZone)}
        </time>
      </p>
      <FoldedText className="note-text" text={note.text} />
      <div className="row">
        <button
          type="button"
          className="link"
          aria-label={`Edit note: ${note.text.slice(0, 40)}`}
          onClick={() => {
            setText(note.text);
            setKind(note.kind);
            setEditing(true);
          }}
        >
          Edit
        </button>
        <button
          type="button"
          className="link"
          aria-label={`Delete note: ${note.text.slice(0, 40)}`}
          disabled={busy}
          onClick={() => void remove()}
        >
          Delete
        </button>
      </div>
      <WriteError message={error} />
    </li>
  );
}, sameNote);
