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

/** Notes, of any contact, holding a word that starts with each word of the query. */
export async function searchNotes(query: string, limit = 50): Promise<Note[]> {
  const [first, ...rest] = noteWords(query);
  if (!first) return [];
  const candidates = await database()
    .notes.where('words')
    .startsWith(first)
    .distinct()
    .filter((note) => rest.every((w) => note.words?.some((own) => own.startsWith(w)) ?? false))
    .limit(limit)
    .toArray();
  return candidates;
}
