import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { followUpQueue, type QueueItem } from '@/lib/db/queue';
import { completeTask, snoozeTask } from '@/lib/actions/call-outcomes';
import { browserZone, useNow } from '@/lib/stores/now';
import { useRepSettings } from '@/lib/stores/contact-records';

const DAY_MS = 24 * 60 * 60 * 1000;
type Bucket = 'Overdue' | 'Today' | 'Upcoming';

/** Every open follow-up, overdue first, each one click from its CRM record. */
export function FollowUpQueue() {
  const now = useNow();
  const rep = useRepSettings();
  const zone = rep?.timeZone || browserZone();
  const queue = useLiveQuery(() => followUpQueue(now, zone), [now, zone]);
  if (!queue) return <p className="loading">Loading…</p>;
  const items: [Bucket, QueueItem][] = [
    ...queue.overdue.map((i): [Bucket, QueueItem] => ['Overdue', i]),
    ...queue.today.map((i): [Bucket, QueueItem] => ['Today', i]),
    ...queue.upcoming.map((i): [Bucket, QueueItem] => ['Upcoming', i]),
  ];
  return (
    <>
      <p className="summary">
        {queue.overdue.length} overdue · {queue.today.length} due today · {queue.upcoming.length}{' '}
        upcoming
      </p>
      {items.length === 0 && (
        <p className="empty">
          Nothing to follow up. Log an outcome in the side panel and the next follow-up lands here.
        </p>
      )}
      <ul aria-label="Follow-up queue" className="queue">
        {items.map(([bucket, { task, contact }]) => {
          const record = contact.identities[0]?.url;
          return (
            <li key={task.id} className={`queue-item ${bucket.toLowerCase()}`}>
              <div>
                <span className="bucket">{bucket}</span> <strong>{contact.name}</strong>
                {contact.company && <span className="muted"> · {contact.company}</span>}
                <p className="due">
                  <time dateTime={new Date(task.dueAt).toISOString()}>
                    {format(task.dueAt, 'EEE d MMM, HH:mm')}
                  </time>{' '}
                  · {task.channel === 'email' ? 'Email' : 'Call'} ·{' '}
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
                  onClick={() => void snoozeTask(task.id, Math.max(now, task.dueAt) + DAY_MS)}
                >
                  Snooze
                </button>
                <button type="button" onClick={() => void completeTask(task.id)}>
                  Done
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
