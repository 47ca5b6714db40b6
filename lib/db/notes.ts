import type { Note, NoteKind } from '../model';
import { database } from './schema';
import { noteWords } from './note-words';

/** A contact's notes, newest first. */
export function notesOfContact(contactId: string): Promise<Note[]> {
  return database()
    .notes.where('[contactId+createdAt]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .toArray();
}

function cleanNoteText(text: string): string {
  const clean = text.trim();
  if (!clean) throw new Error('A note needs some text.');
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
  if (!changed) throw new Error('That note no longer exists.');
}

export async function deleteNote(id: string): Promise<void> {
  await database().notes.delete(id);
}

/** Notes, of any contact, holding a word that starts with each word of the query. Every
 *  word is an index lookup; the matches are intersected, never scanned. */
export async function searchNotes(query: string, limit = 50): Promise<Note[]> {
  const words = noteWords(query);
  if (words.length === 0) return [];
  const notes = database().notes;
  const keySets = await Promise.all(
    words.map(async (w) => new Set(await notes.where('words').startsWith(w).primaryKeys())),
  );
  keySets.sort((x, y) => x.size - y.size);
  const [smallest, ...others] = keySets;
  const ids = [...smallest!].filter((id) => others.every((set) => set.has(id))).slice(0, limit);
  return (await notes.bulkGet(ids)).filter((note): note is Note => note !== undefined);
}
