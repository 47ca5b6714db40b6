// A sleeping service worker hears nothing on Dexie's channel (Chrome stops it after 30 s
// idle), so a page whose tasks changed knocks: connecting on this port is an extension event,
// which starts the worker; waking, it refreshes the badge and due alarm from what is stored.
import { browser } from 'wxt/browser';

export const TASKS_CHANGED_PORT = 'tasks-changed';

/** Knocks on the background's door; it closes the port at once. */
export function wakeBackground(): void {
  try {
    const port = browser.runtime.connect({ name: TASKS_CHANGED_PORT });
    // Read so a worker that could not answer (the extension reloading) logs nothing.
    port.onDisconnect.addListener(() => void browser.runtime.lastError);
  } catch {
    // The extension was updated or removed under this page: nothing left to wake.
  }
}
