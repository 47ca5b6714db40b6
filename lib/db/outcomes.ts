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
import { allOrCause, storableDate, WriteRefused, type Refusal } from './errors';
import { TEXT_LIMITS, capText } from '../model/limits';
import { commitOutcomeWrites, type OutcomeWrites, type StoredBefore } from './outcome-commit';

/** The cadence, passed in: decisions live in lib/coach, this file only writes. It runs inside
 *  the transaction, on the history as it is at that moment. */
type ScheduleNext = (contact: Contact, history: Attempt[]) => FollowUp | null;
/** The contact's new status after the outcome and the follow-up it scheduled, or undefined
 *  to leave it (also a lib/coach rule). */
type StatusAfter = (contact: Contact, next: FollowUp | null) => ContactStatus | undefined;

export interface OutcomeInput {
  /** A corrected outcome keeps its attempt's id (lib/db/attempt-edits): the after-call note
   *  and Undo name it. A new one gets a fresh id. */
  id?: string;
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

/** What the plan said, each text within a plan field's cap. */
function cappedSummary(plan: PlanSummary): PlanSummary {
  const capped: PlanSummary = { ...plan };
  for (const key of ['goal', 'reference', 'newValue', 'ask'] as const) {
    const text = plan[key];
    if (text !== undefined) capped[key] = capText(text, TEXT_LIMITS.plan);
  }
  return capped;
}

function missingContact(): Error {
  return new WriteRefused({ kind: 'gone', record: 'contact' });
}

/** Marks the contact's open tasks done and returns their ids. Call inside a 'rw' transaction. */
async function closeOpenTasks(db: SecondCallDb, contactId: string): Promise<string[]> {
  const open = await db.tasks
    .where('contactId')
    .equals(contactId)
    .filter((task) => task.status === 'open')
    .primaryKeys();
  if (open.length > 0) {
    await db.tasks.bulkUpdate(open.map((key) => ({ key, changes: { status: 'done' as const } })));
  }
  return open;
}

export function defaultChannel(outcome: Outcome): Channel {
  return outcome === 'sent-info' || outcome === 'email-sent' ? 'email' : 'call';
}

function taskOf(next: FollowUp, contactId: string, now: number, attemptId: string): Task {
  return definedOnly({
    id: crypto.randomUUID(),
    contactId,
    dueAt: storableDate(next.dueAt, 'The follow-up time'),
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

/** A contact's attempts, newest first. (A plain read then reversed: IndexedDB reads a range
 *  in one request only forwards; backwards it is a cursor, one step at a time.) */
export async function attemptsOfContact(contactId: string): Promise<Attempt[]> {
  const attempts = await database()
    .attempts.where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .toArray();
  return attempts.reverse();
}

/** What the panel shows of the contact when the rep clicks: its record, its attempts (newest
 *  first) and its open tasks, read by its live queries. */
export interface KnownRecords {
  contact: Contact;
  history: readonly Attempt[];
  openTasks: readonly Task[];
}

/** What one outcome writes, decided from the contact, its history and its tasks. */
interface PlannedOutcome {
  attempt: Attempt;
  task: Task | null;
  closing: Task[];
  status?: ContactStatus;
}

function planOutcome(
  input: OutcomeInput,
  contact: Contact,
  history: readonly Attempt[],
  openTasks: readonly Task[],
  scheduleNext: ScheduleNext,
  statusAfter?: StatusAfter,
): PlannedOutcome {
  const next = scheduleNext(contact, [...history]);
  const status = statusAfter?.(contact, next);
  const statusBefore =
    status !== undefined && status !== (contact.status ?? 'active')
      ? { status: contact.status ?? 'active', updatedAt: contact.updatedAt }
      : undefined;
  // A logged call is the follow-up, not the booked meeting: that stays open.
  const closing = openTasks.filter((task) => task.kind !== 'meeting');
  const attempt: Attempt = definedOnly({
    id: input.id ?? crypto.randomUUID(),
    contactId: contact.id,
    at: input.now,
    channel: input.channel ?? defaultChannel(input.outcome),
    outcome: input.outcome,
    voicemailSeconds: input.voicemailSeconds,
    agreedAt:
      input.agreedAt === undefined ? undefined : storableDate(input.agreedAt, 'The agreed time'),
    promisedAt:
      input.promisedAt === undefined
        ? undefined
        : storableDate(input.promisedAt, 'The promised time'),
    plan: input.plan && cappedSummary(input.plan),
    note: capText(input.note?.trim() ?? '', TEXT_LIMITS.note) || undefined,
    closedTaskIds: closing.map((task) => task.id),
    statusBefore,
  });
  const task = next ? taskOf(next, contact.id, input.now, attempt.id) : null;
  return { attempt, task, closing, status: statusBefore ? status : undefined };
}

/** The writes of a planned outcome, sent together. Call inside the outcome's transaction. */
function writePlanned(db: SecondCallDb, plan: PlannedOutcome, now: number): Promise<unknown> {
  const { attempt, task, closing, status } = plan;
  return allOrCause([
    closing.length > 0 &&
      db.tasks.bulkPut(closing.map((open) => ({ ...open, status: 'done' as const }))),
    status && db.contacts.update(attempt.contactId, { status, updatedAt: now }),
    db.attempts.add(attempt),
    task && db.tasks.add(task),
  ]);
}

const sameIds = (a: readonly { id: string }[], b: readonly string[]) =>
  a.length === b.length && a.every((record) => b.includes(record.id));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the records the outcome was decided from are the ones stored: the contact, its
 *  history, and its open follow-ups, each exactly as the panel showed it. */
function unchangedSince(known: KnownRecords, plan: PlannedOutcome, stored: StoredBefore): boolean {
  const open = stored.openTasks.filter((task) => task.kind !== 'meeting');
  return (
    same(stored.contact, known.contact) &&
    sameIds(known.history, stored.attemptIds) &&
    sameIds(
      plan.closing,
      open.map((task) => task.id),
    ) &&
    plan.closing.every((task) =>
      same(
        open.find((stored) => stored.id === task.id),
        task,
      ),
    )
  );
}

/** The writes of a planned outcome, as one direct commit (lib/db/outcome-commit). */
function writesOf(plan: PlannedOutcome, contact: Contact, now: number): OutcomeWrites {
  const { attempt, task, closing, status } = plan;
  return { attempt, task, closing, contact: status && { ...contact, status, updatedAt: now } };
}

/**
 * Writes what happened on the call and the next follow-up `scheduleNext` decides. The open
 * tasks of the contact are closed (this attempt was that follow-up) and remembered on the
 * attempt, so `undoOutcome` can put everything back; so is a status `statusAfter` changes.
 *
 * One transaction: IndexedDB commits all of it or none of it, so a failed write (a full
 * disk, a closed database) leaves no attempt without its task. The database's durability is
 * strict (lib/db/schema): committed means on disk.
 *
 * Given what the panel shows (`known`), the outcome is decided from it and sent at once,
 * together with reads of the same records as stored (lib/db/outcome-commit): the rep's click
 * costs about one trip to the database. If those reads show that something moved on meanwhile
 * (another panel logged an outcome, a CRM page updated the contact, a follow-up was moved or
 * added), that transaction aborts, so no other page ever sees an outcome decided from an old
 * view, and one more decides it again from what is stored.
 */
export async function writeOutcome(
  input: OutcomeInput,
  scheduleNext: ScheduleNext,
  statusAfter?: StatusAfter,
  known?: KnownRecords,
): Promise<LoggedOutcome> {
  const db = database();
  if (!known || known.contact.id !== input.contactId) {
    return decideFromStored(db, input, scheduleNext, statusAfter);
  }
  const plan = planOutcome(
    input,
    known.contact,
    known.history,
    known.openTasks,
    scheduleNext,
    statusAfter,
  );
  const committed = await commitOutcomeWrites(
    db,
    writesOf(plan, known.contact, input.now),
    (stored) => unchangedSince(known, plan, stored),
  );
  if (committed) return { attempt: plan.attempt, task: plan.task };
  return decideFromStored(db, input, scheduleNext, statusAfter);
}

/** The outcome decided from what is stored, in one transaction. */
function decideFromStored(
  db: SecondCallDb,
  input: OutcomeInput,
  scheduleNext: ScheduleNext,
  statusAfter?: StatusAfter,
): Promise<LoggedOutcome> {
  const id = input.contactId;
  return db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const [contact, ascending, tasks] = await allOrCause([
      db.contacts.get(id),
      db.attempts.where('[contactId+at]').between([id, -Infinity], [id, Infinity]).toArray(),
      db.tasks.where('contactId').equals(id).toArray(),
    ]);
    if (!contact) throw missingContact();
    const open = tasks.filter((task) => task.status === 'open');
    const plan = planOutcome(input, contact, ascending.reverse(), open, scheduleNext, statusAfter);
    await writePlanned(db, plan, input.now);
    return { attempt: plan.attempt, task: plan.task };
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
      throw new WriteRefused({ kind: 'gone', record: 'booked-meeting' });
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

type UndoBlocked = Extract<Refusal, { kind: 'stale-undo' }>['why'];

/** Why Undo cannot take `attempt` back exactly, or undefined when it can. Call inside a
 *  transaction on contacts, attempts and tasks. */
export async function undoBlocked(
  db: SecondCallDb,
  attempt: Attempt,
): Promise<UndoBlocked | undefined> {
  const closed = await db.tasks.bulkGet(attempt.closedTaskIds ?? []);
  if (closed.some((task) => task === undefined)) return 'closed-follow-up-gone';
  // Only the newest outcome can be taken back: a later one (from another panel) has
  // already replaced the follow-ups this one would reopen. An outcome whose follow-up this
  // one closed was logged first, even at a later time (a click decided again from what was
  // stored keeps its click's time).
  const before = new Set(closed.map((task) => task?.attemptId));
  const later = await db.attempts
    .where('[contactId+at]')
    .between([attempt.contactId, attempt.at], [attempt.contactId, Infinity], false, true)
    .filter((other) => !before.has(other.id))
    .count();
  if (later > 0) return 'later-outcome';
  // Logged in the same moment, an outcome may be newer than this one without a later time:
  // whether this one's follow-up is still open says whether something else built on it.
  const scheduled = await db.tasks.where('attemptId').equals(attempt.id).toArray();
  if (scheduled.some((task) => task.status !== 'open')) return 'follow-up-done';
  return undefined;
}

/** Takes a logged outcome back: the attempt and its task go, the tasks it closed reopen, its
 *  status change is reverted. Exactly that, or nothing with the reason: a follow-up it
 *  scheduled that was done since (by another outcome, which names it, or in the queue) stays,
 *  and one it closed that is gone cannot be reopened. Undoing twice is harmless: the second
 *  finds nothing to undo. */
export async function undoOutcome(attemptId: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.contacts, db.attempts, db.tasks, async () => {
    const attempt = await db.attempts.get(attemptId);
    if (!attempt) return;
    const why = await undoBlocked(db, attempt);
    if (why) throw new WriteRefused({ kind: 'stale-undo', why });
    const reopen = attempt.closedTaskIds ?? [];
    await db.tasks.where('attemptId').equals(attemptId).delete();
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
    if (!(await db.attempts.get(attemptId)))
      throw new WriteRefused({ kind: 'gone', record: 'attempt' });
    await db.attempts.update(attemptId, {
      note: capText(note.trim(), TEXT_LIMITS.note) || undefined,
    });
  });
}

/** Marks (or unmarks) a conversation as one where they did not remember the rep. */
export async function markDidNotRemember(
  attemptId: string,
  didNotRemember: boolean,
): Promise<void> {
  const db = database();
  await db.transaction('rw', db.attempts, async () => {
    if (!(await db.attempts.get(attemptId)))
      throw new WriteRefused({ kind: 'gone', record: 'attempt' });
    // Unmarked, the field leaves the record, as if it had never been set.
    await db.attempts.update(attemptId, { didNotRemember: didNotRemember || undefined });
  });
}

/** A contact's open follow-up tasks, soonest first. */
export function openTasksOfContact(contactId: string): Promise<Task[]> {
  return database().tasks.where('[contactId+status]').equals([contactId, 'open']).sortBy('dueAt');
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
    if (!(await db.tasks.get(taskId)))
      throw new WriteRefused({ kind: 'gone', record: 'follow-up' });
    await db.tasks.update(taskId, { dueAt: storableDate(dueAt, 'The new time'), channel });
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
