import { useEffect, useState } from 'react';
import type { NoteKind } from '@/lib/model';
import { TEXT_LIMITS } from '@/lib/model/limits';
import { addNote } from '@/lib/db/notes';
import { useLiveNotes } from '@/lib/hooks/first-screen';
import { useWrite } from '@/lib/hooks/use-write';
import { FoldableSection } from './FoldableSection';
import { useRepZone } from '@/lib/hooks/rep-zone';
import { NoteItem } from './NoteItem';
import { NoteKindSelect } from './NoteKindSelect';
import { WriteError } from './WriteError';

/** What the prospect said, kept so the next call can point back to it. */
export function NotesSection({
  contactId,
  onShown,
}: {
  contactId: string;
  /** Called once the notes are on screen (after the commit that shows them). */
  onShown?: () => void;
}) {
  const notes = useLiveNotes(contactId);
  const loaded = notes !== undefined;
  // Undefined while the settings load: a note's day waits for the rep's clock (a moment on
  // the machine's clock first would change under the rep's eyes).
  const repZone = useRepZone();
  useEffect(() => {
    if (loaded) onShown?.();
  }, [loaded, onShown]);
  return (
    <FoldableSection part="notes" title="Notes" className="notes" headingId="notes-heading">
      {notes && notes.length === 0 && (
        <p className="empty">
          No notes yet. Write down what they said: a pain, a number, a deadline.
        </p>
      )}
      <ul aria-label="Notes">
        {notes?.map((note) => (
          <NoteItem key={note.id} note={note} repZone={repZone} />
        ))}
      </ul>
      <NoteComposer contactId={contactId} />
    </FoldableSection>
  );
}

/** The new note being typed. Its own component: a keystroke re-renders the box alone, never
 *  the list of notes above it. The text is indexed for search once, when it is saved. */
function NoteComposer({ contactId }: { contactId: string }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>('pain point');
  const { run, busy, error } = useWrite();

  const add = () => run(() => addNote(contactId, kind, text), { onDone: () => setText('') });

  return (
    <>
      <form
        className="note-composer"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void add();
        }}
      >
        <NoteKindSelect label="Note kind" value={kind} onChange={setKind} />
        <textarea
          aria-label="New note"
          maxLength={TEXT_LIMITS.note}
          placeholder="e.g. Team spends 15 hours a week on manual data entry"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) void add();
          }}
        />
        <button type="submit" disabled={!text.trim() || busy}>
          Add note
        </button>
      </form>
      <WriteError message={error} />
    </>
  );
}
