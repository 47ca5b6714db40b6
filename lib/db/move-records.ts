import Dexie from 'dexie';
import { database } from './schema';

/** What a contact has logged: what "Move N notes and M calls" would move. */
export interface LoggedRecords {
  notes: number;
  attempts: number;
  tasks: number;
  plan: boolean;
}

/** Exactly what one move changed, so Undo puts back those records and no others. */
export interface MovedRecords {
  from: string;
  to: string;
  noteIds: string[];
  attemptIds: string[];
  taskIds: string[];
  /** The call plan moved too (only when the right contact had none). */
  planMoved: boolean;
}

function tables() {
  const db = database();
  return [db.notes, db.attempts, db.tasks, db.plans] as const;
}

async function idsOf(contactId: string) {
  const db = database();
  const [notes, attempts, tasks, plan] = await Promise.all([
    db.notes
      .where('[contactId+createdAt]')
      .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
      .primaryKeys(),
    db.attempts
      .where('[contactId+at]')
      .between([contactId, Dexie.minKey], [contactId, Dexie.maxKey])
      .primaryKeys(),
    db.tasks.where('contactId').equals(contactId).primaryKeys(),
    db.plans.get(contactId),
  ]);
  return { notes, attempts, tasks, plan };
}

/** Whether a plan holds anything the rep wrote (an untouched plan is not worth moving). */
const written = (plan: { goal: string; reference: string; newValue: string; ask: string }) =>
  [plan.goal, plan.reference, plan.newValue, plan.ask].some((text) => text.trim() !== '');

export async function loggedRecords(contactId: string): Promise<LoggedRecords> {
  const db = database();
  const ids = await db.transaction('r', tables(), () => idsOf(contactId));
  return {
    notes: ids.notes.length,
    attempts: ids.attempts.length,
    tasks: ids.tasks.length,
    plan: !!ids.plan && written(ids.plan),
  };
}

/** Moves everything logged on `from` to `to` in one transaction: all of it or nothing. */
export async function moveRecords(from: string, to: string): Promise<MovedRecords> {
  const db = database();
  return db.transaction('rw', tables(), async () => {
    const ids = await idsOf(from);
    const moveTo = { contactId: to };
    await db.notes.bulkUpdate(ids.notes.map((key) => ({ key, changes: moveTo })));
    await db.attempts.bulkUpdate(ids.attempts.map((key) => ({ key, changes: moveTo })));
    await db.tasks.bulkUpdate(ids.tasks.map((key) => ({ key, changes: moveTo })));
    // The right person's own plan is never overwritten.
    const planMoved = !!ids.plan && written(ids.plan) && !(await db.plans.get(to));
    if (planMoved && ids.plan) {
      await db.plans.delete(from);
      await db.plans.put({ ...ids.plan, contactId: to });
    }
    return {
      from,
      to,
      noteIds: ids.notes,
      attemptIds: ids.attempts,
      taskIds: ids.tasks,
      planMoved,
    };
  });
}

/** Puts back what `moved` moved (records since deleted stay deleted). */
export async function undoMove(moved: MovedRecords): Promise<void> {
  const db = database();
  await db.transaction('rw', tables(), async () => {
    const back = { contactId: moved.from };
    await db.notes.bulkUpdate(moved.noteIds.map((key) => ({ key, changes: back })));
    await db.attempts.bulkUpdate(moved.attemptIds.map((key) => ({ key, changes: back })));
    await db.tasks.bulkUpdate(moved.taskIds.map((key) => ({ key, changes: back })));
    const plan = moved.planMoved ? await db.plans.get(moved.to) : undefined;
    if (plan && !(await db.plans.get(moved.from))) {
      await db.plans.delete(moved.to);
      await db.plans.put({ ...plan, contactId: moved.from });
    }
  });
}
