import { cleanPhone, cleanText, isName, MAX_TEXT } from '../model/clean-text';
import { onPhoneLinkReached, type ListenToPage } from './reach';

/** The number a tel: link dials, without its parameters (";ext=12"); a malformed %-escape
 *  ("tel:%ZZ") is read as written. */
export function telNumber(href: string): string {
  const raw = href.replace(/^tel:/i, '');
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    text = raw;
  }
  return text.split(';')[0]!.trim();
}

// "Call Dana Kim": the verb is the link's, the rest is the name.
const LEADING_VERB = /^(?:(?:click|tap)\s+to\s+)?(?:call|dial|ring|phone)\s+/i;

/** The name a link's text gives, cleaned like a detected name, or undefined: the number
 *  again, or a call to action. */
export function nameOfLink(text: string): string | undefined {
  const clean = cleanText(text, Infinity).replace(LEADING_VERB, '');
  return isName(clean) ? cleanText(clean, MAX_TEXT) : undefined;
}

/**
 * A small "Prepare" button beside a phone link the rep points at or tabs to: one click opens
 * the panel on whoever has that number. It appears on demand (event delegation), so a page
 * full of numbers costs nothing until the rep reaches one.
 *
 * The page must not drive it: the button sits in a closed shadow root (no `shadowRoot` for
 * the page's scripts), and only the rep's own input counts (`isTrusted`): a page that
 * dispatches a mouseover on its link, or a click on the button, gets nothing.
 */
export function offerPrepareOnPhoneLinks(
  doc: Document,
  listen: ListenToPage,
  prepare: (phone: string, name: string | undefined) => void,
): { offerBeside(link: Element): void; destroy(): void } {
  const host = doc.createElement('second-call-prepare');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial}button{position:fixed;z-index:2147483647;font:600 12px system-ui,sans-serif;background:#1f6feb;color:#fff;border:0;border-radius:999px;padding:3px 9px;cursor:pointer;box-shadow:0 2px 8px rgb(0 0 0/.25)}button:focus-visible{outline:2px solid #1d2330}`;
  const button = doc.createElement('button');
  button.textContent = 'Prepare';
  root.append(style, button);
  let current: { phone: string; name: string | undefined } | undefined;

  button.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    if (current) prepare(current.phone, current.name);
    host.remove();
  });

  const offerBeside = (link: Element) => {
    // A link that dials no number (or markup posing as one) is nothing to prepare.
    const phone = cleanPhone(telNumber(link.getAttribute('href') ?? ''));
    if (!phone) return;
    const name = nameOfLink(link.textContent ?? '');
    current = { phone, name };
    button.setAttribute('aria-label', `Prepare a call to ${name ?? phone}`);
    const box = link.getBoundingClientRect();
    button.style.left = `${Math.round(box.right + 6)}px`;
    button.style.top = `${Math.round(box.top)}px`;
    if (!host.isConnected) doc.documentElement.append(host);
  };
  onPhoneLinkReached(listen, offerBeside);
  return { offerBeside, destroy: () => host.remove() };
}
