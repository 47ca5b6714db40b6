/**
 * A small "Prepare" button beside a phone link the rep points at or tabs to: one click opens
 * the panel on whoever has that number. It appears on demand (event delegation), so a page
 * full of numbers costs nothing until the rep reaches one.
 */
export function offerPrepareOnPhoneLinks(
  doc: Document,
  listen: (type: 'mouseover' | 'focusin', handler: (e: Event) => void) => void,
  prepare: (phone: string, name: string | undefined) => void,
): { destroy(): void } {
  const host = doc.createElement('second-call-prepare');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial} button{position:fixed;z-index:2147483647;font:600 12px system-ui,sans-serif;
    background:#1f6feb;color:#fff;border:0;border-radius:999px;padding:3px 9px;cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.25)}
    button:focus-visible{outline:2px solid #1d2330}`;
  const button = doc.createElement('button');
  button.textContent = 'Prepare';
  root.append(style, button);
  let current: { phone: string; name: string | undefined } | undefined;

  button.addEventListener('click', () => {
    if (current) prepare(current.phone, current.name);
    host.remove();
  });

  const show = (e: Event) => {
    const link = e.target instanceof Element ? e.target.closest('a[href^="tel:"]') : null;
    if (!link) return;
    const phone = decodeURIComponent(link.getAttribute('href')!.slice(4)).trim();
    const text = link.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    // The link's own text is a name only when it is not just the number again.
    const name = text && !/^[\d\s()+.-]+$/.test(text) ? text.slice(0, 200) : undefined;
    current = { phone, name };
    button.setAttribute('aria-label', `Prepare a call to ${name ?? phone}`);
    const box = link.getBoundingClientRect();
    button.style.left = `${Math.round(box.right + 6)}px`;
    button.style.top = `${Math.round(box.top)}px`;
    if (!host.isConnected) doc.documentElement.append(host);
  };
  listen('mouseover', show);
  listen('focusin', show);
  return { destroy: () => host.remove() };
}
