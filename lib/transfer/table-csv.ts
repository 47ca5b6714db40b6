// One CSV per table, for a spreadsheet: people named, dates in ISO 8601 (UTC), ids last.
// The contacts CSV reads back through the contacts import ("Name", "Email", "Phone", …).
import {
  OUTCOME_LABELS,
  type Attempt,
  type CallPlan,
  type Contact,
  type Note,
  type RepSettings,
  type Task,
} from '../model';
import { toCsv, type CsvColumn } from './csv';

/** Every table of the database, as the backup holds them. */
export const CSV_TABLES = ['contacts', 'notes', 'attempts', 'tasks', 'plans', 'settings'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const CSV_TABLE_LABELS: Readonly<Record<CsvTable, string>> = {
  contacts: 'Contacts',
  notes: 'Notes',
  attempts: 'Call history',
  tasks: 'Follow-ups',
  plans: 'Call plans',
  settings: 'Your details',
};

/** The records a table's CSV is made from (the contacts name the people of the others). */
interface CsvRecords {
  contacts: readonly Contact[];
  notes: readonly Note[];
  attempts: readonly Attempt[];
  tasks: readonly Task[];
  plans: readonly CallPlan[];
  settings: readonly RepSettings[];
}

function when(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

function contactColumns(): CsvColumn<Contact>[] {
  return [
    { header: 'Name', value: (c) => c.name },
    { header: 'Email', value: (c) => c.emails[0] },
    { header: 'Other emails', value: (c) => c.emails.slice(1) },
    { header: 'Phone', value: (c) => c.phones[0] },
    { header: 'Other phones', value: (c) => c.phones.slice(1) },
    { header: 'Company', value: (c) => c.company },
    { header: 'Title', value: (c) => c.title },
    { header: 'Time Zone', value: (c) => c.timeZone },
    { header: 'Status', value: (c) => c.status ?? 'active' },
    { header: 'Preferred channel', value: (c) => c.preferredChannel },
    {
      header: 'CRM records',
      value: (c) => c.identities.map((i) => i.url || `${i.site}:${i.recordId}`),
    },
    { header: 'Advanced', value: (c) => when(c.advancedAt) },
    { header: 'Created', value: (c) => when(c.createdAt) },
    { header: 'Updated', value: (c) => when(c.updatedAt) },
    { header: 'Second Call ID', value: (c) => c.id },
  ];
}

function withContact<T extends { contactId: string }>(
  contacts: ReadonlyMap<string, Contact>,
): CsvColumn<T>[] {
  return [
    { header: 'Contact', value: (r) => contacts.get(r.contactId)?.name },
    { header: 'Company', value: (r) => contacts.get(r.contactId)?.company },
  ];
}

/** The CSV text of one table; `contacts` names the person each note, call or task is about. */
export function tableCsv(table: CsvTable, records: CsvRecords): string {
  const byId = new Map(records.contacts.map((c) => [c.id, c]));
  switch (table) {
    case 'contacts':
      return toCsv(records.contacts, contactColumns());
    case 'notes':
      return toCsv(records.notes, [
        ...withContact<Note>(byId),
        { header: 'Kind', value: (n) => n.kind },
        { header: 'Note', value: (n) => n.text },
        { header: 'Created', value: (n) => when(n.createdAt) },
        { header: 'Updated', value: (n) => when(n.updatedAt) },
        { header: 'Note ID', value: (n) => n.id },
        { header: 'Contact ID', value: (n) => n.contactId },
      ]);
    case 'attempts':
      return toCsv(records.attempts, [
        ...withContact<Attempt>(byId),
        { header: 'When', value: (a) => when(a.at) },
        { header: 'Channel', value: (a) => a.channel },
        { header: 'Outcome', value: (a) => OUTCOME_LABELS[a.outcome] ?? a.outcome },
        { header: 'Voicemail seconds', value: (a) => a.voicemailSeconds },
        { header: 'Agreed time', value: (a) => when(a.agreedAt) },
        { header: 'Promised time', value: (a) => when(a.promisedAt) },
        { header: 'Goal', value: (a) => a.plan?.goal },
        { header: 'Reference', value: (a) => a.plan?.reference },
        { header: 'Something new', value: (a) => a.plan?.newValue },
        { header: 'Ask', value: (a) => a.plan?.ask },
        { header: 'Plan complete', value: (a) => (a.plan ? (a.plan.complete ?? false) : '') },
        { header: 'Note', value: (a) => a.note },
        { header: 'Attempt ID', value: (a) => a.id },
        { header: 'Contact ID', value: (a) => a.contactId },
      ]);
    case 'tasks':
      return toCsv(records.tasks, [
        ...withContact<Task>(byId),
        { header: 'Due', value: (t) => when(t.dueAt) },
        { header: 'Channel', value: (t) => t.channel },
        { header: 'Kind', value: (t) => t.kind ?? 'follow-up' },
        { header: 'Status', value: (t) => t.status },
        { header: 'Reason', value: (t) => t.reason },
        { header: 'Created', value: (t) => when(t.createdAt) },
        { header: 'Task ID', value: (t) => t.id },
        { header: 'Contact ID', value: (t) => t.contactId },
      ]);
    case 'plans':
      return toCsv(records.plans, [
        ...withContact<CallPlan>(byId),
        { header: 'Goal', value: (p) => p.goal },
        { header: 'Reference', value: (p) => p.reference },
        { header: 'Something new (kind)', value: (p) => p.newValueKind },
        { header: 'Something new', value: (p) => p.newValue },
        { header: 'Ask', value: (p) => p.ask },
        { header: 'Opener', value: (p) => p.opener },
        { header: 'Updated', value: (p) => when(p.updatedAt) },
        { header: 'Reference note ID', value: (p) => p.referenceNoteId },
        { header: 'Contact ID', value: (p) => p.contactId },
      ]);
    case 'settings':
      return toCsv(records.settings, [
        { header: 'Your name', value: (s) => s.repName },
        { header: 'Company', value: (s) => s.company },
        { header: 'Callback number', value: (s) => s.callbackNumber },
        { header: 'Time zone', value: (s) => s.timeZone },
      ]);
  }
}
