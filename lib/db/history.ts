import type { Attempt, Task } from '../model';
import { database } from './schema';

/** A contact's attempts, newest first. */
export function attemptsOfContact(contactId: string): Promise<Attempt[]> {
  return database()
    .attempts.where('[contactId+at]')
    .between([contactId, -Infinity], [contactId, Infinity])
    .reverse()
    .toArray();
}

/** A contact's open follow-up tasks, soonest first. */
export async function openTasksOfContact(contactId: string): Promise<Task[]> {
  const tasks = await database().tasks.where('contactId').equals(contactId).toArray();
  return tasks.filter((t) => t.status === 'open').sort((a, b) => a.dueAt - b.dueAt);
}
