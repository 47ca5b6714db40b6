import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  CALL_OUTCOMES,
  OUTCOME_LABELS,
  type Attempt,
  type Contact,
  type Note,
  type Outcome,
  type Task,
} from '@/lib/model';
import { voicemailLength } from '@/lib/coach/voicemail-length';
import { planSummaryOf } from '@/lib/coach/plan-summary';
import { logOutcome } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { usePlanDraft } from '@/lib/stores/plan-draft';
import { useLastOutcome } from '@/lib/stores/outcome-undo';
import { useNow } from '@/lib/hooks/now';
import { useReservedSpace } from '@/lib/hooks/reserved-space';
import { AfterOutcome } from './AfterOutcome';
import { WriteError } from './WriteError';
import { ZoneHint } from './ZoneHint';
import { fromZoneInputValue, toZoneInputValue } from '@/lib/time/rep-clock';
import { tabState } from '@/lib/messaging/tab-state';
import { isTyping } from './typing';

interface OutcomeBarProps {
  contact: Contact;
  tabId: number | undefined;
  notes: readonly Note[];
  attempts: readonly Attempt[];
  repZone: string;
  /** When the voicemail promised to call again (the time its script names); undefined when
   *  it announces an email instead, after repeated unanswered calls. */
  tryAgainAt: number | undefined;
  /** The suggested ask's first slot (the agreed time when there is one): offered as the time
   *  of a meeting just booked. */
  suggestedAt: number;
  /** The contact's next follow-up (not a booked meeting), if any. */
  nextTask: Task | undefined;
  /** All the contact's open tasks, as the panel shows them. */
  openTasks: readonly Task[];
}

/** After hanging up: one click logs what happened and schedules the next follow-up. */
export function OutcomeBar(props: OutcomeBarProps) {
  const { contact, tabId, notes, attempts, repZone, tryAgainAt, suggestedAt, nextTask, openTasks } =
    props;
  const { run, busy, error } = useWrite();
  const [callBackAt, setCallBackAt] = useState<string>();
  const remember = useLastOutcome((s) => s.remember);
  const plan = usePlanDraft((s) => s.plan);
  const minute = useNow(60_000);
  // The buttons are pinned to the bottom of the panel: always in view, never covering.
  const buttons = useRef<HTMLDivElement>(null);
  useReservedSpace(buttons, '--bottom-bar');
  // The time field opens below, maybe off screen: focus brings it into view.
  const callBackField = useRef<HTMLInputElement>(null);
  const askingCallBack = callBackAt !== undefined;
  useEffect(() => {
    if (askingCallBack) callBackField.current?.focus();
  }, [askingCallBack]);

  // One outcome at a time: a second click or key while one is being logged is ignored.
  const log = (outcome: Outcome, agreedAt?: number) =>
    run(
      async () => {
        const now = Date.now();
        const isVoicemail = outcome === 'voicemail';
        const timer =
          tabId === undefined || !isVoicemail
            ? undefined
            : await tabState.voicemailTimer.get(tabId);
        const { attempt, task } = await logOutcome(
          {
            contactId: contact.id,
            outcome,
            now,
            repZone,
            voicemailSeconds: voicemailLength(timer, now),
            agreedAt,
            // The voicemail said when the rep will try again: a promise, not an agreement.
            promisedAt: isVoicemail ? tryAgainAt : undefined,
            plan: planSummaryOf(plan?.contactId === contact.id ? plan : undefined, notes, attempts),
          },
          // What this panel shows: the outcome is decided from it, checked as it is written.
          { contact, history: attempts, openTasks },
        );
        remember(attempt, task, outcome === 'meeting-booked' ? suggestedAt : undefined);
        if (tabId !== undefined)
          await Promise.all([tabState.voicemailTimer.remove(tabId), tabState.call.remove(tabId)]);
      },
      { onDone: () => setCallBackAt(undefined) },
    );

  // A layout effect: the keys work as soon as the buttons show, not a frame later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A held key repeats: one press is one outcome.
      if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const outcome = CALL_OUTCOMES[Number(e.key) - 1];
      if (/^[1-7]$/.test(e.key) && outcome) {
        e.preventDefault();
        void log(outcome);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const emailDue = nextTask?.channel === 'email';
  const callBackMs = callBackAt === undefined ? undefined : fromZoneInputValue(callBackAt, repZone);
  return (
    <section className="outcomes" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">After the call</h2>
      {emailDue && (
        <p id="email-due" className="email-due">
          The next follow-up is an email ({nextTask.reason}). Send it, then click{' '}
          <strong>Email sent</strong>: that counts as a try with no reply yet and schedules the next
          step.
        </p>
      )}
      <div ref={buttons} role="group" aria-label="Log outcome" className="outcome-buttons">
        {CALL_OUTCOMES.map((outcome, i) => (
          <button
            key={outcome}
            type="button"
            disabled={busy}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => void log(outcome)}
          >
            {OUTCOME_LABELS[outcome]}
            <kbd aria-hidden="true">{i + 1}</kbd>
          </button>
        ))}
        <button
          type="button"
          disabled={busy}
          title="You sent information they asked for"
          onClick={() => void log('sent-info')}
        >
          Sent info
        </button>
        <button
          type="button"
          disabled={busy}
          className={emailDue ? 'email-sent due' : 'email-sent'}
          title="A follow-up email, no reply yet"
          aria-describedby={emailDue ? 'email-due' : undefined}
          onClick={() => void log('email-sent')}
        >
          Email sent
        </button>
        <button
          type="button"
          aria-expanded={callBackAt !== undefined}
          onClick={() => setCallBackAt(callBackAt === undefined ? '' : undefined)}
        >
          Call back at…
        </button>
      </div>
      {callBackAt !== undefined && (
        <form
          className="row call-back"
          onSubmit={(e) => {
            e.preventDefault();
            if (callBackMs !== undefined) void log('call-back', callBackMs);
          }}
        >
          <label className="field">
            Call back at
            <input
              ref={callBackField}
              type="datetime-local"
              value={callBackAt}
              min={toZoneInputValue(minute, repZone)}
              aria-describedby="call-back-zone"
              onChange={(e) => setCallBackAt(e.target.value)}
            />
          </label>
          <button type="submit" disabled={callBackMs === undefined || busy}>
            Log call back
          </button>
          <ZoneHint id="call-back-zone" value={callBackAt} contact={contact} repZone={repZone} />
        </form>
      )}
      <WriteError message={error} />
      <AfterOutcome contact={contact} repZone={repZone} />
    </section>
  );
}
