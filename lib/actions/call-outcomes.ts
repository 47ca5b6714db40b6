// What the rep does after a call, composed from the rules (lib/coach) and the writes
// (lib/db). Every change to tasks also refreshes the toolbar badge and the due alarm: a
// sleeping service worker does not see writes made by the panel or the dashboard.
import type { Task } from '../model';
import { meetingTask, nurtureTouch, statusAfterOutcome, taskAfterOutcome } from '../coach/cadence';
import {
  closeFile as writeCloseFile,
  rescheduleTask as writeReschedule,
  undoOutcome as writeUndo,
  writeMeetingTask,
  writeNurture,
  writeOutcome,
  type KnownRecords,
  type LoggedOutcome,
  type OutcomeInput,
} from '../db/outcomes';
import { completeTask as writeComplete, snoozeTask as writeSnooze } from '../db/queue';
import { refreshDueAlarm } from '../background/due-alarms';

/** The write is the rep's answer: it is acknowledged once committed, and the toolbar badge and
 *  due alarm follow (a convenience: failing to set them must not turn a saved write into an
 *  error, nor keep the rep waiting). */
async function thenRefresh<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  // A task later: the rep's answer goes first, the refresh after it.
  setTimeout(() => void refreshDueAlarm().catch(() => undefined), 0);
  return result;
}

/** One click: the attempt and the follow-up the cadence gives, in one transaction. */
export function logOutcome(
  input: OutcomeInput & { repZone: string },
  /** What the panel shows of the contact: the outcome is decided from it at once. */
  known?: KnownRecords,
): Promise<LoggedOutcome> {
  return thenRefresh(
    writeOutcome(
      input,
      (contact, history) =>
        taskAfterOutcome(input.outcome, history, input.now, contact, {
          repZone: input.repZone,
          agreedAt: input.agreedAt,
          promisedAt: input.promisedAt,
        }),
      (contact, next) => statusAfterOutcome(input.outcome, contact, next),
      known,
    ),
  );
}

/** The meeting just booked, put in the queue at the time the rep set. */
export function addMeetingTask(
  attemptId: string,
  meetingAt: number,
  now: number,
  repZone: string,
): Promise<Task> {
  return thenRefresh(
    writeMeetingTask(attemptId, now, (contact) => meetingTask(meetingAt, contact, repZone)),
  );
}

/**
 * Done on a queue task. An email task: the rep sent it, so that email is logged (no reply yet)
 * and the cadence schedules the next step, as if logged in the panel. A booked meeting simply
 * leaves the queue. A call task is not done here: the queue asks how the call went and logs
 * that outcome with `logOutcome`, or `completeTask` skips it on purpose.
 */
export async function doneFromQueue(task: Task, now: number, repZone: string): Promise<void> {
  if (task.kind === 'meeting') return completeTask(task.id);
  if (task.channel !== 'email') {
    throw new Error('Log how the call went: a call is not done without an outcome.');
  }
  await logOutcome({ contactId: task.contactId, outcome: 'email-sent', now, repZone });
}

export function undoOutcome(attemptId: string): Promise<void> {
  return thenRefresh(writeUndo(attemptId));
}

export function moveToNurture(contactId: string, now: number, repZone: string): Promise<Task> {
  return thenRefresh(
    writeNurture(contactId, now, (contact) => nurtureTouch(now, contact, repZone)),
  );
}

export function closeFile(contactId: string, now: number): Promise<void> {
  return thenRefresh(writeCloseFile(contactId, now));
}

export function rescheduleTask(...args: Parameters<typeof writeReschedule>): Promise<void> {
  return thenRefresh(writeReschedule(...args));
}

export function snoozeTask(taskId: string, until: number): Promise<void> {
  return thenRefresh(writeSnooze(taskId, until));
}

export function completeTask(taskId: string): Promise<void> {
  return thenRefresh(writeComplete(taskId));
}
