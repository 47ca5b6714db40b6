import { browser, type Browser } from 'wxt/browser';
import { storeNumber, storeSnapshot } from '../db/contacts';
import { chosenContact } from '../db/identity-choices';
import type { ContactSnapshot } from '../model';
import { stillOnRecord } from '../sites/registry';
import { holdsContact, rememberTabCall } from '../messaging/tab-calls';
import { validateContentMessage } from '../messaging/validate';
import type { TabContact, TabDoubt } from '../messaging/protocol';
import { sharedKeyDoubt } from '../messaging/tab-doubts';
import { choiceRecordOf, numberRecordOf } from './choice-record';
import { startVoicemailTimer, stopVoicemailTimer } from '../messaging/voicemail-timers';
import { injectPageTools } from './page-tools';
import { forgetTab, tabState } from '../messaging/tab-state';

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
  const pageUrl = sender.url ?? sender.tab?.url;
  switch (parsed.type) {
    case 'start-voicemail':
      await startVoicemailTimer(tabId);
      return;
    case 'stop-voicemail':
      return stopVoicemailTimer(tabId);
    case 'call-state':
      return rememberTabCall(tabId, parsed.call);
    case 'prepare-number':
      return prepareNumber(tabId, parsed.phone, parsed.name, pageUrl, siteOfUrl);
    case 'page-tools':
      return injectPageTools(tabId);
    case 'no-contact':
      // A contact the rep picked by hand stays until they pick another or close the tab; a
      // dialer's stays while its call is on or waits for its outcome (the dialer going idle
      // says nothing about who the rep just spoke to).
      if (
        (await tabState.contact.get(tabId))?.snapshot &&
        !holdsContact(await tabState.call.get(tabId))
      )
        await tabState.contact.remove(tabId);
      // A question about the page's person goes with the page; one about a number stays.
      if ((await tabState.doubt.get(tabId))?.snapshot) await tabState.doubt.remove(tabId);
      return;
    case 'contact-detected':
      return contactDetected(tabId, parsed.snapshot);
  }
}

/** A snapshot without evidence (an older content script) counts as sure. */
const unsure = (snapshot: ContactSnapshot) => snapshot.evidence?.confidence === 'unsure';

/**
 * Who the page shows: the rep's own earlier choice for this record first; then, when the
 * detection is unsure or several stored contacts share its email or number, nobody — the tab
 * keeps a doubt and the panel asks. Only a sure, single match is stored and shown.
 */
async function contactDetected(tabId: number, snapshot: ContactSnapshot): Promise<void> {
  const record = choiceRecordOf(snapshot);
  const chosen = await chosenContact(record);
  if (chosen) return showContact(tabId, { contactId: chosen.id, snapshot, record });
  if (unsure(snapshot)) {
    const why = snapshot.evidence?.doubt ?? `Only one sign on the page names ${snapshot.name}.`;
    return doubt(tabId, { name: snapshot.name, record, snapshot, candidateIds: [], why });
  }
  const stored = await storeSnapshot(snapshot);
  if (stored.kind === 'stored')
    return showContact(tabId, { contactId: stored.contact.id, snapshot, record });
  return doubt(tabId, {
    name: snapshot.name,
    record,
    snapshot,
    candidateIds: stored.contacts.map((c) => c.id),
    why: sharedKeyDoubt(stored.by, stored.contacts.length),
  });
}

/** The tab's contact from now on. Someone else replacing it also drops an ended call still
 *  waiting for its outcome: that prompt was about the person before. */
async function showContact(tabId: number, value: TabContact): Promise<void> {
  const before = await tabState.contact.get(tabId);
  if (
    before &&
    before.contactId !== value.contactId &&
    (await tabState.call.get(tabId))?.state === 'ended'
  )
    await tabState.call.remove(tabId);
  // Written before the doubt goes: the panel, which shows a doubt first, never shows nobody.
  await tabState.contact.set(tabId, value);
  await tabState.doubt.remove(tabId);
}

/** Nobody is shown until the rep answers: the doubt is written before the contact goes, so
 *  the person shown before never stands for this page. A dialer's call keeps its contact for
 *  the outcome (the panel still asks first). */
async function doubt(tabId: number, value: TabDoubt): Promise<void> {
  await tabState.doubt.set(tabId, value);
  if (!holdsContact(await tabState.call.get(tabId))) await tabState.contact.remove(tabId);
}

/** A "prepare" click on a phone link: the panel opens on whoever has that number — the one
 *  the rep chose for it on this page before, its one holder (or a new contact), or, when
 *  several share it, the choice among them. */
async function prepareNumber(
  tabId: number,
  phone: string,
  name: string | undefined,
  pageUrl: string | undefined,
  siteOfUrl: SiteOfUrl,
): Promise<void> {
  const record = numberRecordOf(siteOf(pageUrl, siteOfUrl), pageUrl, phone);
  const chosen = await chosenContact(record);
  const stored = chosen ? undefined : await storeNumber(phone, name);
  if (chosen) await showContact(tabId, { contactId: chosen.id, record });
  else if (stored?.kind === 'stored')
    await showContact(tabId, { contactId: stored.contact.id, record });
  else if (stored) {
    const candidateIds = stored.contacts.map((c) => c.id);
    const why = sharedKeyDoubt('phone', candidateIds.length);
    await doubt(tabId, { name: name?.trim() || phone, record, phone, candidateIds, why });
  }
  // Allowed while the rep's click is fresh (it may throw, not just reject, when it is not);
  // either way a panel already open follows the tab.
  try {
    await browser.sidePanel?.open?.({ tabId });
  } catch {
    /* the panel opens from the toolbar instead */
  }
}

function siteOf(url: string | undefined, siteOfUrl: SiteOfUrl): string {
  try {
    return (url && siteOfUrl(new URL(url))) || 'page';
  } catch {
    return 'page';
  }
}

/** A tab that leaves the record it showed forgets its contact; the content script reports
 *  the next record itself (a query or sub-tab on the same record is not leaving it: the page
 *  reports only changes, so nothing would bring the contact back). */
export async function onTabUrlChanged(tabId: number, url: string): Promise<void> {
  const asked = await tabState.doubt.get(tabId);
  if (asked?.snapshot && !stillOnRecord(asked.snapshot, url)) await tabState.doubt.remove(tabId);
  const known = await tabState.contact.get(tabId);
  if (!known?.snapshot || stillOnRecord(known.snapshot, url)) return;
  // The call's contact waits for the outcome wherever the tab goes.
  if (holdsContact(await tabState.call.get(tabId))) return;
  await tabState.contact.remove(tabId);
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
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void inOrder(tabId, () => onTabUrlChanged(tabId, change.url ?? ''));
    // A load whose URL we may not see is a page we hold no permission for: not a CRM record.
    else if (change.status === 'loading') void inOrder(tabId, () => onTabUrlChanged(tabId, ''));
  });
}
