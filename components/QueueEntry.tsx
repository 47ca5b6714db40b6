import { useState } from 'react';
import { CALL_OUTCOMES, OUTCOME_LABELS, type Contact, type Task } from '@/lib/model';
import { DAY_MS } from '@/lib/model/time-units';
import { completeTask, doneFromQueue, logOutcome, snoozeTask } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { openableRecordOf } from '@/lib/sites/record-links';
import { knownProspectZone } from '@/lib/coach/prospect-zone';
import { momentLabel, theirTimeBeside } from '@/lib/time/rep-clock';
import { taskKindLabel } from './task-label';
import { WriteError } from './WriteError';

export type Bucket = 'Overdue' | 'Today' | 'Upcoming' | 'Later';

/** What Done does, said once above the queue (QueueDoneHint), not under every entry. */
const DONE_HINT_ID = 'queue-done-hint';

export function QueueDoneHint() {
  return (
    <p id={DONE_HINT_ID} className="done-hint muted">
      Done on a call asks how the call went; on an email, logs it as sent (no reply yet); either way
      the next step is scheduled. Done on a meeting: it took place.
    </p>
  );
}

/** What can happen on a call made from the queue. A meeting or an agreed time needs its time
 *  set, which the side panel does. */
const QUEUE_CALL_OUTCOMES = CALL_OUTCOMES.filter((outcome) => outcome !== 'meeting-booked');

interface QueueEntryProps {
  bucket: Bucket;
  task: Task;
  contact: Contact;
  now: number;
  repZone: string;
}

/** One follow-up. Done never pretends: an email task logs the email sent, a call task asks how
 *  the call went, a meeting simply leaves the queue. */
export function QueueEntry({ bucket, task, contact, now, repZone }: QueueEntryProps) {
  const [asking, setAsking] = useState(false);
  const { run, busy, error } = useWrite();
  // Only a CRM record's https page: a backup's data:, file: or chrome: URL is never a link.
  const record = openableRecordOf(contact.identities);
  const isCall = task.channel === 'call' && task.kind !== 'meeting';
  const theirZone = knownProspectZone(contact).zone;
  const theirs = theirZone && theirTimeBeside(task.dueAt, theirZone, repZone);
  return (
    <li className={`queue-item ${bucket.toLowerCase()}`}>
      <div className="queue-main">
        <div>
          <span className="bucket">{bucket}</span> <strong>{contact.name}</strong>
          {contact.company && <span className="muted"> · {contact.company}</span>}
          <p className="due">
            <time dateTime={new Date(task.dueAt).toISOString()}>
              {momentLabel(task.dueAt, repZone, now)}
            </time>
            {theirs && <span className="their-clock"> ({theirs})</span>} · {taskKindLabel(task)} ·{' '}
            <span className="muted">{task.reason}</span>
          </p>
        </div>
        <div className="row">
          {record ? (
            <a href={record} target="_blank" rel="noreferrer">
              Open record
            </a>
          ) : (
            <span className="muted">No CRM record</span>
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => snoozeTask(task.id, Math.max(now, task.dueAt) + DAY_MS))}
          >
            Snooze
          </button>
          <button
            type="button"
            disabled={busy}
            aria-describedby={DONE_HINT_ID}
            aria-expanded={isCall ? asking : undefined}
            onClick={() =>
              isCall ? setAsking(!asking) : void run(() => doneFromQueue(task, Date.now(), repZone))
            }
          >
            Done
          </button>
        </div>
      </div>
      {isCall && asking && (
        <div className="queue-outcomes">
          <div
            role="group"
            aria-label={`How did the call with ${contact.name} go?`}
            className="row"
          >
            {QUEUE_CALL_OUTCOMES.map((outcome) => (
              <button
                key={outcome}
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(() =>
                    logOutcome({ contactId: contact.id, outcome, now: Date.now(), repZone }),
                  )
                }
              >
                {OUTCOME_LABELS[outcome]}
              </button>
            ))}
          </div>
          <p className="muted">
            Booked a meeting or agreed a time? Log it in the side panel on their record, where you
            set the time. Didn’t call after all?{' '}
            <button
              type="button"
              className="link"
              disabled={busy}
              onClick={() => void run(() => completeTask(task.id))}
            >
              Skip this call
            </button>{' '}
            (logs nothing and schedules nothing).
          </p>
        </div>
      )}
      <WriteError message={error} />
    </li>
  );
}
