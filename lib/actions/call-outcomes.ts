// What the rep does after a call, composed from the rules (lib/coach) and the writes
// (lib/db). Every change to tasks also refreshes the toolbar badge and the due alarm: a
// sleeping service worker does not see writes made by the panel or the dashboard.
import type { Task } from '../model';
import { nurtureTouch, taskAfterOutcome } from '../coach/cadence';
import {
  closeFile as writeCloseFile,
  rescheduleTask as writeReschedule,
  undoOutcome as writeUndo,
  writeNurture,
  writeOutcome,
  type LoggedOutcome,
  type OutcomeInput,
} from '../db/outcomes';
import { completeTask as writeComplete, snoozeTask as writeSnooze } from '../db/queue';
import { refreshDueAlarm } from '../background/due-alarms';

async function thenRefresh<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  // The badge is a convenience: a failure to set it must not turn a saved write into an error.
  await refreshDueAlarm().catch(() => undefined);
  return result;
}

/** One click: the attempt and the follow-up the cadence gives, in one transaction. */
export function logOutcome(input: OutcomeInput & { repZone: string }): Promise<LoggedOutcome> {
  return thenRefresh(
    writeOutcome(input, (contact, history) =>
      taskAfterOutcome(input.outcome, history, input.now, contact, {
        repZone: input.repZone,
        prospectZone: contact.timeZone,
        agreedAt: input.agreedAt,
      }),
    ),
  );
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
