import { useEffect, useState } from 'react';
import { OUTCOME_LABELS, type Contact } from '@/lib/model';
import { noteOnAttempt } from '@/lib/db/outcomes';
import { undoOutcome } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { useLastOutcome, type LastOutcome } from '@/lib/stores/outcome-undo';
import { MeetingTime } from './MeetingTime';
import { WriteError } from './WriteError';
import { TEXT_LIMITS } from '@/lib/model/limits';
import { momentLabel } from '@/lib/time/rep-clock';

/** Right after a click: what was logged, Undo for a few seconds, an optional note, and for a
 *  booked meeting, its time to put in the queue. */
export function AfterOutcome({ contact, repZone }: { contact: Contact; repZone: string }) {
  const last = useLastOutcome((s) => s.last);
  if (!last || last.attempt.contactId !== contact.id) return null;
  // Keyed by attempt: each new outcome starts with a fresh Undo and an empty note.
  return <LoggedOutcome key={last.attempt.id} {...last} contact={contact} repZone={repZone} />;
}

function LoggedOutcome({
  attempt,
  task,
  undoUntil,
  suggestedMeetingAt,
  contact,
  repZone,
}: LastOutcome & { contact: Contact; repZone: string }) {
  const forget = useLastOutcome((s) => s.forget);
  const [canUndo, setCanUndo] = useState(true);
  const [note, setNote] = useState('');
  const [noteSaved, setNoteSaved] = useState(false);
  const { run, busy, error } = useWrite();

  useEffect(() => {
    const timer = setTimeout(() => setCanUndo(false), Math.max(0, undoUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [undoUntil]);

  const meeting = attempt.outcome === 'meeting-booked';
  const next = task
    ? `Next follow-up: ${momentLabel(task.dueAt, repZone)} (${task.channel}).`
    : meeting
      ? 'No follow-up call: the meeting is the next step.'
      : contact.status === 'closed'
        ? 'No follow-up: the file is closed.'
        : 'No follow-up scheduled.';
  return (
    <div className="after-outcome">
      <p role="status">
        Logged {OUTCOME_LABELS[attempt.outcome]}. {next}
      </p>
      {canUndo && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await undoOutcome(attempt.id);
              forget();
            })
          }
        >
          Undo
        </button>
      )}
      {meeting && !task && (
        <MeetingTime
          attemptId={attempt.id}
          suggestedAt={suggestedMeetingAt}
          contact={contact}
          repZone={repZone}
        />
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => noteOnAttempt(attempt.id, note), { onDone: () => setNoteSaved(true) });
        }}
      >
        <label className="field grow">
          What was said
          <input
            type="text"
            maxLength={TEXT_LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!note.trim() || busy}>
          Save call note
        </button>
        {noteSaved && <span role="status">Note saved.</span>}
      </form>
      <WriteError message={error} />
    </div>
  );
}
