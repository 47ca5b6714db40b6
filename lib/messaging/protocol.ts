import type { ContactSnapshot } from '../model';
import type { VoicemailTimerState } from '../coach/voicemail-timer';
import type { CallSnapshot } from '../sites/adapter';

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
}

export function tabKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** Largest message the background reads; a snapshot is a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;
/** Longest value of any snapshot field. */
export const MAX_FIELD_LENGTH = 500;
