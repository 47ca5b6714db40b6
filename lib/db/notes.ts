import type { Contact, Note, NoteKind } from '../model';
import { database } from './schema';
import { TEXT_LIMITS, capText } from '../model/limits';
import { noteWords, searchWords } from './note-words';
import { WriteRefused } from './errors';

/** A contact's notes, newest first. (Read forwards in one request, then reversed: backwards,
 *  IndexedDB walks a cursor, a step per note.) */
export async function notesOfContact(contactId: string): Promise<Note[]> {
  const notes = await database()
    .notes.where('[contactId+createdAt]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .toArray();
  return notes.reverse();
}

/** The note as stored: trimmed, and within the cap every note keeps (a backup of it then
 *  imports back uncut). The editor stops typing at the cap; this also holds a paste. */
function cleanNoteText(text: string): string {
  const clean = capText(text.trim(), TEXT_LIMITS.note);
  if (!clean) throw new WriteRefused({ kind: 'empty', field: 'note-text' });
  return clean;
}

export async function addNote(
  contactId: string,
  kind: NoteKind,
  text: string,
  now = Date.now(),
): Promise<Note> {
  const clean = cleanNoteText(text);
  const note: Note = {
    id: crypto.randomUUID(),
    contactId,
    kind,
    text: clean,
    words: noteWords(clean),
    createdAt: now,
    updatedAt: now,
  };
  await database().notes.add(note);
  return note;
}

export async function editNote(
  id: string,
  change: { kind?: NoteKind; text?: string },
  now = Date.now(),
): Promise<void> {
  const update: Partial<Note> = { updatedAt: now };
  if (change.kind) update.kind = change.kind;
  if (change.text !== undefined) {
    update.text = cleanNoteText(change.text);
    update.words = noteWords(update.text);
  }
  const changed = await database().notes.update(id, update);
  if (!changed) throw new WriteRefused({ kind: 'gone', record: 'note' });
}

/** Deletes the note; a call plan that picked it as its reference keeps the words the rep sees
 *  but no longer names the note (a reference to nothing would be a dangling record). */
export async function deleteNote(id: string): Promise<void> {
  const db = database();
  await db.transaction('rw', db.notes, db.plans, async () => {
    await db.notes.delete(id);
    // Usually the note's own contact's plan, but a plan can name a note moved to another
    // contact: all plans, read in one request (there is one per contact at most).
    const naming = (await db.plans.toArray()).filter((plan) => plan.referenceNoteId === id);
    await db.plans.bulkPut(
      naming.map((plan) => {
        const kept = { ...plan };
        delete kept.referenceNoteId; // an undefined key would still be stored
        return kept;
      }),
    );
  });
}

function hasEveryPrefix(note: Note, prefixes: readonly string[]): boolean {
  const own = note.words ?? [];
  return prefixes.every((p) => own.some((word) => word.startsWith(p)));
}

/**
 * Notes, of any contact, holding a word that starts with each word of the query: up to
 * `limit`, newest first. Ask for one more than you show to know whether there are more.
 *
 * Built from the one request IndexedDB answers quickly on disk, a bounded read of the
 * `words` index; counts, cursors and offsets are slow there, and a scan is out. Each query
 * word's first page of notes is read at once. A short page holds all of that word's notes,
 * so the answer is complete; otherwise the word whose page matched the others best is read
 * further, since its notes are where the matches are dense.
 */
export async function searchNotes(query: string, limit = 50): Promise<Note[]> {
  // "bud budget": the longer word already requires the shorter prefix.
  const prefixes = searchWords(query).filter(
    (w, _, all) => !all.some((other) => other !== w && other.startsWith(w)),
  );
  if (prefixes.length === 0 || limit <= 0) return [];
  const notes = database().notes;
  const found = new Map<string, Note>();
  // A note is listed once per word of it starting with the prefix, so a page reads entries.
  const read = async (prefix: string, entries: number) => {
    const page = await notes.where('words').startsWith(prefix).limit(entries).toArray();
    let matches = 0;
    for (const note of page) {
      if (!hasEveryPrefix(note, prefixes)) continue;
      matches += 1;
      found.set(note.id, note);
    }
    return { prefix, entries, matches, exhausted: page.length < entries };
  };
  const done = () => [...found.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);

  // One word: its first notes are the answer. Several: a page a few times the limit, enough to
  // finish at once when a rare word's notes mostly hold the common one, and to tell which word's
  // notes are dense otherwise: a bigger first page costs every such query more than the extra
  // read it saves a few (IndexedDB's cost grows with the notes a page returns).
  const firstPage = prefixes.length === 1 ? 2 * limit : Math.max(Math.ceil(2.5 * limit), 40);
  const first = await Promise.all(prefixes.map((p) => read(p, firstPage)));
  if (first.some((page) => page.exhausted)) return done();
  let best = first.reduce((a, b) => (b.matches > a.matches ? b : a));
  while (found.size < limit && !best.exhausted) {
    // Enough entries for the matches still missing at the rate seen, with room to spare.
    const rate = Math.max(best.matches, 1) / best.entries;
    best = await read(best.prefix, Math.max(best.entries * 2, Math.ceil((1.5 * limit) / rate)));
  }
  return done();
}

interface ContactNotes {
  contact: Contact;
  /** Newest first. */
  notes: Note[];
}

/** Notes the side panel's search shows at once (one more is asked for, to say there are more). */
export const NOTES_SHOWN = 8;

interface NotesMentioning {
  /** Each contact with matching notes, the one with the newest match first. */
  groups: ContactNotes[];
  /** More notes match than the `shown` asked for. */
  more: boolean;
}

/**
 * Which contacts' notes mention the query (each query word starting a word of the note), at
 * most `shown` notes, grouped by contact, with whether more match: one more is asked of
 * searchNotes so "more" is known, never guessed.
 */
export async function notesMentioning(query: string, shown: number): Promise<NotesMentioning> {
  const found = await searchNotes(query, shown + 1);
  const kept = found.slice(0, shown);
  const ids = [...new Set(kept.map((note) => note.contactId))];
  const contacts = await database().contacts.bulkGet(ids);
  const groups = new Map<string, ContactNotes>();
  contacts.forEach((contact) => {
    if (contact) groups.set(contact.id, { contact, notes: [] });
  });
  // A note whose contact is gone has no one to open: it is left out.
  for (const note of kept) groups.get(note.contactId)?.notes.push(note);
  return { groups: [...groups.values()], more: found.length > shown };
}
