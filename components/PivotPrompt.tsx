import type { Contact } from '@/lib/model';
import type { PivotAdvice } from '@/lib/coach/cadence';
import { closeFile, moveToNurture } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';

/** Weeks of vague or no answers: offer to stop chasing, kindly. */
export function PivotPrompt({
  contact,
  advice,
  repZone,
}: {
  contact: Contact;
  advice: PivotAdvice;
  repZone: string;
}) {
  const { run, busy, error } = useWrite();
  if (contact.status === 'closed') {
    return (
      <p className="pivot closed">
        File closed: no more follow-ups. A conversation, or a call-back you promise, reopens it.
      </p>
    );
  }
  if (contact.status === 'nurture') {
    return (
      <p className="pivot nurture">
        In long-term nurture: one email a month. Each touch you log schedules the next; a
        conversation brings them back to the usual follow-ups.
      </p>
    );
  }
  if (!advice.pivot) return null;
  return (
    <section className="pivot" aria-label="Time to pivot">
      <p>
        <strong>Time to pivot.</strong> {advice.reason}
      </p>
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => moveToNurture(contact.id, Date.now(), repZone))}
        >
          Move to nurture
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => closeFile(contact.id, Date.now()))}
        >
          Close file
        </button>
      </div>
      <WriteError message={error} />
    </section>
  );
}
