// The side panel's first screen — the contact and their notes — read the moment the panel
// knows which contact its tab shows (main.tsx, from session storage), not once React has
// rendered and its live queries have subscribed, a frame later: that put the notes about
// 20 ms later on screen (npm run bench, panel). The live queries stay the source of truth:
// each reads once its early read is on screen (one read at a time, and none landing while
// the first screen is drawn: the largest contact holds megabytes of notes), then takes over.
import type { Contact, Note } from '../model';
import { contactById } from './contact-by-id';
import { notesOfContact } from './notes';

/** A contact as the panel reads it: tagged with the id asked for (while the next read runs,
 *  the previous answer must not be taken for this one). */
export interface ContactAnswer {
  contactId: string | undefined;
  contact: Contact | undefined;
}

export interface EarlyRead<T> {
  answer: Promise<T>;
  /** The answer, once it came: a part first drawn after that shows it in that drawing. */
  settled?: { value: T };
  /** Settles once the answer is on screen, or could not be read. */
  shown: Promise<void>;
  markShown: () => void;
}

interface FirstScreen {
  contactId: string;
  contact?: EarlyRead<ContactAnswer>;
  notes?: EarlyRead<Note[]>;
}

/** The parts of the first screen read early. */
export type FirstScreenPart = 'contact' | 'notes';

/** The live query waits no longer than this for the early answer to be shown (a part that
 *  failed to draw never says so). */
const SHOWN_WITHIN_MS = 2_000;

let first: FirstScreen | undefined;

function earlyRead<T>(answer: Promise<T>): EarlyRead<T> {
  let markShown = () => {};
  const shown = new Promise<void>((resolve) => {
    markShown = resolve;
    setTimeout(resolve, SHOWN_WITHIN_MS);
  });
  const read: EarlyRead<T> = { answer, shown, markShown };
  // The answer's first callback: whoever hears of the answer finds it settled. A failure is
  // left for the live query to report, on the part that shows it.
  answer.then((value) => {
    read.settled = { value };
  }, markShown);
  return read;
}

/** Starts reading `contactId` and their notes. */
export function readFirstScreenEarly(contactId: string): void {
  const contact = contactById(contactId);
  const notes = notesOfContact(contactId);
  // The name shows with the notes, in one drawing of the panel: drawn apart, the page is laid
  // out twice before the notes show (npm run bench, panel).
  const both = Promise.all([contact, notes.catch(() => undefined)]);
  first = {
    contactId,
    contact: earlyRead(both.then(([shown]) => ({ contactId, contact: shown }))),
    notes: earlyRead(notes),
  };
}

/** The early read of `contactId`'s `part`, until its live query has answered. */
export function firstScreenRead<K extends FirstScreenPart>(
  contactId: string,
  part: K,
): FirstScreen[K] | undefined {
  return first?.contactId === contactId ? first[part] : undefined;
}

/** Settles once the notes read early are on screen (or could not be read); at once when the
 *  panel read nothing early. */
export function firstScreenShown(): Promise<void> {
  return first?.notes?.shown ?? Promise.resolve();
}

/** `part`'s live query answered: from now on it alone says what is stored (a later visit to
 *  this contact must not show what was read when the panel opened). */
export function firstScreenAnswered(contactId: string, part: FirstScreenPart): void {
  if (first?.contactId === contactId) delete first[part];
}
