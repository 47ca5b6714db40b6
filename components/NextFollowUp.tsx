import { useState } from 'react';
import type { Channel, Task } from '@/lib/model';
import { rescheduleTask } from '@/lib/actions/call-outcomes';
import { WriteRefused } from '@/lib/db/errors';
import { useWrite } from '@/lib/hooks/use-write';
import { useNow } from '@/lib/hooks/now';
import {
  fromZoneInputValue,
  momentLabel,
  theirTimeBeside,
  toZoneInputValue,
} from '@/lib/time/rep-clock';
import { WriteError } from './WriteError';
import { taskKindLabel } from './task-label';

/** When and how this contact comes back, as the cadence scheduled it; the rep may move it. */
export function NextFollowUp({
  task,
  repZone,
  theirZone,
}: {
  task: Task | undefined;
  repZone: string;
  /** The prospect's zone when known: their time is shown beside the rep's. */
  theirZone?: string;
}) {
  const now = useNow();
  const [editing, setEditing] = useState<{ at: string; channel: Channel }>();
  const { run, busy, error } = useWrite();
  const theirs = task && theirZone && theirTimeBeside(task.dueAt, theirZone, repZone);
  return (
    <section className="next-follow-up" aria-label="Next follow-up">
      <h2>Next follow-up</h2>
      {!task && <p className="empty">No follow-up scheduled.</p>}
      {task && !editing && (
        <>
          <p className="due">
            <time dateTime={new Date(task.dueAt).toISOString()}>
              {momentLabel(task.dueAt, repZone, now)}
            </time>
            {theirs && <span className="their-clock"> ({theirs})</span>} · {taskKindLabel(task)}
          </p>
          <p className="muted">{task.reason}</p>
          <button
            type="button"
            onClick={() =>
              setEditing({ at: toZoneInputValue(task.dueAt, repZone), channel: task.channel })
            }
          >
            Change follow-up
          </button>
        </>
      )}
      {task && editing && (
        <form
          className="follow-up-form"
          onSubmit={(e) => {
            e.preventDefault();
            const dueAt = fromZoneInputValue(editing.at, repZone);
            void run(
              async () => {
                if (dueAt === undefined) throw new WriteRefused({ kind: 'no-date' });
                await rescheduleTask(task.id, dueAt, editing.channel);
              },
              { onDone: () => setEditing(undefined) },
            );
          }}
        >
          <label className="field">
            Follow-up time
            <input
              type="datetime-local"
              value={editing.at}
              onChange={(e) => setEditing({ ...editing, at: e.target.value })}
            />
          </label>
          <label className="field">
            Follow-up channel
            <select
              value={editing.channel}
              onChange={(e) => setEditing({ ...editing, channel: e.target.value as Channel })}
            >
              <option value="call">Call</option>
              <option value="email">Email</option>
            </select>
          </label>
          <div className="row">
            <button type="submit" disabled={busy}>
              Save follow-up
            </button>
            <button type="button" onClick={() => setEditing(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <WriteError message={error} />
    </section>
  );
}
