import type { Note } from '@/lib/model';

/** One click makes a note the call's specific reference. */
export function ReferencePicker({
  notes,
  pickedId,
  onPick,
}: {
  notes: readonly Note[];
  pickedId: string | undefined;
  onPick: (note: Note) => void;
}) {
  if (notes.length === 0) {
    return <p className="empty">Add a note of something they said to reference it here.</p>;
  }
  return (
    <ul aria-label="Pick a reference" className="reference-picker">
      {notes.map((note) => (
        <li key={note.id}>
          <button
            type="button"
            aria-pressed={note.id === pickedId}
            aria-label={`Use as reference: ${note.text}`}
            onClick={() => onPick(note)}
          >
            <span className="note-kind">{note.kind}</span> {note.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
