import Dexie, { type Transaction } from 'dexie';
import { noteWords } from './note-words';

/**
 * Every schema the extension ever shipped, oldest first. A shipped version is never edited:
 * a change is a new version with its upgrade, and a test that upgrades real old data.
 */
export function declareVersions(db: Dexie): void {
  db.version(1).stores({
    contacts: 'id, *identityKeys, *emails, *phones, name, updatedAt',
    notes: 'id, contactId, [contactId+createdAt]',
    attempts: 'id, contactId, [contactId+at], at',
    tasks: 'id, contactId, dueAt, [status+dueAt], attemptId',
    settings: 'id',
  });

  // v2: the call plan drafted per contact; notes findable by word.
  db.version(2)
    .stores({
      plans: 'contactId, updatedAt',
      notes: 'id, contactId, [contactId+createdAt], *words',
    })
    .upgrade(addNoteWords);

  // v3: phone numbers in E.164, so a dialer's "+1 415…" and a CRM's "(415) …" match.
  db.version(3)
    .stores({})
    .upgrade(async (tx) => {
      // The phone library (120 kB) is loaded only for this upgrade, not by every page that
      // opens the database; waitFor keeps the upgrade's transaction open meanwhile.
      const { normalizePhone } = await Dexie.waitFor(import('./identity'));
      await tx
        .table('contacts')
        .toCollection()
        .modify((contact: { phones?: unknown }) => {
          if (!Array.isArray(contact.phones)) return;
          const phones = contact.phones.filter((p): p is string => typeof p === 'string');
          contact.phones = [...new Set(phones.map((p) => normalizePhone(p)))];
        });
    });

  // v4: function words ("the", "to") leave the notes' words index (lib/db/note-words): a third
  // fewer index entries to write per note, the same notes found. Old notes are indexed again.
  db.version(4).stores({}).upgrade(addNoteWords);

  // v5: indexes nothing reads leave — notes and attempts by contact alone (their compound
  // [contactId+…] indexes answer those queries) and contacts by name. Each was one more entry
  // to write per record: a 50,000-record import writes 42,000 fewer. Dropping an index
  // rewrites no record, so there is no upgrade function; a test upgrades v4 data.
  db.version(5).stores({
    contacts: 'id, *identityKeys, *emails, *phones, updatedAt',
    notes: 'id, [contactId+createdAt], *words',
    attempts: 'id, [contactId+at], at',
  });

  // v6: who the rep said a record or thread is ("Not <name>?", "Is this <name>?"), keyed by
  // `${site}:${record}`. A new table: no stored record changes, so no upgrade function.
  db.version(6).stores({
    identityChoices: 'record',
  });

  // v7: a contact's follow-ups by status. Every outcome checks the contact's OPEN follow-ups
  // before it commits (lib/db/outcome-commit); by contact alone it read every done one too,
  // a cost that grew with each call logged. `[contactId+status]` replaces the plain
  // `contactId` index (Dexie answers `where('contactId')` from the compound's first part), so
  // a task write updates no more index entries than before. An index change rewrites no
  // record: no upgrade function; a test upgrades v6 data.
  db.version(7).stores({
    tasks: 'id, dueAt, [status+dueAt], attemptId, [contactId+status]',
  });
}

/** Every note's words, as lib/db/note-words reads them today (v2 added the index, v4 changed
 *  which words it holds). */
async function addNoteWords(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((note: { text?: unknown; words?: string[] }) => {
      note.words = typeof note.text === 'string' ? noteWords(note.text) : [];
    });
}
