import { NOTE_KINDS, type NoteKind } from '@/lib/model';

export function NoteKindSelect({
  value,
  onChange,
  label,
}: {
  value: NoteKind;
  onChange: (kind: NoteKind) => void;
  label: string;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as NoteKind)}>
      {NOTE_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {kind}
        </option>
      ))}
    </select>
  );
}
