import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { followUpQueue, UPCOMING_LIMIT, type QueueItem } from '@/lib/db/queue';
import { browserZone, useNow } from '@/lib/hooks/now';
import { useRepSettings } from '@/lib/hooks/contact-records';
import { QueueDoneHint, QueueEntry, type Bucket } from './QueueEntry';
import { yourZoneLabel } from '@/lib/time/rep-clock';

/** Every open follow-up, overdue first, each one click from its CRM record. */
export function FollowUpQueue() {
  const now = useNow();
  const rep = useRepSettings();
  const zone = rep?.timeZone || browserZone();
  const [limit, setLimit] = useState(UPCOMING_LIMIT);
  const queue = useLiveQuery(() => followUpQueue(now, zone, limit), [now, zone, limit]);
  // Until the rep's zone is read, the machine's would sort Today from Upcoming wrongly.
  if (!queue || rep === undefined) return <p className="loading">Loading…</p>;
  const tag = (bucket: Bucket) => (item: QueueItem) => ({ bucket, item });
  const items = [
    ...queue.overdue.map(tag('Overdue')),
    ...queue.today.map(tag('Today')),
    ...queue.upcoming.map(tag('Upcoming')),
    ...queue.later.map(tag('Later')),
  ];
  const notShown =
    queue.upcomingTotal - queue.upcoming.length + (queue.laterTotal - queue.later.length);
  return (
    <>
      <p className="summary">
        {queue.overdue.length} overdue · {queue.today.length} due today · {queue.upcomingTotal}{' '}
        upcoming (next 30 days) · {queue.laterTotal} later
      </p>
      <p className="zone-label">{yourZoneLabel(zone)}.</p>
      {items.length === 0 && (
        <p className="empty">
          Nothing to follow up. Log an outcome in the side panel and the next follow-up lands here.
        </p>
      )}
      {items.length > 0 && <QueueDoneHint />}
      <ul aria-label="Follow-up queue" className="queue">
        {items.map(({ bucket, item }) => (
          <QueueEntry key={item.task.id} bucket={bucket} {...item} now={now} repZone={zone} />
        ))}
      </ul>
      {notShown > 0 && (
        <p className="more">
          {notShown} more further out.{' '}
          <button type="button" onClick={() => setLimit(limit + UPCOMING_LIMIT)}>
            Show more
          </button>
        </p>
      )}
    </>
  );
}
