import { useState } from 'react';
import type { Contact } from '@/lib/model';
import type { PivotAdvice } from '@/lib/coach/cadence';
import { closeFile, moveToNurture } from '@/lib/actions/call-outcomes';
import { describeWriteError } from '@/lib/db/errors';
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
  const [error, setError] = useState<string>();
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
  const act = (write: Promise<unknown>) =>
    write.catch((e: unknown) => setError(describeWriteError(e)));
  return (
    <section className="pivot" aria-label="Time to pivot">
      <p>
        <strong>Time to pivot.</strong> {advice.reason}
      </p>
      <div className="row">
        <button
          type="button"
          onClick={() => void act(moveToNurture(contact.id, Date.now(), repZone))}
        >
          Move to nurture
        </button>
        <button type="button" onClick={() => void act(closeFile(contact.id, Date.now()))}>
          Close file
        </button>
      </div>
      <WriteError message={error} />
    </section>
  );
}
