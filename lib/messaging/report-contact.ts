import { browser } from 'wxt/browser';
import type { ContactSnapshot } from '../model';
import type { MessageCStoBG } from './protocol';

/** Content script → background: the contact this page shows now, or that it shows none. */
export function reportContact(snapshot: ContactSnapshot | null): void {
  const message: MessageCStoBG = snapshot
    ? { type: 'contact-detected', snapshot }
    : { type: 'no-contact' };
  // The worker may be restarting; a lost report is redone on the next page change.
  browser.runtime.sendMessage(message).catch(() => undefined);
}
