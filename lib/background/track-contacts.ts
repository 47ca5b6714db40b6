import { browser, type Browser } from 'wxt/browser';
import { contactForNumber, upsertContactFromSnapshot } from '../db/contacts';
import { stillOnRecord } from '../sites/registry';
import { forgetTabCall, holdsContact, rememberTabCall, tabCall } from '../messaging/tab-calls';
import { validateContentMessage } from '../messaging/validate';
import { forgetTabContact, rememberTabContact, tabContact } from '../messaging/tab-contacts';
import type { TabContact } from '../messaging/protocol';
import { startVoicemailTimer, stopVoicemailTimer } from '../messaging/voicemail-timers';
import { injectPageTools } from './page-tools';

type SiteOfUrl = (url: URL) => string | undefined;

/** Reads one content-script message; anything not from our own content script is dropped. */
export async function onContentMessage(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  siteOfUrl: SiteOfUrl,
): Promise<void> {
  const verdict = validateContentMessage(
    message,
    {
      id: sender.id,
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      url: sender.url ?? sender.tab?.url,
    },
    browser.runtime.id,
    siteOfUrl,
  );
  if (!verdict.ok) {
    console.warn(`[Second Call] message rejected: ${verdict.why}`);
    return;
  }
  const { tabId, message: parsed } = verdict.value;
  switch (parsed.type) {
    case 'start-voicemail':
      await startVoicemailTimer(tabId);
      return;
    case 'stop-voicemail':
      return stopVoicemailTimer(tabId);
    case 'call-state':
      return rememberTabCall(tabId, parsed.call);
    case 'prepare-number':
      return prepareNumber(tabId, parsed.phone, parsed.name);
    case 'page-tools':
      return injectPageTools(tabId);
    case 'no-contact':
      // A contact the rep picked by hand stays until they pick another or close the tab; a
      // dialer's stays while its call is on or waits for its outcome (the dialer going idle
      // says nothing about who the rep just spoke to).
      if ((await tabContact(tabId))?.snapshot && !holdsContact(await tabCall(tabId)))
        await forgetTabContact(tabId);
      return;
    case 'contact-detected': {
      const contact = await upsertContactFromSnapshot(parsed.snapshot);
      await showContact(tabId, { contactId: contact.id, snapshot: parsed.snapshot });
    }
  }
}

/** The tab's contact from now on. Someone else replacing it also drops an ended call still
 *  waiting for its outcome: that prompt was about the person before. */
async function showContact(tabId: number, value: TabContact): Promise<void> {
  const before = await tabContact(tabId);
  if (before && before.contactId !== value.contactId && (await tabCall(tabId))?.state === 'ended')
    await forgetTabCall(tabId);
  await rememberTabContact(tabId, value);
}

/** A "prepare" click on a phone link: the panel opens on whoever has that number. */
async function prepareNumber(
  tabId: number,
  phone: string,
  name: string | undefined,
): Promise<void> {
  const contact = await contactForNumber(phone, name);
  await showContact(tabId, { contactId: contact.id });
  // Allowed while the rep's click is fresh (it may throw, not just reject, when it is not);
  // either way a panel already open follows the tab.
  try {
    await browser.sidePanel?.open?.({ tabId });
  } catch {
    /* the panel opens from the toolbar instead */
  }
}

/** A tab that leaves the record it showed forgets its contact; the content script reports
 *  the next record itself (a query or sub-tab on the same record is not leaving it: the page
 *  reports only changes, so nothing would bring the contact back). */
export async function onTabUrlChanged(tabId: number, url: string): Promise<void> {
  const known = await tabContact(tabId);
  if (!known?.snapshot || stillOnRecord(known.snapshot, url)) return;
  // The call's contact waits for the outcome wherever the tab goes.
  if (holdsContact(await tabCall(tabId))) return;
  await forgetTabContact(tabId);
}

/** Runs each tab's tasks one after another, in the order they came: a dialer reports "no
 *  contact" then "call over", and each reading must see what the one before wrote. */
type TabTask = (tabId: number | undefined, task: () => Promise<void>) => Promise<void>;

export function perTabQueue(): TabTask {
  const tails = new Map<number | undefined, Promise<void>>();
  return (tabId, task) => {
    const run = (tails.get(tabId) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(tabId, tail);
    void tail.then(() => {
      if (tails.get(tabId) === tail) tails.delete(tabId);
    });
    return run;
  };
}

export function trackContacts(siteOfUrl: SiteOfUrl): void {
  const inOrder = perTabQueue();
  browser.runtime.onMessage.addListener((message, sender) => {
    // Returning the promise keeps the worker alive until the contact is stored.
    return inOrder(sender.tab?.id, () => onContentMessage(message, sender, siteOfUrl));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTabContact(tabId);
    void forgetTabCall(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void inOrder(tabId, () => onTabUrlChanged(tabId, change.url ?? ''));
    // A load whose URL we may not see is a page we hold no permission for: not a CRM record.
    else if (change.status === 'loading') void inOrder(tabId, () => onTabUrlChanged(tabId, ''));
  });
}
