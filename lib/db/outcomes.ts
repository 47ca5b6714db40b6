// After the call: one click writes the attempt and schedules the next follow-up, atomically.
import type {
  Attempt,
  Channel,
  Contact,
  ContactStatus,
  FollowUp,
  Outcome,
  PlanSummary,
  Task,
} from '../model';
import { database, type SecondCallDb } from './schema';

/** The cadence, passed in: decisions live in lib/coach, this file only writes. It runs inside
 *  the transaction, on the history as it is at that moment. */
export type ScheduleNext = (contact: Contact, history: Attempt[]) => FollowUp | null;
/** The contact's new status after the outcome, or undefined to leave it (also a lib/coach rule). */
export type StatusAfter = (contact: Contact) => ContactStatus | undefined;

export interface OutcomeInput {
  contactId: string;
  outcome: Outcome;
  now: number;
  /** Defaults to 'email' for sent-info and email-sent, otherwise 'call'. */
  channel?: Channel;
  voicemailSeconds?: number;
  /** A time agreed with the prospect; the next task lands exactly there. */
  agreedAt?: number;
  /** A time the rep promised to try again (a voicemail); the next task lands there too. */
  promisedAt?: number;
  plan?: PlanSummary;
  note?: string;
}

export interface LoggedOutcome {
  attempt: Attempt;
  /** The next follow-up, or null when there is none (wrong number, meeting without a time). */
  task: Task | null;
}

function missingContact(): Error {
  return new Error('That contact no longer exists.');
}

/** Marks the contact's open tasks done and returns their ids. Call inside a 'rw' transaction.
 *  `keepMeetings`: a logged call is the follow-up, not the booked meeting, so that stays. */
async function closeOpenTasks(
  db: SecondCallDb,
  contactId: string,
  keepMeetings = false,
): Promise<string[]> {
  const open = await db.tasks
    .where('contactId')
    .equals(contactId)
    .filter((task) => task.status === 'open' && !(keepMeetings && task.kind === 'meeting'))
    .primaryKeys();
  if (open.length > 0) {
    await db.tasks.bulkUpdate(open.map((key) => ({ key, changes: { status: 'done' as const } })));
  }
  return open;
}

function defaultChannel(outcome: Outcome): Channel {
  return outcome === 'sent-info' || outcome === 'email-sent' ? 'email' : 'call';
}

function taskOf(next: FollowUp, contactId: string, now: number, attemptId: string): Task {
  return definedOnly({
    id: crypto.randomUUID(),
    contactId,
    dueAt: next.dueAt,
    channel: next.channel,
    status: 'open' as const,
    reason: next.reason,
    attemptId,
    kind: next.kind,
    createdAt: now,
  });
}

/** Only the fields that were given: an undefined key would still be stored by IndexedDB. */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A contact's attempts, newest first. */
export function attemptsOfContact(contactId: string): Promise<Attempt[]> {
  return database()
    .attempts.where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .toArray();
}

/**
 * Writes what happened on the call and the next follow-up `scheduleNext` decides. The open
 * tasks of the contact are closed (this attempt was that follow-up) and remembered on the
 * attempt, so `undoOutcome` can put everything back; so is a status `statusAfter` changes.
 */
export async function writeOutcome(
  input: OutcomeInput,
  scheduleNext: ScheduleNext,
  statusAfter?: StatusAfter,
): Promise<LoggedOutcome> {
  const db = database();
  // One transaction: IndexedDB commits all of it or none of it, so a failed write (a full
  // disk, a closed database) leaves no attempt without its task. Durability is a per-database
  // setting in Dexie (`chromeTransactionDurability`), not per transaction: with the browsers'
  // default, a crash just after commit may lose the whole click, but never half of it.
  return db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const contact = await db.contacts.get(input.contactId);
    if (!contact) throw missingContact();
    const next = scheduleNext(contact, await attemptsOfContact(contact.id));
    const status = statusAfter?.(contact);
    const statusBefore =
      status !== undefined && status !== (contact.status ?? 'active')
        ? { status: contact.status ?? 'active', updatedAt: contact.updatedAt }
        : undefined;
    if (statusBefore) await db.contacts.update(contact.id, { status, updatedAt: input.now });

    const closedTaskIds = await closeOpenTasks(db, contact.id, true);
    const attempt: Attempt = definedOnly({
      id: crypto.randomUUID(),
      contactId: contact.id,
      at: input.now,
      channel: input.channel ?? defaultChannel(input.outcome),
      outcome: input.outcome,
      voicemailSeconds: input.voicemailSeconds,
      agreedAt: input.agreedAt,
      promisedAt: input.promisedAt,
      plan: input.plan,
      note: input.note?.trim() || undefined,
      closedTaskIds,
      statusBefore,
    });
    await db.attempts.add(attempt);

    if (!next) return { attempt, task: null };

    const task = taskOf(next, contact.id, input.now, attempt.id);
    await db.tasks.add(task);
    return { attempt, task };
  });
}

/**
 * Puts the meeting booked on `attemptId` in the queue at the time `meeting` gives. Linked to
 * that attempt, so undoing the outcome removes it too; saving again moves it rather than
 * adding a second.
 */
export async function writeMeetingTask(
  attemptId: string,
  now: number,
  meeting: (contact: Contact) => FollowUp,
): Promise<Task> {
  const db = database();
  return db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const attempt = await db.attempts.get(attemptId);
    if (attempt?.outcome !== 'meeting-booked') {
      throw new Error('That booked meeting is no longer logged (was it undone?).');
    }
    const contact = await db.contacts.get(attempt.contactId);
    if (!contact) throw missingContact();
    await db.tasks
      .where('attemptId')
      .equals(attemptId)
      .filter((task) => task.kind === 'meeting')
      .delete();
    const task = taskOf({ ...meeting(contact), kind: 'meeting' }, contact.id, now, attemptId);
    await db.tasks.add(task);
    return task;
  });
}

/** Takes a logged outcome back: the attempt and its task go, the tasks it closed reopen.
 *  Undoing twice is harmless: the second finds nothing to undo. */
export async function undoOutcome(attemptId: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const attempt = await db.attempts.get(attemptId);
    if (!attempt) return;
    // Only the newest outcome can be taken back: a later one (from another panel) has
    // already replaced the follow-ups this one would reopen.
    const later = await db.attempts
      .where('[contactId+at]')
      .between([attempt.contactId, attempt.at], [attempt.contactId, Infinity], false, true)
      .count();
    if (later > 0) {
      throw new Error('A later outcome was logged for this contact since; undo that one first.');
    }
    await db.tasks.where('attemptId').equals(attemptId).delete();
    const reopen = attempt.closedTaskIds ?? [];
    if (reopen.length > 0) {
      await db.tasks.bulkUpdate(
        reopen.map((key) => ({ key, changes: { status: 'open' as const } })),
      );
    }
    if (attempt.statusBefore) {
      await db.contacts.update(attempt.contactId, { ...attempt.statusBefore });
    }
    await db.attempts.delete(attemptId);
  });
}

/** What was said, typed after the click; an empty note removes it. */
export async function noteOnAttempt(attemptId: string, note: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.attempts, async () => {
    // `update` also answers 0 when nothing changed, so ask whether the attempt exists.
    if (!(await db.attempts.get(attemptId))) throw new Error('That attempt no longer exists.');
    await db.attempts.update(attemptId, { note: note.trim() || undefined });
  });
}

/** A contact's open follow-up tasks, soonest first. */
export function openTasksOfContact(contactId: string): Promise<Task[]> {
  return database()
    .tasks.where('contactId')
    .equals(contactId)
    .filter((task) => task.status === 'open')
    .sortBy('dueAt');
}

/** The follow-up shown as "Next follow-up": the contact's earliest open task. */
export async function nextTaskOfContact(contactId: string): Promise<Task | undefined> {
  return (await openTasksOfContact(contactId))[0];
}

/** The rep moves the next follow-up to another time or channel. */
export async function rescheduleTask(
  taskId: string,
  dueAt: number,
  channel: Channel,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.tasks, async () => {
    if (!(await db.tasks.get(taskId))) throw new Error('That follow-up no longer exists.');
    await db.tasks.update(taskId, { dueAt, channel });
  });
}

/** Stops the chase but stays in touch: the open tasks close and `touch` (the cadence's
 *  monthly touch for this contact) becomes the one follow-up. */
export async function writeNurture(
  contactId: string,
  now: number,
  touch: (contact: Contact) => FollowUp,
): Promise<Task> {
  const db = database();
  return db.transaction('rw', db.contacts, db.tasks, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw missingContact();
    await closeOpenTasks(db, contactId);
    const task: Task = {
      id: crypto.randomUUID(),
      contactId,
      ...touch(contact),
      status: 'open',
      createdAt: now,
    };
    await db.tasks.add(task);
    await db.contacts.update(contactId, { status: 'nurture', updatedAt: now });
    return task;
  });
}

/** Stops following up: nothing stays in the queue for this contact. */
export async function closeFile(contactId: string, now: number): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, db.tasks, async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw missingContact();
    await closeOpenTasks(db, contactId);
    await db.contacts.update(contactId, { status: 'closed', updatedAt: now });
  });
}
