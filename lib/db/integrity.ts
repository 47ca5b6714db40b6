// Whether every reference between stored records points to a record that exists. Nothing a
// rep, a CRM page or the dashboard does (at once, in any order) may leave one dangling: an
// attempt whose closed follow-up is gone cannot be undone, a plan whose reference note is gone
// shows a reference to nothing. The property test over racing writes checks this after every
// run; a repair can start from the same list.
import { database, type SecondCallDb } from './schema';

/** One reference to a record that is not stored. */
interface IntegrityProblem {
  /** The table and id of the record holding the reference. */
  table: 'notes' | 'attempts' | 'tasks' | 'plans' | 'identityChoices';
  id: string;
  /** The field holding it. */
  field: 'contactId' | 'closedTaskIds' | 'attemptId' | 'referenceNoteId';
  /** The id it names, which no record of `missing` holds. */
  names: string;
  missing: 'contacts' | 'tasks' | 'attempts' | 'notes';
}

/** Every dangling reference in the database, in one read-only snapshot of it; none when all is
 *  consistent. Reads every record (a repair's or a test's query, not a screen's). */
export async function integrityProblems(
  db: SecondCallDb = database(),
): Promise<IntegrityProblem[]> {
  return db.transaction(
    'r',
    [db.contacts, db.notes, db.attempts, db.tasks, db.plans, db.identityChoices],
    async () => {
      const [contactIds, notes, attempts, tasks, plans, choices] = await Promise.all([
        db.contacts.toCollection().primaryKeys(),
        db.notes.toArray(),
        db.attempts.toArray(),
        db.tasks.toArray(),
        db.plans.toArray(),
        db.identityChoices.toArray(),
      ]);
      const contacts = new Set(contactIds);
      const noteIds = new Set(notes.map((n) => n.id));
      const attemptIds = new Set(attempts.map((a) => a.id));
      const taskIds = new Set(tasks.map((t) => t.id));
      const problems: IntegrityProblem[] = [];
      const need = (
        exists: Set<string>,
        missing: IntegrityProblem['missing'],
        table: IntegrityProblem['table'],
        id: string,
        field: IntegrityProblem['field'],
        names: string | undefined,
      ) => {
        if (names !== undefined && !exists.has(names)) {
          problems.push({ table, id, field, names, missing });
        }
      };
      for (const n of notes) need(contacts, 'contacts', 'notes', n.id, 'contactId', n.contactId);
      for (const a of attempts) {
        need(contacts, 'contacts', 'attempts', a.id, 'contactId', a.contactId);
        for (const closed of a.closedTaskIds ?? []) {
          need(taskIds, 'tasks', 'attempts', a.id, 'closedTaskIds', closed);
        }
      }
      for (const t of tasks) {
        need(contacts, 'contacts', 'tasks', t.id, 'contactId', t.contactId);
        need(attemptIds, 'attempts', 'tasks', t.id, 'attemptId', t.attemptId);
      }
      for (const p of plans) {
        need(contacts, 'contacts', 'plans', p.contactId, 'contactId', p.contactId);
        need(noteIds, 'notes', 'plans', p.contactId, 'referenceNoteId', p.referenceNoteId);
      }
      for (const c of choices) {
        need(contacts, 'contacts', 'identityChoices', c.record, 'contactId', c.contactId);
      }
      return problems;
    },
  );
}

/** One problem in plain words, e.g. for a test's failure message or a repair's list. */
export function describeProblem(problem: IntegrityProblem): string {
  return `${problem.table} ${problem.id}: ${problem.field} names ${problem.names}, which is not in ${problem.missing}`;
}
