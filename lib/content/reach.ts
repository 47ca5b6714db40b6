/**
 * The tel: link the rep reached with this event — pointed at (mouseover) or tabbed to
 * (focusin) — or null. Only the rep's own input counts: an event the page dispatches is not
 * trusted, and a focus the page moves by script (`link.focus()`) does not show as keyboard
 * focus, so neither brings up Prepare.
 */
export function reachedPhoneLink(e: Event): Element | null {
  if (!e.isTrusted || !(e.target instanceof Element)) return null;
  const link = e.target.closest('a[href^="tel:"]');
  if (!link) return null;
  return e.type !== 'focusin' || keyboardFocused(link) ? link : null;
}

function keyboardFocused(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true; // a browser without :focus-visible: the event is trusted, which is the rule
  }
}
