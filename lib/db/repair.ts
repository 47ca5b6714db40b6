// "Remove records that cannot be shown": the fix a part of a screen offers when a stored record
// made it fail (an older version's data, a damaged profile, a file restored before the checks).
// Every record is passed through the one validated shape (cleanRecord); those that fail are
// removed, those that pass with cuts are stored as cleaned. A contact is never removed here:
// with it would go years of notes, so it is kept and the rep is told.
import { cleanRecord, type RecordTable } from '../transfer/records';
import { unshowableDates } from '../model/showable-dates';
import { database } from './schema';

type Kind = Exclude<RecordTable, 'settings'>;

/** One line per kind and cause, e.g. "Removed 1 follow-up whose date was out of range." */
export interface RepairResult {
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
export function verdictOf(table: RecordTable, record: unknown): Verdict {
  if (unshowableDates(table, record).length > 0) return { keep: false, cause: 'date' };
  const cleaned = cleanRecord(table, record);
  if (!cleaned.ok) return { keep: false, cause: 'shape' };
  if (cleaned.cuts.length === 0) return { keep: true };
  return { keep: 'cleaned', record: cleaned.record, reasons: cleaned.cuts.map((c) => c.reason) };
}

function emptyCounts(): Record<RecordTable, number> {
  return { contacts: 0, notes: 0, attempts: 0, tasks: 0, plans: 0, settings: 0 };
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
    const scoped = contactId !== undefined;
    const between = [
      [contactId, -Infinity],
      [contactId, Infinity],
    ] as const;
    const [contacts, notes, attempts, tasks, plans, settings] = await Promise.all([
      scoped ? db.contacts.where('id').equals(contactId).toArray() : db.contacts.toArray(),
      scoped
        ? db.notes
            .where('[contactId+createdAt]')
            .between(...between)
            .toArray()
        : db.notes.toArray(),
      scoped
        ? db.attempts
            .where('[contactId+at]')
            .between(...between)
            .toArray()
        : db.attempts.toArray(),
      scoped ? db.tasks.where('contactId').equals(contactId).toArray() : db.tasks.toArray(),
      scoped ? db.plans.where('contactId').equals(contactId).toArray() : db.plans.toArray(),
      scoped ? [] : db.settings.toArray(),
    ]);
    const removed = emptyCounts();
    const fixed = emptyCounts();
    const keptContacts: string[] = [];
    const lines: string[] = [];
    const causes = new Map<string, number>();
    const tally = (key: string) => causes.set(key, (causes.get(key) ?? 0) + 1);

    const rows: [RecordTable, readonly object[], string][] = [
      ['contacts', contacts, 'id'],
      ['notes', notes, 'id'],
      ['attempts', attempts, 'id'],
      ['tasks', tasks, 'id'],
      ['plans', plans, 'contactId'],
      ['settings', settings, 'id'],
    ];
    for (const [table, records, key] of rows) {
      const deletes: unknown[] = [];
      const puts: unknown[] = [];
      for (const record of records) {
        const verdict = verdictOf(table, record);
        if (verdict.keep === true) continue;
        if (verdict.keep === 'cleaned') {
          puts.push(verdict.record);
          fixed[table] += 1;
          for (const reason of new Set(verdict.reasons))
            tally(`fixed\u0000${table}\u0000${reason}`);
          continue;
        }
        if (table === 'contacts') {
          const name = (record as { name?: unknown }).name;
          keptContacts.push(typeof name === 'string' && name ? name : 'A contact');
          continue;
        }
        deletes.push((record as Record<string, unknown>)[key]);
        removed[table] += 1;
        tally(`removed\u0000${table}\u0000${verdict.cause}`);
      }
      const store = db.table(table);
      if (deletes.length > 0) await store.bulkDelete(deletes as never[]);
      if (puts.length > 0) await store.bulkPut(puts as never[]);
    }

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
