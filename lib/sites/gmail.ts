// How Gmail's open threads are built, and from which sources: tests/fixtures/gmail/SOURCES.md.
import type { SiteAdapter } from './adapter';
import {
  isRepWord,
  lastCaption,
  prospectOf,
  type MailMessage,
  type MailParty,
  type MailRep,
} from './mail-parties';
import { buildSnapshot, cleanText, emailsIn, meaningful } from './read-page';
import { otherPersonRegion } from './roles';
import { isShown, shownFirst } from './visibility';

/** Every selector this adapter reads, in one place. */
const GMAIL_SELECTORS = {
  // The account switcher in the rep's UI language (English, German, French, Spanish).
  account: [
    '[aria-label^="Google Account:"]',
    '[aria-label^="Google-Konto:"]',
    '[aria-label^="Compte Google"]',
    '[aria-label^="Cuenta de Google:"]',
  ].join(', '),
  subject: 'h2.hP',
  // The view that holds the open thread (Gmail keeps other views in the page, hidden).
  threadView: '[role="main"]',
  // A message's sender: expanded (`.h7`) and collapsed (`.kv`) messages both show it.
  sender: 'span.gD[email], h3.iw span[email]',
  // A message's recipients: the "to me, Sam, cc: Jordan" line, and the details card rows.
  recipient: 'span.g2[email], .hb span[email]',
  // Recipients Gmail names by its word for the rep ("me", "ich", "moi", "yo").
  me: 'span.g2[email][name]',
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

/** The rep's own address and how it was known: the account switcher, the tab title, "to me". */
function gmailRep(document: Document): MailRep | undefined {
  // The rep's own account button (a hidden copy elsewhere names the same account, or another).
  const buttons = Array.from(document.querySelectorAll(GMAIL_SELECTORS.account));
  const button = buttons.find(isShown) ?? buttons[0];
  const fromLabel = emailsIn(button?.getAttribute('aria-label')).at(-1);
  if (fromLabel) return { emails: [fromLabel], names: [] };
  // "Inbox (3) - rep@company.com - Gmail": the address is the last segment that is one.
  const segments = document.title.split(' - ').reverse();
  const fromTitle = segments.map((s) => emailsIn(s)).find((found) => found.length === 1)?.[0];
  if (fromTitle) return { emails: [fromTitle], names: [] };
  // A recipient the page calls "me": anyone's page can say that, so it is a weak sign.
  const me = Array.from(document.querySelectorAll(GMAIL_SELECTORS.me)).find((el) =>
    isRepWord(el.getAttribute('name')),
  );
  const fromMe = emailsIn(me?.getAttribute('email')).at(0);
  return fromMe
    ? {
        emails: [fromMe],
        names: [],
        doubt: 'Your own address was read only from a "me" label in the thread',
      }
    : undefined;
}

/** The rep's own address, however it was known. */
export function gmailAccount(document: Document): string | undefined {
  return gmailRep(document)?.emails[0];
}

/** A person element's address and name as Gmail gives them, else undefined. */
function partyOf(el: Element): MailParty | undefined {
  const email = emailsIn(el.getAttribute('email')).at(0);
  if (!email) return undefined;
  // The display name as Gmail gives it; its shown text when the attribute is missing.
  const name = meaningful(el.getAttribute('name')) ?? meaningful(el.textContent) ?? email;
  return { email, name: cleanText(name) };
}

/** Whether a recipient is copied: the caption before it on its line says "cc:" (or "Cc", …). */
function isCopied(el: Element): boolean {
  const line = el.closest('.hb') ?? el.closest('tr') ?? el.parentElement;
  if (!line) return false;
  // The line's own text before this person, leaving out the other people's names.
  let before = '';
  const walker = el.ownerDocument.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (el.compareDocumentPosition(node) & 4 /* DOCUMENT_POSITION_FOLLOWING */) break;
    if (el.contains(node) || node.parentElement?.closest('[email]')) continue;
    before += ` ${node.nodeValue ?? ''}`;
  }
  return lastCaption(before) === 'cc';
}

/** The thread's messages in the order shown (oldest first), as far as the rep can see them. */
function gmailMessages(root: ParentNode): MailMessage[] {
  const messages: MailMessage[] = [];
  const selector = `${GMAIL_SELECTORS.sender}, ${GMAIL_SELECTORS.recipient}`;
  const boundary = root instanceof Element ? root : null;
  // Senders as a set: `matches` with a descendant selector is what DOM shims trip on.
  const senders = new Set(Array.from(root.querySelectorAll(GMAIL_SELECTORS.sender)));
  for (const el of Array.from(root.querySelectorAll(selector))) {
    // A hidden view, a closed details card or a hovercard shows no party of this thread.
    if (!isShown(el) || otherPersonRegion(el, boundary)) continue;
    const party = partyOf(el);
    if (!party) continue;
    if (senders.has(el)) {
      messages.push({ from: party, to: [], cc: [] });
      continue;
    }
    let message = messages.at(-1);
    if (!message) {
      message = { to: [], cc: [] };
      messages.push(message);
    }
    (isCopied(el) ? message.cc : message.to).push(party);
  }
  return messages;
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
    const rep = gmailRep(document);
    if (!rep) return null;

    // The open thread's view: the one whose subject the rep sees.
    const subject = shownFirst(document, GMAIL_SELECTORS.subject);
    const root: ParentNode =
      subject?.closest(GMAIL_SELECTORS.threadView) ??
      shownFirst(document, GMAIL_SELECTORS.threadView) ??
      document;
    const prospect = prospectOf(gmailMessages(root), rep);
    if (!prospect) return null;

    const { party, evidence, others } = prospect;
    return buildSnapshot(
      { site: 'gmail', recordId: party.email, url: url.href, name: party.name },
      { email: party.email, evidence, others },
    );
  },
};
