import { useState } from 'react';
import { addMeetingTask } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';
import { ZoneHint } from './ZoneHint';
import type { ZoneClues } from '@/lib/coach/prospect-zone';
import { fromZoneInputValue, momentLabel, toZoneInputValue } from '@/lib/time/rep-clock';

/** After "Meeting booked": when the meeting is, put in the queue as its own task. */
export function MeetingTime({
  attemptId,
  suggestedAt,
  contact,
  repZone,
}: {
  attemptId: string;
  /** Prefilled: the slot the rep just proposed (or the agreed time). */
  suggestedAt: number | undefined;
  /** Whose time is shown beside the rep's. */
  contact: ZoneClues;
  repZone: string;
}) {
  const [value, setValue] = useState(
    suggestedAt === undefined ? '' : toZoneInputValue(suggestedAt, repZone),
  );
  const [savedAt, setSavedAt] = useState<number>();
  const { run, busy, error } = useWrite();
  const at = fromZoneInputValue(value, repZone);
  return (
    <form
      className="meeting-time"
      aria-label="Meeting time"
      onSubmit={(e) => {
        e.preventDefault();
        if (at === undefined) return;
        void run(() => addMeetingTask(attemptId, at, Date.now(), repZone), {
          onDone: (task) => setSavedAt(task.dueAt),
        });
      }}
    >
      <div className="row">
        <label className="field">
          Meeting on
          <input
            type="datetime-local"
            value={value}
            aria-describedby="meeting-zone"
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button type="submit" disabled={at === undefined || busy}>
          {savedAt === undefined ? 'Put meeting in the queue' : 'Move meeting'}
        </button>
      </div>
      <ZoneHint id="meeting-zone" value={value} contact={contact} repZone={repZone} />
      {savedAt !== undefined && (
        <p role="status">Meeting in the queue: {momentLabel(savedAt, repZone)}.</p>
      )}
      <WriteError message={error} />
    </form>
  );
}
