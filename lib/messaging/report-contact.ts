import { browser } from 'wxt/browser';
import type { ContactSnapshot } from '../model';
import type { MessageCStoBG } from './protocol';

/** Content script → background. The worker may be restarting: a lost report is redone on
 *  the next page change, so a failed send is not an error on the CRM page. */
export function sendToBackground(message: MessageCStoBG): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** The contact this page shows now, or that it shows none. */
export function reportContact(snapshot: ContactSnapshot | null): void {
  sendToBackground(snapshot ? { type: 'contact-detected', snapshot } : { type: 'no-contact' });
}
