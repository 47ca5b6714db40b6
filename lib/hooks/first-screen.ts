import { useEffect, useLayoutEffect, useState } from 'react';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Note } from '../model';
import { contactById } from '../db/contact-by-id';
import { notesOfContact } from '../db/notes';
import {
  firstScreenAnswered,
  firstScreenRead,
  firstScreenShown,
  type ContactAnswer,
  type EarlyRead,
  type FirstScreenPart,
} from '../db/first-screen';

/** Reads `read()` live, once the part's early read (lib/db/first-screen), if there is one, is
 *  on screen. */
function afterEarlyRead<T>(
  contactId: string | undefined,
  part: FirstScreenPart,
  read: () => Promise<T>,
) {
  return async () => {
    const early = contactId ? firstScreenRead(contactId, part) : undefined;
    // waitFor keeps the live query's watch of what it reads across a wait on other work.
    if (early) await Dexie.waitFor(early.shown);
    return read();
  };
}

/**
 * `live`, the live query's answer (undefined until it answers), or until then the early read
 * of `contactId`'s `part` once that has answered. An answer already there shows in the part's
 * first drawing; else its wait is set up as the part is committed (a layout effect), not after
 * the next frame.
 */
function useUntilLive<T>(
  contactId: string | undefined,
  part: FirstScreenPart,
  early: EarlyRead<T> | undefined,
  live: T | undefined,
  /** Whether `live` answers for this contact (not the previous one, as a query re-runs). */
  answered: boolean,
): T | undefined {
  const [read, setRead] = useState<{ early: EarlyRead<T>; value: T }>();
  const settled = early?.settled;
  useLayoutEffect(() => {
    if (!early || answered || settled) return;
    let waiting = true;
    early.answer.then(
      (value) => waiting && setRead({ early, value }),
      () => undefined,
    );
    return () => {
      waiting = false;
    };
  }, [early, answered, settled]);
  const value = read && read.early === early ? read.value : settled?.value;
  const shownEarly = !answered && value !== undefined ? early : undefined;
  // Committed: the live query may read now.
  useLayoutEffect(() => shownEarly?.markShown(), [shownEarly]);
  useEffect(() => {
    if (contactId !== undefined && answered) firstScreenAnswered(contactId, part);
  }, [contactId, part, answered]);
  return answered ? live : value;
}

/** The stored contact, live, tagged with the id it answers; undefined until it answers. */
export function useLiveContact(contactId: string | undefined): ContactAnswer | undefined {
  const live = useLiveQuery(
    afterEarlyRead(contactId, 'contact', async () => ({
      contactId,
      contact: contactId ? await contactById(contactId) : undefined,
    })),
    [contactId],
  );
  return useUntilLive(
    contactId,
    'contact',
    contactId ? firstScreenRead(contactId, 'contact') : undefined,
    live,
    live !== undefined && live.contactId === contactId,
  );
}

/** The contact's notes, newest first, live; undefined until they are read. */
export function useLiveNotes(contactId: string): Note[] | undefined {
  // Only ever this contact's: the section is keyed by the contact (components/SidePanelApp).
  const live = useLiveQuery(
    afterEarlyRead(contactId, 'notes', () => notesOfContact(contactId)),
    [contactId],
  );
  return useUntilLive(
    contactId,
    'notes',
    firstScreenRead(contactId, 'notes'),
    live,
    live !== undefined,
  );
}

/** False until the first screen read early is on screen (true at once when there was none):
 *  what it does not show loads after it, never competing with it for the page's one thread. */
export function useAfterFirstScreen(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    let live = true;
    void firstScreenShown().then(() => live && setAfter(true));
    return () => {
      live = false;
    };
  }, []);
  return after;
}
