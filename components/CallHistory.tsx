import { useEffect, useId, useRef, useState } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type Attempt, type Outcome } from '@/lib/model';
import { correctOutcome, deleteAttempt } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { useLastOutcome } from '@/lib/stores/outcome-undo';
import { useNow } from '@/lib/hooks/now';
import { momentLabel } from '@/lib/time/rep-clock';
import { FoldedText } from './FoldedText';
import { WriteError } from './WriteError';

/** How many attempts show before "Show all": the recent ones are what the next call needs. */
const RECENT = 10;

/** Every attempt, newest first, one line each (when, how, what happened, what was asked);
 *  the rest of what was said opens on demand, where the entry can also be corrected or
 *  deleted. */
export function CallHistory({
  attempts,
  repZone,
}: {
  attempts: readonly Attempt[];
  repZone: string;
}) {
  const [all, setAll] = useState(false);
  const [said, setSaid] = useState({ words: '', times: 0 });
  const status = useRef<HTMLParagraphElement>(null);
  const shown = all ? attempts : attempts.slice(0, RECENT);
  const listId = useId();
  // An entry changed or gone: say so, and keep the keyboard here rather than on the page.
  const changed = (words: string) => setSaid((before) => ({ words, times: before.times + 1 }));
  useEffect(() => {
    if (said.times > 0) status.current?.focus();
  }, [said]);
  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {attempts.length === 0 && <p className="empty">No attempts logged yet.</p>}
      <ul aria-label="History" id={listId}>
        {shown.map((a) => (
          <HistoryEntry key={a.id} attempt={a} repZone={repZone} changed={changed} />
        ))}
      </ul>
      {attempts.length > RECENT && (
        <button
          type="button"
          className="link"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll(!all)}
        >
          {all ? `Show the last ${RECENT}` : `Show all (${attempts.length})`}
        </button>
      )}
      <p role="status" className="history-status" tabIndex={-1} ref={status}>
        {said.words}
      </p>
    </section>
  );
}

/** A short hint of the plan on the entry's one line: what was asked, else the goal. */
function planHint(attempt: Attempt): string | undefined {
  return attempt.plan?.ask ?? attempt.plan?.goal;
}

function HistoryEntry({
  attempt: a,
  repZone,
  changed,
}: {
  attempt: Attempt;
  repZone: string;
  changed: (words: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const label = OUTCOME_LABELS[a.outcome];
  const now = useNow();
  const when = momentLabel(a.at, repZone, now);
  const hint = planHint(a);
  return (
    <li className="attempt">
      <p className="attempt-head">
        <strong>{label}</strong> <time dateTime={new Date(a.at).toISOString()}>{when}</time>{' '}
        <span className="muted">
          · {a.channel}
          {a.voicemailSeconds !== undefined && ` · ${a.voicemailSeconds} s voicemail`}
        </span>
        {hint && <span className="attempt-hint"> · {hint}</span>}
        <button
          type="button"
          className="link attempt-toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`Details: ${label}, ${when}`}
          onClick={() => setOpen(!open)}
        >
          Details
        </button>
      </p>
      <div id={detailsId} className="attempt-details" hidden={!open}>
        {a.plan?.reference && <p className="said">Referenced: {a.plan.reference}</p>}
        {a.plan?.newValue && <p className="said">Brought: {a.plan.newValue}</p>}
        {a.plan?.ask && <p className="said">Asked: {a.plan.ask}</p>}
        {a.agreedAt !== undefined && (
          <p className="said">Agreed to talk again: {momentLabel(a.agreedAt, repZone, now)}</p>
        )}
        {a.promisedAt !== undefined && (
          <p className="said">Said you'd try again: {momentLabel(a.promisedAt, repZone, now)}</p>
        )}
        {a.note && <FoldedText className="said" lead="Said: " text={a.note} />}
        {open && <EntryChange attempt={a} repZone={repZone} when={when} changed={changed} />}
      </div>
    </li>
  );
}

/** Outcomes an entry can be corrected to: a call back needs the time agreed, so only an
 *  attempt that has one can become one. */
function choicesFor(attempt: Attempt): Outcome[] {
  return OUTCOMES.filter((o) => o !== 'call-back' || attempt.agreedAt !== undefined);
}

/** Correct the outcome or delete the entry (after a confirmation): the latest one as Undo
 *  takes it back, so the next follow-up, the queue and Insights follow. */
function EntryChange({
  attempt,
  repZone,
  when,
  changed,
}: {
  attempt: Attempt;
  repZone: string;
  when: string;
  changed: (words: string) => void;
}) {
  const { run, busy, error } = useWrite();
  const [choice, setChoice] = useState<Outcome>(attempt.outcome);
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const askDelete = useRef<HTMLButtonElement>(null);
  const label = OUTCOME_LABELS[attempt.outcome];
  // What was logged here no longer is: the Undo offered for it goes.
  const forgetUndo = () => {
    if (useLastOutcome.getState().last?.attempt.id === attempt.id)
      useLastOutcome.getState().forget();
  };
  return (
    <div className="attempt-change">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            async () => {
              await correctOutcome(attempt.id, choice, repZone);
              forgetUndo();
            },
            { onDone: () => changed(`Corrected ${when} to ${OUTCOME_LABELS[choice]}.`) },
          );
        }}
      >
        <label className="field">
          Outcome
          <select value={choice} onChange={(e) => setChoice(e.target.value as Outcome)}>
            {choicesFor(attempt).map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || choice === attempt.outcome}>
          Save outcome
        </button>
        {!confirming && (
          <button
            type="button"
            className="link"
            ref={askDelete}
            disabled={busy}
            onClick={() => {
              setConfirming(true);
              // The question shows: the keyboard lands on the safe answer.
              requestAnimationFrame(() => keep.current?.focus());
            }}
          >
            Delete…
          </button>
        )}
      </form>
      {confirming && (
        <div role="group" aria-label="Delete this attempt?" className="row">
          <span>
            Delete this {label} of {when}? It leaves History and Insights; if it is the latest, its
            follow-up goes and the one before comes back.
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                async () => {
                  await deleteAttempt(attempt.id);
                  forgetUndo();
                },
                { onDone: () => changed(`Deleted the ${label} of ${when}.`) },
              )
            }
          >
            Delete attempt
          </button>
          <button
            type="button"
            ref={keep}
            onClick={() => {
              setConfirming(false);
              // Back where the question was asked.
              requestAnimationFrame(() => askDelete.current?.focus());
            }}
          >
            Keep it
          </button>
        </div>
      )}
      <WriteError message={error} />
    </div>
  );
}
