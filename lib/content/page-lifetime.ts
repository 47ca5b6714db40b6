// How long a content script may act on its page. It ends when the extension is reloaded,
// updated or removed (the script is orphaned: its runtime is gone), or when a newer copy of
// the same script starts in this page. Everything it starts — timers, listeners, observers
// through onEnd — stops with it, so an orphan never acts on the rep's page.
//
// WXT's ContentScriptContext does the same; this is the slice our scripts use, small enough
// to keep each site's script within its size budget (React and the coach never load here).

interface PageLifetime {
  /** False once ended; asking also notices an extension that went away. */
  readonly isValid: boolean;
  /** `setTimeout` that never fires after the end. */
  setTimeout(handler: () => void, ms?: number): number;
  /** A listener removed at the end. */
  listen<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
  ): void;
  /** The page's URL changed without a load (a single-page app moved to another view). */
  onLocationChange(handler: () => void): void;
  onEnd(handler: () => void): void;
}

interface Runtime {
  readonly id?: string;
}

/** `runtime` is the extension's (browser.runtime): gone or id-less once the script is orphaned. */
export function pageLifetime(win: Window, name: string, runtime: () => Runtime | undefined) {
  const ended = new AbortController();
  const { signal } = ended;
  const end = () => ended.abort();
  const life: PageLifetime = {
    get isValid() {
      if (!signal.aborted && !runtime()?.id) end();
      return !signal.aborted;
    },
    setTimeout(handler, ms) {
      const id = win.setTimeout(() => life.isValid && handler(), ms);
      signal.addEventListener('abort', () => win.clearTimeout(id));
      return id;
    },
    listen(target, type, handler) {
      target.addEventListener(type, (e) => life.isValid && handler(e), { signal });
    },
    onLocationChange(handler) {
      let at = win.location.href;
      const check = () => {
        if (!life.isValid || win.location.href === at) return;
        at = win.location.href;
        handler();
      };
      // The Navigation API reports same-document navigations without polling; where it is
      // missing, the address is checked once a second.
      const navigation = (win as { navigation?: EventTarget }).navigation;
      if (navigation) {
        // `navigate` fires before the URL commits: look on the next task.
        navigation.addEventListener('navigate', () => win.setTimeout(check, 0), { signal });
        win.addEventListener('popstate', check, { signal });
      } else {
        const poll = win.setInterval(check, 1000);
        signal.addEventListener('abort', () => win.clearInterval(poll));
      }
    },
    onEnd(handler) {
      signal.addEventListener('abort', handler);
    },
  };
  // A newer copy of this script in the page (after an update) takes over from this one.
  const started = `second-call:started:${name}`;
  const me = {};
  win.document.dispatchEvent(new CustomEvent(started, { detail: me }));
  win.document.addEventListener(started, (e) => (e as CustomEvent).detail !== me && end(), {
    signal,
  });
  return life;
}
