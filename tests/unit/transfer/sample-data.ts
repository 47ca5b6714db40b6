// A small, complete set of stored records: one of each kind, all fields used.
import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '@/lib/model';
import type { BackupTables } from '@/lib/transfer/backup';
import { noteWords } from '@/lib/db/note-words';

export const jane: Contact = {
  id: 'c-jane',
  name: 'Jane Doe',
  emails: ['jane.doe@northwind.example'],
  phones: ['+14155550142'],
  company: 'Northwind Traders',
  title: 'VP Operations',
  timeZone: 'America/Los_Angeles',
  preferredChannel: 'call',
  status: 'active',
  identities: [
    {
      site: 'hubspot',
      recordId: '51234501',
      url: 'https://app.hubspot.com/contacts/4412789/record/0-1/51234501',
    },
  ],
  identityKeys: ['hubspot:51234501'],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_500_000,
};

export const marco: Contact = {
  id: 'c-marco',
  name: 'Marco Rossi',
  emails: [],
  phones: [],
  identities: [],
  identityKeys: [],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};

export const note: Note = {
  id: 'n-1',
  contactId: 'c-jane',
  kind: 'pain point',
  text: 'Re-keys 15 hours of orders a week, "by hand", = pain',
  words: ['re', 'keys', '15', 'hours', 'orders', 'week', 'hand', 'pain'],
  createdAt: 1_700_000_100_000,
  updatedAt: 1_700_000_100_000,
};

export const attempt: Attempt = {
  id: 'a-1',
  contactId: 'c-jane',
  at: 1_700_000_200_000,
  channel: 'call',
  outcome: 'voicemail',
  voicemailSeconds: 24,
  promisedAt: 1_700_100_000_000,
  plan: {
    goal: 'Book a demo',
    reference: '15 hours',
    newValue: 'Case study',
    ask: 'Tue 10:30',
    complete: true,
  },
  note: 'Left a voicemail',
  didNotRemember: true,
  closedTaskIds: ['t-0'],
};

export const task: Task = {
  id: 't-1',
  contactId: 'c-jane',
  dueAt: 1_700_100_000_000,
  channel: 'call',
  status: 'open',
  reason: 'The time the voicemail promised',
  attemptId: 'a-1',
  createdAt: 1_700_000_200_000,
};

/** The follow-up the sample call closed (its closedTaskIds names it). */
export const closedTask: Task = {
  id: 't-0',
  contactId: 'c-jane',
  dueAt: 1_700_000_000_000,
  channel: 'call',
  status: 'done',
  reason: 'First follow-up',
  createdAt: 1_699_900_000_000,
};

export const plan: CallPlan = {
  contactId: 'c-jane',
  goal: 'Book a demo',
  referenceNoteId: 'n-1',
  reference: '15 hours a week',
  newValueKind: 'case study',
  newValue: 'Contoso cut re-keying to zero',
  ask: 'Tuesday at 10:30 or Wednesday at 2:00?',
  opener: 'Hi Jane, Sam from Acme.',
  updatedAt: 1_700_000_300_000,
};

export const rep: RepSettings = {
  id: 'rep',
  repName: 'Sam Reed',
  company: 'Acme',
  callbackNumber: '+1 555 0100',
  timeZone: 'America/New_York',
};

export function sampleTables(): BackupTables {
  return {
    contacts: [jane, marco],
    notes: [note],
    attempts: [attempt],
    tasks: [closedTask, task],
    plans: [plan],
    settings: [rep],
  };
}

/** `n` records spread over the tables, for size and speed tests. */
export function manyTables(n: number): BackupTables {
  const perContact = 4;
  const contacts: Contact[] = [];
  const notes: Note[] = [];
  const attempts: Attempt[] = [];
  const tasks: Task[] = [];
  for (let i = 0; contacts.length + notes.length + attempts.length + tasks.length < n; i++) {
    const id = `c-${i}`;
    contacts.push({
      ...marco,
      id,
      name: `Contact ${i}`,
      emails: [`person${i}@example.com`],
      identities: [
        {
          site: 'hubspot',
          recordId: String(9_000_000 + i),
          url: `https://app.hubspot.com/contacts/1/record/0-1/${9_000_000 + i}`,
        },
      ],
      identityKeys: [`hubspot:${9_000_000 + i}`],
    });
    for (
      let k = 1;
      k < perContact && contacts.length + notes.length + attempts.length + tasks.length < n;
      k++
    ) {
      if (k === 1)
        notes.push({
          ...note,
          id: `n-${i}`,
          contactId: id,
          text: `Note ${i} about the budget`,
          words: noteWords(`Note ${i} about the budget`),
        });
      if (k === 2) attempts.push({ ...attempt, id: `a-${i}`, contactId: id, at: attempt.at + i });
      if (k === 3) tasks.push({ ...task, id: `t-${i}`, contactId: id, attemptId: `a-${i}` });
    }
  }
  return { contacts, notes, attempts, tasks, plans: [], settings: [] };
}
