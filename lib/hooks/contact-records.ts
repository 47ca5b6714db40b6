import { useLiveQuery } from 'dexie-react-hooks';
import type { Attempt, Note, RepSettings, Task } from '../model';
import { notesOfContact } from '../db/notes';
import { attemptsOfContact, openTasksOfContact } from '../db/outcomes';
import { database } from '../db/schema';
import { readRepSettings, type RepSettingsRead } from '../db/settings';
import { browserZone } from './now';

interface ContactRecords {
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

/** The rep's own details as read with their check, and the warning when the check changed
 *  something; undefined while loading. */
export function useRepSettingsRead(): RepSettingsRead | undefined {
  return useLiveQuery(
    async () => readRepSettings(await database().settings.get('rep'), browserZone()),
    [],
  );
}

/** The rep's own details; null until they fill them in. Their time zone is always one the
 *  browser knows (an unknown one reads as the browser's, see useRepSettingsRead). */
export function useRepSettings(): RepSettings | null | undefined {
  return useRepSettingsRead()?.settings;
}

/** The zone every time on a screen is shown in: the rep's (Settings), else the browser's;
 *  undefined while the settings load, so nothing shows a moment on the wrong clock first. */
export function useRepZone(): string | undefined {
  const rep = useRepSettings();
  return rep === undefined ? undefined : rep?.timeZone || browserZone();
}
