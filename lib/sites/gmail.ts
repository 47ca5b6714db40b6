// Gmail open threads: the contact is the other party, never the rep.
//
// Selectors come from public Gmail extensions, checked against each other:
// - KartikTalwar/gmail.js src/gmail.js: message parts `span[email].gD` (from), `span[email].g2` (to),
//   `span.hb` (to wrapper), subject `h2.hP`, and `get.current_page`: a hash ending in a
//   16+ character id after the folder is an open email;
// - InboxSDK/InboxSDK gmail-message-view: sender `td.gF span[email]` inside `h3.iw`, recipients
//   `.hb span[email]`, expanded (`.h7`) and collapsed (`.kv`) messages in DOM order;
// - clockify/browser-extension src/integrations/google-mail.js: the thread header `div.nH div.ha h2`;
// - public account readers: the account switcher's `aria-label^="Google Account:"`, whose label
//   is "Google Account: Name (address)"; Gmail's tab title is "<view> - <address> - Gmail".
// Fixtures copying these pages: tests/fixtures/gmail/.
import type { SiteAdapter } from './adapter';
import { buildSnapshot, cleanText, emailsIn, meaningful } from './read-page';

/** Every selector this adapter reads, in one place. */
export const GMAIL_SELECTORS = {
  account: '[aria-label^="Google Account:"]',
  subject: 'h2.hP',
  // The view that holds the open thread (Gmail keeps other views in the page, hidden).
  threadView: '[role="main"]',
  sender: 'span.gD[email]',
  recipient: 'span.g2[email]',
  // Recipients Gmail names "me": the rep, in an English UI.
  me: 'span.g2[email][name="me"]',
} as const;

// Views whose hash carries one more segment before the thread id: #label/<name>/<id>.
const TWO_PART_VIEWS = new Set(['label', 'search', 'category', 'advanced-search']);
const THREAD_ID = /^[A-Za-z0-9]{16,}$/;

/** The open thread's id from the URL hash (#inbox/<id>, #label/x/<id>, …), else null. */
export function gmailThreadId(url: URL): string | null {
  if (url.hostname !== 'mail.google.com') return null;
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = hash.split('/').filter(Boolean);
  const view = parts[0];
  if (!view || view === 'settings' || view === 'create-filter') return null;
  const idAt = TWO_PART_VIEWS.has(view) ? 2 : 1;
  const id = parts[idAt];
  return parts.length === idAt + 1 && id && THREAD_ID.test(id) ? id : null;
}

/** The rep's own address: the account switcher first, then the tab title, then "to me". */
export function gmailAccount(document: Document): string | undefined {
  const label = document.querySelector(GMAIL_SELECTORS.account)?.getAttribute('aria-label');
  const fromLabel = emailsIn(label).at(-1);
  if (fromLabel) return fromLabel;
  // "Inbox (3) - rep@company.com - Gmail": the address is the last segment that is one.
  const segments = document.title.split(' - ').reverse();
  const fromTitle = segments.map((s) => emailsIn(s)).find((found) => found.length === 1)?.[0];
  if (fromTitle) return fromTitle;
  return emailsIn(document.querySelector(GMAIL_SELECTORS.me)?.getAttribute('email')).at(0);
}

interface Party {
  email: string;
  name: string;
}

/** The last (most recent) element in `els` whose address is not the rep's. */
function lastOther(els: Element[], rep: string): Party | undefined {
  for (const el of [...els].reverse()) {
    const email = emailsIn(el.getAttribute('email')).at(0);
    if (!email || email === rep) continue;
    // The display name as Gmail gives it; its shown text when the attribute is missing.
    const name = meaningful(el.getAttribute('name')) ?? meaningful(el.textContent) ?? email;
    return { email, name: cleanText(name) };
  }
  return undefined;
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  matches: ['https://mail.google.com/*'],
  atInstall: true,
  recordOf(url) {
    const thread = gmailThreadId(url);
    return thread && `${url.origin}/${thread}`;
  },
  detect(document, url) {
    if (!gmailThreadId(url)) return null;
    // Without the rep's address the rep could be taken for the contact: better no contact.
    const rep = gmailAccount(document);
    if (!rep) return null;

    const subject = document.querySelector(GMAIL_SELECTORS.subject);
    const root: ParentNode = subject?.closest(GMAIL_SELECTORS.threadView) ?? document;
    const all = (selector: string) => Array.from(root.querySelectorAll(selector));
    // Messages are in DOM order, oldest first: the latest sender who is not the rep is the
    // prospect; when the rep wrote every message, the one they wrote to.
    const party =
      lastOther(all(GMAIL_SELECTORS.sender), rep) ?? lastOther(all(GMAIL_SELECTORS.recipient), rep);
    if (!party) return null;

    return buildSnapshot(
      { site: 'gmail', recordId: party.email, url: url.href, name: party.name },
      { email: party.email },
    );
  },
};
