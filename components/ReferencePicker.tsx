import type { Note } from '@/lib/model';

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
        return (
          <li key={note.id}>
            <button
              type="button"
              aria-pressed={picked}
              aria-label={`Use as reference: ${note.text}`}
              title={picked ? 'Picked as the reference — click again to un-pick' : undefined}
              onClick={() => (picked ? onUnpick() : onPick(note))}
            >
              <span className="note-kind">{note.kind}</span> {note.text}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
