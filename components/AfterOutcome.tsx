import { useEffect, useState } from 'react';
import { format } from 'date-fns';
import { OUTCOME_LABELS, type Attempt, type Task } from '@/lib/model';
import { noteOnAttempt } from '@/lib/db/outcomes';
import { undoOutcome } from '@/lib/actions/call-outcomes';
import { describeWriteError } from '@/lib/db/errors';
import { useLastOutcome } from '@/lib/stores/outcome-undo';
import { WriteError } from './WriteError';

/** Right after a click: what was logged, Undo for a few seconds, and an optional note. */
export function AfterOutcome({ contactId }: { contactId: string }) {
  const last = useLastOutcome((s) => s.last);
  if (!last || last.attempt.contactId !== contactId) return null;
  // Keyed by attempt: each new outcome starts with a fresh Undo and an empty note.
  return <LoggedOutcome key={last.attempt.id} {...last} />;
}

function LoggedOutcome({
  attempt,
  task,
  undoUntil,
}: {
  attempt: Attempt;
  task: Task | null;
  undoUntil: number;
}) {
  const forget = useLastOutcome((s) => s.forget);
  const [canUndo, setCanUndo] = useState(true);
  const [note, setNote] = useState('');
  const [noteSaved, setNoteSaved] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const timer = setTimeout(() => setCanUndo(false), Math.max(0, undoUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [undoUntil]);

  const next = task
    ? `Next follow-up: ${format(task.dueAt, 'EEE d MMM, HH:mm')} (${task.channel}).`
    : 'No follow-up scheduled.';
  return (
    <div className="after-outcome">
      <p role="status">
        Logged {OUTCOME_LABELS[attempt.outcome]}. {next}
      </p>
      {canUndo && (
        <button
          type="button"
          onClick={() =>
            undoOutcome(attempt.id).then(forget, (e: unknown) => setError(describeWriteError(e)))
          }
        >
          Undo
        </button>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          noteOnAttempt(attempt.id, note).then(
            () => setNoteSaved(true),
            (err: unknown) => setError(describeWriteError(err)),
          );
        }}
      >
        <label className="field grow">
          What was said
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" disabled={!note.trim()}>
          Save call note
        </button>
        {noteSaved && <span role="status">Note saved.</span>}
      </form>
      <WriteError message={error} />
    </div>
  );
}
