import { vi } from 'vitest';

/**
 * The rep's own input, as the browser marks it: `isTrusted` is true only for events the
 * browser dispatches from real input. happy-dom marks none, so a test says which are the
 * rep's; every other event stands for one the page dispatched itself.
 */
export function byTheRep<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A real click on `el` (the page's own `el.click()` is not one). */
export function repClicks(el: Element): void {
  el.dispatchEvent(byTheRep(new MouseEvent('click', { bubbles: true, composed: true })));
}

/**
 * The extension's closed shadow roots, which the page (and `host.shadowRoot`) cannot see:
 * the test looks inside them as the extension's own script does.
 */
export function watchClosedRoots(): (host: Element | null | undefined) => ShadowRoot | undefined {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return (host) => (host ? roots.get(host) : undefined);
}
