import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { OUTCOME_LABELS, type Contact } from '@/lib/model';
import { noteOnAttempt } from '@/lib/db/outcomes';
import { undoOutcome } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { useLastOutcome, type LastOutcome } from '@/lib/stores/outcome-undo';
import { DidNotRememberButton } from './DidNotRememberButton';
import { MeetingTime } from './MeetingTime';
import { WriteError } from './WriteError';
import { isTyping } from './typing';
import { TEXT_LIMITS } from '@/lib/model/limits';
import { momentLabel } from '@/lib/time/rep-clock';

/** U, or Ctrl+Z / Cmd+Z, outside a text field (where they keep their own meaning). */
function isUndoKey(e: KeyboardEvent): boolean {
  if (e.repeat || e.altKey || isTyping(e.target)) return false;
  if (e.ctrlKey || e.metaKey) return !e.shiftKey && e.key.toLowerCase() === 'z';
  return e.key.toLowerCase() === 'u';
}

/** Where the keyboard was when the outcome was logged: nowhere (the clicked button was
 *  disabled while it wrote, or a number key was pressed) or on the outcome buttons. */
function focusWasOnOutcomes(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active.closest('.outcomes') !== null;
}

/** Right after a click: what was logged (said to a screen reader too), Undo until the next
 *  outcome or the panel closes (also with U or Ctrl+Z), an optional note, and for a booked
 *  meeting, its time to put in the queue. */
export function AfterOutcome({ contact, repZone }: { contact: Contact; repZone: string }) {
  const last = useLastOutcome((s) => s.last);
  const undoneHere = useLastOutcome((s) => s.undoneFor === contact.id);
  const status = useRef<HTMLParagraphElement>(null);
  const mine = last?.attempt.contactId === contact.id ? last : undefined;

  // Undone, the Undo button is gone: the keyboard lands on what says so.
  useEffect(() => {
    if (undoneHere && focusWasOnOutcomes()) status.current?.focus();
  }, [undoneHere]);

  return (
    <>
      {/* Always on screen, so a screen reader announces each change of it. */}
      <p role="status" className="outcome-status" tabIndex={-1} ref={status}>
        {mine ? (
          <LoggedWords {...mine} contact={contact} repZone={repZone} />
        ) : undoneHere ? (
          'Undone.'
        ) : (
          ''
        )}
      </p>
      {/* Keyed by attempt: each new outcome starts with a fresh Undo and an empty note. */}
      {mine && (
        <LoggedOutcome key={mine.attempt.id} {...mine} contact={contact} repZone={repZone} />
      )}
    </>
  );
}

function LoggedWords({
  attempt,
  task,
  contact,
  repZone,
}: LastOutcome & { contact: Contact; repZone: string }) {
  const meeting = attempt.outcome === 'meeting-booked';
  const next = task
    ? `Next follow-up: ${momentLabel(task.dueAt, repZone)} (${task.channel}).`
    : meeting
      ? 'No follow-up call: the meeting is the next step.'
      : contact.status === 'closed'
        ? 'No follow-up: the file is closed.'
        : 'No follow-up scheduled.';
  return (
    <>
      Logged {OUTCOME_LABELS[attempt.outcome]}. {next}
      <span className="key-hint"> Press U to undo.</span>
    </>
  );
}

function LoggedOutcome({
  attempt,
  task,
  suggestedMeetingAt,
  contact,
  repZone,
}: LastOutcome & { contact: Contact; repZone: string }) {
  const undone = useLastOutcome((s) => s.undone);
  const [note, setNote] = useState('');
  const [noteSaved, setNoteSaved] = useState(false);
  const { run, busy, error } = useWrite();
  const undoButton = useRef<HTMLButtonElement>(null);

  const undo = () =>
    void run(async () => {
      await undoOutcome(attempt.id);
      undone(contact.id);
    });

  // Logged with a number key or a click: the keyboard goes on to Undo, not back to the page.
  useEffect(() => {
    if (focusWasOnOutcomes()) undoButton.current?.focus();
  }, []);

  // A layout effect: the key works as soon as the button shows.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isUndoKey(e)) return;
      e.preventDefault();
      undo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const meeting = attempt.outcome === 'meeting-booked';
  return (
    <div className="after-outcome">
      <button
        type="button"
        ref={undoButton}
        disabled={busy}
        aria-keyshortcuts="U Control+Z Meta+Z"
        onClick={undo}
      >
        Undo
        <kbd aria-hidden="true">U</kbd>
      </button>
      {attempt.outcome === 'connected' && <DidNotRememberButton attempt={attempt} />}
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
