import type { CallSnapshot, ContactSnapshot } from '../model';
import type { PageReading, SiteAdapter } from './adapter';

/** The slice of the content script's lifetime (lib/content/page-lifetime) the watcher needs,
 *  so tests can pass a fake. */
export interface WatchContext {
  readonly isValid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  onLocationChange(handler: () => void): void;
  onEnd(handler: () => void): void;
}

/** Our own elements on the page (the overlay, the Prepare button): their coming and going is
 *  no reason to read the page again. */
const OWN_ELEMENT = /^second-call-/;

function onlyOwnElements(records: readonly MutationRecord[]): boolean {
  return records.every(
    (r) =>
      r.type === 'childList' &&
      [...r.addedNodes, ...r.removedNodes].every((n) => OWN_ELEMENT.test(n.nodeName.toLowerCase())),
  );
}

interface WatchTiming {
  /** Quiet time after the last page mutation before reading the page again. */
  debounceMs: number;
  /** Once a contact with an email or phone is read and the page stays quiet this long, stop. */
  settleMs: number;
  /** Stop observing this long after a navigation whatever happens: an idle page costs nothing. */
  maxWatchMs: number;
}

const DEFAULT_TIMING: WatchTiming = { debounceMs: 250, settleMs: 2000, maxWatchMs: 20000 };

/**
 * Runs the site's detector on load and after each single-page navigation, and re-reads the
 * page while the record renders. Reports only changes, and only the snapshot.
 */
export function watchPage(
  adapter: SiteAdapter,
  ctx: WatchContext,
  win: Window,
  report: (snapshot: ContactSnapshot | null) => void,
  timing: WatchTiming = DEFAULT_TIMING,
  reportCall?: (call: CallSnapshot | null) => void,
): void {
  // A dialer's call can start or end at any moment: its page is watched for as long as it is
  // open (debounced, and only DOM changes wake it). Other pages stop once the record settles.
  const watchForever = Boolean(adapter.detectCall && reportCall);
  let lastReported: string | undefined;
  let lastCall: string | undefined;
  let observer: MutationObserver | undefined;
  let debounce: number | undefined;
  let settle: number | undefined;
  let deadline: number | undefined;

  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    for (const timer of [debounce, settle, deadline])
      if (timer !== undefined) win.clearTimeout(timer);
    debounce = settle = deadline = undefined;
  };

  /** The contact and, on a dialer, its call: the call's party is the contact, so a dialer that
   *  can gives both from one reading of the page. */
  const readPage = (url: URL): PageReading => {
    const doc = win.document;
    try {
      if (watchForever && adapter.detectWithCall) return adapter.detectWithCall(doc, url);
      const call = watchForever ? (adapter.detectCall?.(doc, url) ?? null) : null;
      return { contact: adapter.detect(doc, url), call };
    } catch (error) {
      // A page we do not understand is "no contact", never a crash in the rep's CRM.
      console.warn('[Second Call] could not read this page', error);
      return { contact: null, call: null };
    }
  };

  const read = () => {
    if (!ctx.isValid) return stop();
    const { contact: snapshot, call } = readPage(new URL(win.location.href));
    const key = JSON.stringify(snapshot);
    if (key !== lastReported) {
      lastReported = key;
      report(snapshot);
    }
    const callKey = JSON.stringify(call);
    if (watchForever && callKey !== lastCall) {
      lastCall = callKey;
      reportCall?.(call);
    }
    if (settle !== undefined) win.clearTimeout(settle);
    // A record showing only a name is still rendering: keep watching until the deadline.
    const complete = snapshot !== null && Boolean(snapshot.email || snapshot.phone);
    settle = complete && !watchForever ? ctx.setTimeout(stop, timing.settleMs) : undefined;
  };

  const start = () => {
    stop();
    // After a navigation event the new URL is not committed yet: read on the next task.
    debounce = ctx.setTimeout(read, 0);
    observer = new MutationObserver((records) => {
      if (onlyOwnElements(records)) return;
      if (debounce !== undefined) win.clearTimeout(debounce);
      debounce = ctx.setTimeout(read, timing.debounceMs);
    });
    observer.observe(win.document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    if (!watchForever) deadline = ctx.setTimeout(stop, timing.maxWatchMs);
  };

  ctx.onLocationChange(start);
  ctx.onEnd(stop);
  start();
}
