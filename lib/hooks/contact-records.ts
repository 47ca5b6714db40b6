import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Attempt, Note, RepSettings, Task } from '../model';
import { notesOfContact } from '../db/notes';
import { attemptsOfContact, openTasksOfContact } from '../db/outcomes';
import { database } from '../db/schema';
import { readRepSettings, type RepSettingsRead } from '../db/settings';
import { commitsSoFar, usePendingOutcomes, withPendingOutcomes } from '../stores/pending-outcomes';
import { browserZone } from './now';

interface ContactRecords {
  notes: Note[];
  attempts: Attempt[];
  openTasks: Task[];
}

/**
 * Everything stored about one contact, kept live as any page of the extension writes, with
 * an outcome this page is logging shown from the moment it is sent (lib/stores/
 * pending-outcomes): History shows the click in the frame it was made in. A read that brings
 * nothing new keeps the records the screen already shows, so the panel does not draw (and
 * coach) the same call twice.
 */
export function useContactRecords(contactId: string): ContactRecords | undefined {
  const stored = useLiveQuery(async () => {
    // Taken before reading: whatever this page had committed by now, the read sees.
    const readAfter = commitsSoFar();
    const [notes, attempts, openTasks] = await Promise.all([
      notesOfContact(contactId),
      attemptsOfContact(contactId),
      openTasksOfContact(contactId),
    ]);
    return { records: { notes, attempts, openTasks }, readAfter };
  }, [contactId]);
  const pending = usePendingOutcomes((s) => s.pending);
  const settle = usePendingOutcomes((s) => s.settle);
  useEffect(() => {
    if (stored) settle(contactId, stored.readAfter);
  }, [stored, contactId, settle]);

  const next = useMemo(
    () => stored && withPendingOutcomes(stored.records, contactId, stored.readAfter, pending),
    [stored, contactId, pending],
  );
  // What the screen shows, kept while a new read brings the same (React's way to remember
  // what the previous render showed).
  const [kept, setKept] = useState<{ next?: ContactRecords; shown?: ContactRecords }>({});
  const shown =
    kept.next === next
      ? kept.shown
      : kept.shown && next && sameRecords(kept.shown, next)
        ? kept.shown
        : next;
  if (kept.next !== next) setKept({ next, shown });
  return shown;
}

/** The same records with the same contents (each read gives new objects). */
function sameRecords(a: ContactRecords, b: ContactRecords): boolean {
  return (
    sameRows(a.notes, b.notes) &&
    sameRows(a.attempts, b.attempts) &&
    sameRows(a.openTasks, b.openTasks)
  );
}

function sameRows(a: readonly object[], b: readonly object[]): boolean {
  return (
    a === b ||
    (a.length === b.length && a.every((row, i) => JSON.stringify(row) === JSON.stringify(b[i])))
  );
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
