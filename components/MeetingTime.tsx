import { useState } from 'react';
import { format } from 'date-fns';
import { addMeetingTask } from '@/lib/actions/call-outcomes';
import { useWrite } from '@/lib/hooks/use-write';
import { WriteError } from './WriteError';
import { ZoneHint } from './ZoneHint';
import { fromInputValue, toInputValue } from './zone-times';

/** After "Meeting booked": when the meeting is, put in the queue as its own task. */
export function MeetingTime({
  attemptId,
  suggestedAt,
  theirZone,
  repZone,
}: {
  attemptId: string;
  /** Prefilled: the slot the rep just proposed (or the agreed time). */
  suggestedAt: number | undefined;
  theirZone: string | undefined;
  repZone: string;
}) {
  const [value, setValue] = useState(suggestedAt === undefined ? '' : toInputValue(suggestedAt));
  const [savedAt, setSavedAt] = useState<number>();
  const { run, busy, error } = useWrite();
  const at = fromInputValue(value);
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
      <ZoneHint id="meeting-zone" value={value} theirZone={theirZone} />
      {savedAt !== undefined && (
        <p role="status">Meeting in the queue: {format(savedAt, 'EEE d MMM, HH:mm')}.</p>
      )}
      <WriteError message={error} />
    </form>
  );
}
