import type { Note } from '@/lib/model';
import { foldedStart } from './fold-text';

/** One click makes a note the call's specific reference; a second click on it un-picks it. */
export function ReferencePicker({
  notes,
  pickedId,
  onPick,
  onUnpick,
}: {
  notes: readonly Note[];
  pickedId: string | undefined;
  onPick: (note: Note) => void;
  onUnpick: () => void;
}) {
  if (notes.length === 0) {
    return <p className="empty">Add a note of something they said to reference it here.</p>;
  }
  return (
    <ul aria-label="Pick a reference" className="reference-picker">
      {notes.map((note) => {
        const picked = note.id === pickedId;
        // A long note is offered by its start: the whole of it is in the notes above.
        const folded = foldedStart(note.text);
        const shown = folded === undefined ? note.text : `${folded} …`;
        return (
          <li key={note.id}>
            <button
              type="button"
              aria-pressed={picked}
              // The name holds what the button shows (its kind, then the note), after what it does.
              aria-label={`Use as reference: ${note.kind} ${shown}`}
              title={picked ? 'Picked as the reference — click again to un-pick' : undefined}
              onClick={() => (picked ? onUnpick() : onPick(note))}
            >
              <span className="note-kind">{note.kind}</span> {shown}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
