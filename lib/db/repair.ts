// "Remove records that cannot be shown": the fix a part of a screen offers when a stored record
// made it fail (an older version's data, a damaged profile, a file restored before the checks).
// Every record is passed through the one validated shape (cleanRecord); those that fail are
// removed, those that pass with cuts are stored as cleaned. A contact is never removed here:
// with it would go years of notes, so it is kept and the rep is told. No reference to a removed
// record is left behind (lib/db/integrity).
import type { IndexableType, Table } from 'dexie';
import { cleanRecord, type RecordTable } from '../transfer/records';
import { unshowableDates } from '../model/showable-dates';
import { database } from './schema';

type Kind = Exclude<RecordTable, 'settings'>;

/** One line per kind and cause, e.g. "Removed 1 follow-up whose date was out of range." */
interface RepairResult {
  removed: Record<RecordTable, number>;
  fixed: Record<RecordTable, number>;
  /** Contacts that cannot be shown and were kept (their names). */
  keptContacts: string[];
  lines: string[];
}

const NAMES: Record<Kind, [one: string, many: string]> = {
  contacts: ['contact', 'contacts'],
  notes: ['note', 'notes'],
  attempts: ['logged call', 'logged calls'],
  tasks: ['follow-up', 'follow-ups'],
  plans: ['call plan', 'call plans'],
};

const counted = (n: number, kind: Kind) => `${n} ${NAMES[kind][n === 1 ? 0 : 1]}`;
const whose = (n: number) => (n === 1 ? 'whose date was' : 'whose dates were');

type Verdict =
  | { keep: true }
  | { keep: 'cleaned'; record: unknown; reasons: string[] }
  | {
      keep: false;
      cause: 'date' | 'shape';
    };

/** What becomes of one stored record. */
function verdictOf(table: RecordTable, record: unknown): Verdict {
  if (unshowableDates(table, record).length > 0) return { keep: false, cause: 'date' };
  const cleaned = cleanRecord(table, record);
  if (!cleaned.ok) return { keep: false, cause: 'shape' };
  if (cleaned.cuts.length === 0) return { keep: true };
  return { keep: 'cleaned', record: cleaned.record, reasons: cleaned.cuts.map((c) => c.reason) };
}

function emptyCounts(): Record<RecordTable, number> {
  return { contacts: 0, notes: 0, attempts: 0, tasks: 0, plans: 0, settings: 0 };
}

/** Records read and written at a time when every record is repaired: a profile of a million
 *  logged calls is never held in memory at once. */
const CHUNK = 2_000;

type Store = Table<object, IndexableType>;

/** The primary key of each kind of record. */
const KEY: Record<RecordTable, string> = {
  contacts: 'id',
  notes: 'id',
  attempts: 'id',
  tasks: 'id',
  plans: 'contactId',
  settings: 'id',
};

const keyOf = (table: RecordTable, record: object) =>
  (record as Record<string, unknown>)[KEY[table]] as IndexableType;

/** One contact's records of `table`, by the indexes the screens read them with. */
function recordsOfContact(table: RecordTable, contactId: string): Promise<object[]> {
  const db = database();
  const all = [
    [contactId, -Infinity],
    [contactId, Infinity],
  ] as const;
  switch (table) {
    case 'contacts':
      return db.contacts.where('id').equals(contactId).toArray();
    case 'notes':
      return db.notes
        .where('[contactId+createdAt]')
        .between(...all)
        .toArray();
    case 'attempts':
      return db.attempts
        .where('[contactId+at]')
        .between(...all)
        .toArray();
    case 'tasks':
      return db.tasks.where('contactId').equals(contactId).toArray();
    case 'plans':
      return db.plans.where('contactId').equals(contactId).toArray();
    case 'settings':
      return Promise.resolve([]);
  }
}

/** Every record of `store`, a chunk at a time in primary-key order. */
async function* chunksOf(table: RecordTable, store: Store): AsyncGenerator<object[]> {
  let last: IndexableType | undefined;
  for (;;) {
    const chunk = await (last === undefined
      ? store.orderBy(':id').limit(CHUNK).toArray()
      : store.where(':id').above(last).limit(CHUNK).toArray());
    if (chunk.length === 0) return;
    yield chunk;
    last = keyOf(table, chunk[chunk.length - 1]!);
    if (chunk.length < CHUNK) return;
  }
}

/** No reference is left to a removed record: a call's closed follow-ups, a follow-up's call,
 *  a plan's reference note (the plan keeps the words). Call inside the repair's transaction. */
async function forgetRemoved(gone: {
  notes: ReadonlySet<string>;
  attempts: ReadonlySet<string>;
  tasks: ReadonlySet<string>;
}): Promise<void> {
  const db = database();
  if (gone.tasks.size > 0) {
    await db.attempts
      .filter((a) => !!a.closedTaskIds?.some((id) => gone.tasks.has(id)))
      .modify((a) => {
        const kept = (a.closedTaskIds ?? []).filter((id) => !gone.tasks.has(id));
        if (kept.length > 0) a.closedTaskIds = kept;
        else delete a.closedTaskIds;
      });
  }
  if (gone.attempts.size > 0) {
    await db.tasks
      .filter((t) => t.attemptId !== undefined && gone.attempts.has(t.attemptId))
      .modify((t) => {
        delete t.attemptId;
      });
  }
  if (gone.notes.size > 0) {
    await db.plans
      .filter((p) => p.referenceNoteId !== undefined && gone.notes.has(p.referenceNoteId))
      .modify((p) => {
        delete p.referenceNoteId;
      });
  }
}

/**
 * Removes the records that cannot be shown and stores the cleaned copy of those that can once
 * cut: one contact's (its notes, logged calls, follow-ups and call plan) or, with no contact,
 * every record. One read-write transaction; nothing changes when it fails.
 */
export async function repairStoredRecords({
  contactId,
}: { contactId?: string } = {}): Promise<RepairResult> {
  const db = database();
  const tables = [db.contacts, db.notes, db.attempts, db.tasks, db.plans, db.settings];
  return db.transaction('rw', tables, async () => {
    const removed = emptyCounts();
    const fixed = emptyCounts();
    const keptContacts: string[] = [];
    const lines: string[] = [];
    const causes = new Map<string, number>();
    const tally = (key: string) => causes.set(key, (causes.get(key) ?? 0) + 1);
    const gone = {
      notes: new Set<string>(),
      attempts: new Set<string>(),
      tasks: new Set<string>(),
    };

    const repair = async (table: RecordTable, store: Store, records: readonly object[]) => {
      const deletes: IndexableType[] = [];
      const puts: object[] = [];
      for (const record of records) {
        const verdict = verdictOf(table, record);
        if (verdict.keep === true) continue;
        if (verdict.keep === 'cleaned') {
          puts.push(verdict.record as object);
          fixed[table] += 1;
          for (const reason of new Set(verdict.reasons)) {
            tally(`fixed\u0000${table}\u0000${reason}`);
          }
          continue;
        }
        if (table === 'contacts') {
          const name = (record as { name?: unknown }).name;
          keptContacts.push(typeof name === 'string' && name ? name : 'A contact');
          continue;
        }
        deletes.push(keyOf(table, record));
        if (table === 'notes' || table === 'attempts' || table === 'tasks') {
          gone[table].add(String(keyOf(table, record)));
        }
        removed[table] += 1;
        tally(`removed\u0000${table}\u0000${verdict.cause}`);
      }
      if (deletes.length > 0) await store.bulkDelete(deletes);
      if (puts.length > 0) await store.bulkPut(puts);
    };

    const kinds: RecordTable[] = ['contacts', 'notes', 'attempts', 'tasks', 'plans', 'settings'];
    for (const table of kinds) {
      const store = db.table<object, IndexableType>(table);
      if (contactId !== undefined) {
        await repair(table, store, await recordsOfContact(table, contactId));
      } else {
        for await (const chunk of chunksOf(table, store)) await repair(table, store, chunk);
      }
    }

    await forgetRemoved(gone);

    for (const [key, n] of causes) {
      const [what, table, detail] = key.split('\u0000') as [string, RecordTable, string];
      if (table === 'settings') {
        lines.push(
          what === 'removed'
            ? 'Removed your saved details, which could not be read: enter them again in Settings.'
            : `Fixed your saved details: ${detail.replace(/\.$/, '')}.`,
        );
      } else if (what === 'removed') {
        const why = detail === 'date' ? `${whose(n)} out of range` : 'that could not be read';
        lines.push(`Removed ${counted(n, table)} ${why}.`);
      } else {
        lines.push(`Fixed ${counted(n, table)}: ${detail.replace(/\.$/, '')}.`);
      }
    }
    for (const name of keptContacts) {
      lines.push(
        `Kept ${name}'s contact record, which cannot be shown: export a backup, correct it there and restore it.`,
      );
    }
    if (lines.length === 0) lines.push('Nothing needed removing: every record here can be shown.');
    return { removed, fixed, keptContacts, lines };
  });
}
