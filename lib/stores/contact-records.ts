import { useLiveQuery } from 'dexie-react-hooks';
import type { Attempt, Note, RepSettings, Task } from '../model';
import { notesOfContact } from '../db/notes';
import { attemptsOfContact, openTasksOfContact } from '../db/outcomes';
import { database } from '../db/schema';

export interface ContactRecords {
  notes: Note[];
  attempts: Attempt[];
  openTasks: Task[];
}

/** Everything stored about one contact, kept live as any page of the extension writes. */
export function useContactRecords(contactId: string): ContactRecords | undefined {
  return useLiveQuery(async () => {
    const [notes, attempts, openTasks] = await Promise.all([
      notesOfContact(contactId),
      attemptsOfContact(contactId),
      openTasksOfContact(contactId),
    ]);
    return { notes, attempts, openTasks };
  }, [contactId]);
}

/** The rep's own details; null until they fill them in. */
export function useRepSettings(): RepSettings | null | undefined {
  return useLiveQuery(async () => (await database().settings.get('rep')) ?? null, []);
}
