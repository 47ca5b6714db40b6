// The follow-up queue: open tasks by when they fall due, read through the [status+dueAt] index.
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { Contact, Task } from '../model';
import { database } from './schema';
import { storableDate, WriteRefused } from './errors';

export interface QueueItem {
  task: Task;
  contact: Contact;
}

interface FollowUpQueue {
  /** Due now or earlier: what the badge counts. */
  overdue: QueueItem[];
  /** Later today on the rep's own calendar. */
  today: QueueItem[];
  /** From tomorrow, up to UPCOMING_DAYS ahead: the first `limit` of them. */
  upcoming: QueueItem[];
  /** Further out ("call me in a month", monthly touches): the first `limit` of them. */
  later: QueueItem[];
  /** How many open tasks each group holds in all, shown or not: nothing scheduled is
   *  invisible, a long list is only shortened. */
  upcomingTotal: number;
  laterTotal: number;
}

const UPCOMING_DAYS = 30;
/** How many tasks of each of "upcoming" and "later" one page shows. */
export const UPCOMING_LIMIT = 200;

/** Open tasks with from < dueAt <= to, earliest first. */
function openDueBetween(from: number, to: number) {
  return database()
    .tasks.where('[status+dueAt]')
    .between(['open', from], ['open', to], false, true);
}

/** Start of the local day after `now`, in the zone (DST-safe). */
function startOfNextLocalDay(now: number, zone: string, days = 1): number {
  return startOfDay(addDays(new TZDate(now, zone), days)).getTime();
}

async function withContacts(tasks: Task[]): Promise<QueueItem[]> {
  const ids = [...new Set(tasks.map((t) => t.contactId))];
  const contacts = await database().contacts.bulkGet(ids);
  const byId = new Map(contacts.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  // A task whose contact was deleted has nobody to follow up: leave it out.
  return tasks.flatMap((task) => {
    const contact = byId.get(task.contactId);
    return contact ? [{ task, contact }] : [];
  });
}

/** The rep's queue at `now`, "today" ending at midnight in the rep's zone. `limit` caps the
 *  upcoming and the later group each (the queue page raises it to show more). */
export async function followUpQueue(
  now: number,
  zone: string,
  limit = UPCOMING_LIMIT,
): Promise<FollowUpQueue> {
  const db = database();
  const tomorrow = startOfNextLocalDay(now, zone);
  const horizon = startOfNextLocalDay(now, zone, 1 + UPCOMING_DAYS);
  return db.transaction('r', db.tasks, db.contacts, async () => {
    // Each range ends just before a midnight: a task at 00:00 belongs to the day it starts.
    const upcomingRange = () => openDueBetween(tomorrow - 1, horizon - 1);
    const laterRange = () => openDueBetween(horizon - 1, Infinity);
    const [overdue, today, upcoming, later, upcomingTotal, laterTotal] = await Promise.all([
      openDueBetween(-Infinity, now).toArray(),
      openDueBetween(now, tomorrow - 1).toArray(),
      upcomingRange().limit(limit).toArray(),
      laterRange().limit(limit).toArray(),
      upcomingRange().count(),
      laterRange().count(),
    ]);
    return {
      overdue: await withContacts(overdue),
      today: await withContacts(today),
      upcoming: await withContacts(upcoming),
      later: await withContacts(later),
      upcomingTotal,
      laterTotal,
    };
  });
}

async function changeTask(taskId: string, changes: Partial<Task>): Promise<void> {
  const db = database();
  await db.transaction('rw', db.tasks, async () => {
    // `update` also answers 0 when nothing changed, so ask whether the task exists.
    if (!(await db.tasks.get(taskId)))
      throw new WriteRefused({ kind: 'gone', record: 'follow-up' });
    await db.tasks.update(taskId, changes);
  });
}

/** Pushes a follow-up to a later time; it leaves "overdue" until then. */
export function snoozeTask(taskId: string, until: number): Promise<void> {
  try {
    return changeTask(taskId, { dueAt: storableDate(until, 'The new time') });
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** The task leaves the queue with nothing logged: a meeting that took place, or a follow-up
 *  the rep chose to skip (lib/actions decides which tasks may simply be done). */
export function completeTask(taskId: string): Promise<void> {
  return changeTask(taskId, { status: 'done' });
}

/** Open follow-ups due now or earlier: the number on the toolbar badge. */
export function dueTaskCount(now: number): Promise<number> {
  return openDueBetween(-Infinity, now).count();
}

/** Open follow-ups with from < dueAt <= to: the ones to announce since the last check. */
export function tasksFallingDue(from: number, to: number): Promise<Task[]> {
  return openDueBetween(from, to).toArray();
}

/** The first open follow-up due after `after`: when the next alarm should ring. */
export function nextTaskDueAfter(after: number): Promise<Task | undefined> {
  return openDueBetween(after, Infinity).first();
}
