/** Listens on the page's document for the rep's input (the caller ends it with the script). */
export type ListenToPage = (
  type: 'mouseover' | 'focusin' | 'keydown' | 'keyup' | 'pointerdown',
  handler: (e: Event) => void,
) => void;

/**
 * Calls `reached` with each tel: link the rep reaches: points at, or tabs to. Only the rep's
 * own input counts. An event the page dispatches is not trusted; and a focus the page moves
 * by script (`link.focus()`, whose events the browser does mark trusted) counts only while
 * the rep is pressing Tab — the one focus that is the rep's.
 */
export function onPhoneLinkReached(listen: ListenToPage, reached: (link: Element) => void): void {
  let tabbing = false;
  listen('keydown', (e) => {
    if (e.isTrusted) tabbing = (e as KeyboardEvent).key === 'Tab';
  });
  const done = (e: Event) => {
    if (e.isTrusted) tabbing = false;
  };
  listen('keyup', done);
  listen('pointerdown', done);
  const reach = (e: Event) => {
    if (!e.isTrusted || !(e.target instanceof Element)) return;
    if (e.type === 'focusin') {
      if (!tabbing) return;
      tabbing = false; // one Tab moves focus once
    }
    const link = e.target.closest('a[href^="tel:"]');
    if (link) reached(link);
  };
  listen('mouseover', reach);
  listen('focusin', reach);
}
