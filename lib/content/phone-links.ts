/** The number a tel: link dials; a malformed %-escape ("tel:%ZZ") is read as written. */
export function telNumber(href: string): string {
  const raw = href.replace(/^tel:/i, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

// Words a call-to-action says instead of a name: "Call now", "Click to dial", "Mobile".
const GENERIC =
  /^(call|calls|calling|dial|ring|phone|telephone|tel|mobile|cell|office|work|home|main|direct|fax|now|us|me|to|click|tap|here|our|the|a|number|contact|line|toll|free|sales|support|today|ext|extension|x|or|text|sms)$/;
// "Call Dana Kim": the verb is the link's, the rest is the name.
const LEADING_VERB = /^(?:(?:click|tap)\s+to\s+)?(?:call|dial|ring|phone)\s+/i;

/** The name a link's text gives, or undefined: the number again, or a call to action. */
export function nameOfLink(text: string): string | undefined {
  const clean = text.replace(/\s+/g, ' ').trim().replace(LEADING_VERB, '');
  const words = clean.toLowerCase().match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  const named = words.some((word) => !GENERIC.test(word.replace(/[.'’-]+$/, '')));
  return named ? clean.slice(0, 200) : undefined;
}

/**
 * A small "Prepare" button beside a phone link the rep points at or tabs to: one click opens
 * the panel on whoever has that number. It appears on demand (event delegation), so a page
 * full of numbers costs nothing until the rep reaches one.
 */
export function offerPrepareOnPhoneLinks(
  doc: Document,
  listen: (type: 'mouseover' | 'focusin', handler: (e: Event) => void) => void,
  prepare: (phone: string, name: string | undefined) => void,
): { offerBeside(link: Element): void; destroy(): void } {
  const host = doc.createElement('second-call-prepare');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial}button{position:fixed;z-index:2147483647;font:600 12px system-ui,sans-serif;background:#1f6feb;color:#fff;border:0;border-radius:999px;padding:3px 9px;cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.25)}button:focus-visible{outline:2px solid #1d2330}`;
  const button = doc.createElement('button');
  button.textContent = 'Prepare';
  root.append(style, button);
  let current: { phone: string; name: string | undefined } | undefined;

  button.addEventListener('click', () => {
    if (current) prepare(current.phone, current.name);
    host.remove();
  });

  const offerBeside = (link: Element) => {
    const phone = telNumber(link.getAttribute('href') ?? '');
    // A link that dials no number is nothing to prepare.
    if (!/\d{3}/.test(phone)) return;
    const name = nameOfLink(link.textContent ?? '');
    current = { phone, name };
    button.setAttribute('aria-label', `Prepare a call to ${name ?? phone}`);
    const box = link.getBoundingClientRect();
    button.style.left = `${Math.round(box.right + 6)}px`;
    button.style.top = `${Math.round(box.top)}px`;
    if (!host.isConnected) doc.documentElement.append(host);
  };
  const reach = (e: Event) => {
    const link = e.target instanceof Element ? e.target.closest('a[href^="tel:"]') : null;
    if (link) offerBeside(link);
  };
  listen('mouseover', reach);
  listen('focusin', reach);
  return { offerBeside, destroy: () => host.remove() };
}
