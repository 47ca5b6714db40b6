import { useEffect, useState } from 'react';
import { format } from 'date-fns';
import { OUTCOME_LABELS, type Attempt, type Contact, type Note, type Outcome } from '@/lib/model';
import { elapsedSeconds } from '@/lib/coach/voicemail-timer';
import { planSummaryOf } from '@/lib/coach/plan-summary';
import { logOutcome } from '@/lib/actions/call-outcomes';
import { describeWriteError } from '@/lib/db/errors';
import { clearVoicemailTimer, voicemailTimerOf } from '@/lib/messaging/voicemail-timers';
import { forgetTabCall } from '@/lib/messaging/tab-calls';
import { usePlanDraft } from '@/lib/stores/plan-draft';
import { useLastOutcome } from '@/lib/stores/outcome-undo';
import { useNow } from '@/lib/stores/now';
import { AfterOutcome } from './AfterOutcome';
import { WriteError } from './WriteError';

/** The seven one-click outcomes, in the order of their number keys 1–7. */
const ONE_CLICK: Outcome[] = [
  'meeting-booked',
  'connected',
  'voicemail',
  'no-answer',
  'gatekeeper',
  'not-interested',
  'wrong-number',
];

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export interface OutcomeBarProps {
  contact: Contact;
  tabId: number | undefined;
  notes: readonly Note[];
  attempts: readonly Attempt[];
  repZone: string;
  /** When the voicemail promised to call again (the suggested ask's first slot). */
  tryAgainAt: number;
}

/** After hanging up: one click logs what happened and schedules the next follow-up. */
export function OutcomeBar(props: OutcomeBarProps) {
  const { contact, tabId, notes, attempts, repZone, tryAgainAt } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [callBackAt, setCallBackAt] = useState<string>();
  const remember = useLastOutcome((s) => s.remember);
  const plan = usePlanDraft((s) => s.plan);
  const minute = useNow(60_000);

  const log = async (outcome: Outcome, agreedAt?: number) => {
    if (busy) return;
    setBusy(true);
    try {
      const now = Date.now();
      const timer = tabId === undefined ? undefined : await voicemailTimerOf(tabId);
      const isVoicemail = outcome === 'voicemail';
      const { attempt, task } = await logOutcome({
        contactId: contact.id,
        outcome,
        now,
        repZone,
        voicemailSeconds: isVoicemail && timer ? Math.round(elapsedSeconds(timer, now)) : undefined,
        // The voicemail said when the rep will call again: that time is the next task.
        agreedAt: isVoicemail ? tryAgainAt : agreedAt,
        plan: planSummaryOf(plan?.contactId === contact.id ? plan : undefined, notes, attempts),
      });
      if (tabId !== undefined)
        await Promise.all([clearVoicemailTimer(tabId), forgetTabCall(tabId)]);
      remember(attempt, task, now);
      setCallBackAt(undefined);
      setError(undefined);
    } catch (e) {
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const outcome = ONE_CLICK[Number(e.key) - 1];
      if (/^[1-7]$/.test(e.key) && outcome) {
        e.preventDefault();
        void log(outcome);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  return (
    <section className="outcomes" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">After the call</h2>
      <div role="group" aria-label="Log outcome" className="outcome-buttons">
        {ONE_CLICK.map((outcome, i) => (
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
        <button type="button" disabled={busy} onClick={() => void log('sent-info')}>
          Sent info
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
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (callBackAt) void log('call-back', new Date(callBackAt).getTime());
          }}
        >
          <label className="field">
            Call back at
            <input
              type="datetime-local"
              value={callBackAt}
              min={format(minute, "yyyy-MM-dd'T'HH:mm")}
              onChange={(e) => setCallBackAt(e.target.value)}
            />
          </label>
          <button type="submit" disabled={!callBackAt || busy}>
            Log call back
          </button>
        </form>
      )}
      <WriteError message={error} />
      <AfterOutcome contactId={contact.id} />
    </section>
  );
}
