// What the rep does after a call, composed from the rules (lib/coach) and the writes
// (lib/db). The toolbar badge and the due alarm follow the tasks table by themselves
// (lib/background/due-alarms watchDueTasks): nothing here refreshes them.
import type { Outcome, Task } from '../model';
import { meetingTask, nurtureTouch, statusAfterOutcome, taskAfterOutcome } from '../coach/cadence';
import {
  closeFile as writeCloseFile,
  markDidNotRemember,
  rescheduleTask as writeReschedule,
  undoOutcome as writeUndo,
  writeMeetingTask,
  writeNurture,
  writeOutcome,
  type KnownRecords,
  type LoggedOutcome,
  type OutcomeInput,
} from '../db/outcomes';
import { correctAttempt, deleteAttempt as writeDelete } from '../db/attempt-edits';
import { completeTask as writeComplete, snoozeTask as writeSnooze } from '../db/queue';
import { WriteRefused } from '../db/errors';

/** One click: the attempt and the follow-up the cadence gives, in one transaction. */
export function logOutcome(
  input: OutcomeInput & { repZone: string },
  /** What the panel shows of the contact: the outcome is decided from it at once. */
  known?: KnownRecords,
): Promise<LoggedOutcome> {
  return writeOutcome(
    input,
    (contact, history) =>
      taskAfterOutcome(input.outcome, history, input.now, contact, {
        repZone: input.repZone,
        agreedAt: input.agreedAt,
        promisedAt: input.promisedAt,
      }),
    (contact, next) => statusAfterOutcome(input.outcome, contact, next),
    known,
  );
}

/** The meeting just booked, put in the queue at the time the rep set. */
export function addMeetingTask(
  attemptId: string,
  meetingAt: number,
  now: number,
  repZone: string,
): Promise<Task> {
  return writeMeetingTask(attemptId, now, (contact) => meetingTask(meetingAt, contact, repZone));
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
    throw new WriteRefused({ kind: 'call-needs-outcome' });
  }
  await logOutcome({ contactId: task.contactId, outcome: 'email-sent', now, repZone });
}

/** "They didn't remember me" on a conversation, or taken back: the next call's script
 *  follows (lib/coach/situation). */
export function setDidNotRemember(attemptId: string, didNotRemember: boolean): Promise<void> {
  return markDidNotRemember(attemptId, didNotRemember);
}

export function undoOutcome(attemptId: string): Promise<void> {
  return writeUndo(attemptId);
}

/** A History entry said another outcome: the latest one's follow-up is decided again by the
 *  cadence, as if logged right the first time; an older one only changes what Insights and the
 *  coach read. */
export function correctOutcome(
  attemptId: string,
  outcome: Outcome,
  repZone: string,
): Promise<void> {
  return correctAttempt(attemptId, outcome, (input) => logOutcome({ ...input, repZone }));
}

/** A History entry removed: the latest one exactly as Undo takes it back. */
export function deleteAttempt(attemptId: string): Promise<void> {
  return writeDelete(attemptId);
}

export function moveToNurture(contactId: string, now: number, repZone: string): Promise<Task> {
  return writeNurture(contactId, now, (contact) => nurtureTouch(now, contact, repZone));
}

export function closeFile(contactId: string, now: number): Promise<void> {
  return writeCloseFile(contactId, now);
}

export function rescheduleTask(...args: Parameters<typeof writeReschedule>): Promise<void> {
  return writeReschedule(...args);
}

export function snoozeTask(taskId: string, until: number): Promise<void> {
  return writeSnooze(taskId, until);
}

export function completeTask(taskId: string): Promise<void> {
  return writeComplete(taskId);
}
