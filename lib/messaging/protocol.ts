import type { ContactSnapshot } from '../model';
import type { VoicemailTimerState } from '../model';
import type { CallSnapshot } from '../model';

/** Content script → background: what the page in this tab shows now, or the rep pressed
 *  the overlay's voicemail button (or Alt+Shift+V on the page). */
export type MessageCStoBG =
  | { type: 'contact-detected'; snapshot: ContactSnapshot }
  | { type: 'no-contact' }
  | { type: 'start-voicemail' }
  | { type: 'stop-voicemail' }
  | { type: 'call-state'; call: CallSnapshot | null }
  | { type: 'prepare-number'; phone: string; name?: string }
  /** The page shows a contact, or the rep reached a phone link: put the overlay and the
   *  Prepare button into it (lib/content/page-tools). */
  | { type: 'page-tools' };

/** What the background keeps per tab about a web dialer's call. */
export interface TabCall {
  state: CallSnapshot['state'];
  /** When this state was first seen (epoch ms). */
  since: number;
  phone?: string;
  name?: string;
}

export function callKey(tabId: number): string {
  return `call:${tabId}`;
}

/** Background → content script: the tab's voicemail timer changed. */
export type MessageBGtoCS = { type: 'voicemail-timer'; state: VoicemailTimerState | null };

/** What the background keeps per tab (in session storage, so a service-worker restart keeps it). */
export interface TabContact {
  contactId: string;
  /** What the page showed; absent when the rep picked the contact by hand. */
  snapshot?: ContactSnapshot;
  /** The record or thread a choice of the rep's is remembered for (`${site}:${record}`). */
  record?: string;
}

export function tabKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** A tab whose person the extension is not sure of: nobody is shown until the rep chooses
 *  (Confirm, another person on the page, or a stored contact). Kept beside `tab:<id>`. */
export interface TabDoubt {
  /** Who the panel asks about ("Is this <name>?"). */
  name: string;
  /** The record or thread the rep's choice is remembered for (`${site}:${record}`); absent
   *  for a contact picked by hand (nothing to remember it for). */
  record?: string;
  /** What the page showed, with the other people on it; absent for a bare phone number. */
  snapshot?: ContactSnapshot;
  /** A number the rep prepared that several stored contacts share. */
  phone?: string;
  /** Stored contacts who may be this person (several share the email or number). */
  candidateIds: string[];
  /** The contact shown before the rep said "Not <name>?". */
  shownId?: string;
  /** Why the extension asks, in the rep's words. */
  why: string;
}

export function doubtKey(tabId: number): string {
  return `doubt:${tabId}`;
}

/** Largest message the background reads; a snapshot is a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Longest value of any snapshot field. */
export const MAX_FIELD_LENGTH = 500;
