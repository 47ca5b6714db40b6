// A restored backup keeps every reference between records whole: a note, call, follow-up or
// plan belongs to a contact that is in the file or already stored (else the file is refused:
// its records would belong to no one), and a call's closed follow-ups, a follow-up's call and
// a plan's reference note name records that exist (else that reference alone is dropped, and
// the preview says so — Undo and the plan never point at nothing).
import type { Attempt, CallPlan, Note, Task } from '../model';

interface KeyedTable {
  bulkGet(keys: string[]): Promise<unknown[]>;
}

interface ImportTablesRead {
  contacts: KeyedTable;
  notes: KeyedTable;
  attempts: KeyedTable;
  tasks: KeyedTable;
}

interface IncomingRecords {
  notes: Note[];
  attempts: Attempt[];
  tasks: Task[];
  plans: CallPlan[];
}

type ResolvedReferences =
  { ok: true; records: IncomingRecords; dropped: number } | { ok: false; problem: string };

/** The keys of `keys` that neither `known` holds nor `table` stores. */
async function missingOf(
  table: KeyedTable,
  keys: Iterable<string>,
  known: ReadonlySet<string>,
): Promise<Set<string>> {
  const unknown = [...new Set(keys)].filter((k) => !known.has(k));
  if (unknown.length === 0) return new Set();
  const stored = await table.bulkGet(unknown);
  return new Set(unknown.filter((_, i) => stored[i] === undefined));
}

const KIND: Record<keyof IncomingRecords, string> = {
  notes: 'note',
  attempts: 'logged call',
  tasks: 'follow-up',
  plans: 'call plan',
};

/**
 * The file's records with every reference checked against the file and the database.
 * `contacts` are the contact ids the import will hold (the file's, after merging into stored
 * ones); `incoming` already names those ids. Call inside the import's transaction.
 */
export async function resolveReferences(
  db: ImportTablesRead,
  contacts: ReadonlySet<string>,
  incoming: IncomingRecords,
): Promise<ResolvedReferences> {
  const owned = ['notes', 'attempts', 'tasks', 'plans'] as const;
  const missingContacts = await missingOf(
    db.contacts,
    owned.flatMap((t) => incoming[t].map((r) => r.contactId)),
    contacts,
  );
  for (const table of owned) {
    const records: readonly { contactId: string; id?: string }[] = incoming[table];
    const i = records.findIndex((r) => missingContacts.has(r.contactId));
    if (i < 0) continue;
    const record = records[i]!;
    const named = record.id ? ` (${JSON.stringify(record.id)})` : '';
    return {
      ok: false,
      problem: `Record ${i + 1} of "${table}"${named} is a ${KIND[table]} of contact ${JSON.stringify(record.contactId)}, which is neither in this file nor stored here, so it would belong to no one. Nothing was imported; export the backup again with its contacts.`,
    };
  }

  const [missingTasks, missingAttempts, missingNotes] = await Promise.all([
    missingOf(
      db.tasks,
      incoming.attempts.flatMap((a) => a.closedTaskIds ?? []),
      new Set(incoming.tasks.map((t) => t.id)),
    ),
    missingOf(
      db.attempts,
      incoming.tasks.flatMap((t) => (t.attemptId === undefined ? [] : [t.attemptId])),
      new Set(incoming.attempts.map((a) => a.id)),
    ),
    missingOf(
      db.notes,
      incoming.plans.flatMap((p) => (p.referenceNoteId === undefined ? [] : [p.referenceNoteId])),
      new Set(incoming.notes.map((n) => n.id)),
    ),
  ]);
  let dropped = 0;
  const attempts = incoming.attempts.map((a) => {
    const kept = a.closedTaskIds?.filter((id) => !missingTasks.has(id));
    if (!a.closedTaskIds || kept!.length === a.closedTaskIds.length) return a;
    dropped += a.closedTaskIds.length - kept!.length;
    const rest: Attempt = { ...a };
    delete rest.closedTaskIds;
    return kept!.length ? { ...rest, closedTaskIds: kept! } : rest;
  });
  const tasks = incoming.tasks.map((t) => {
    if (t.attemptId === undefined || !missingAttempts.has(t.attemptId)) return t;
    dropped++;
    const rest: Task = { ...t };
    delete rest.attemptId;
    return rest;
  });
  const plans = incoming.plans.map((p) => {
    if (p.referenceNoteId === undefined || !missingNotes.has(p.referenceNoteId)) return p;
    dropped++;
    const rest: CallPlan = { ...p };
    delete rest.referenceNoteId;
    return rest;
  });
  return { ok: true, records: { notes: incoming.notes, attempts, tasks, plans }, dropped };
}

/** The preview's line for references dropped because they named no record. */
export function droppedReferencesLine(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'reference' : 'references'} to a record neither in the file nor stored (a call's closed follow-up, a follow-up's call, a plan's note) ${n === 1 ? 'was' : 'were'} dropped; the records themselves are kept`;
}
