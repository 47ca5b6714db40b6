// Outlook on the web, an open message (/mail/…/id/<item id> on the hosts below): the contact
// is the other party, never the rep.
//
// Selectors come from public readers of these pages, checked against each other:
// - toggl/track-extension src/content/outlook.js: the reading pane `#ReadingPaneContainerId`,
//   the subject `div[role="heading"][title]`;
// - clockify/browser-extension src/integrations/outlook.js: `[aria-label="Reading Pane"]
//   [role="heading"]`, and outlook.live.com as a host;
// - auslong427/Outlook-Copy copy-sender.js (copies the sender of the open message): the
//   sender's address read from a `mailto:` link, then `title` / `aria-label` attributes holding
//   an address, then "Name <address>" text in the message header;
// - public Outlook readers and Microsoft 365 page objects (repositories not named by the search
//   index): `[data-app-section="MailReadingPaneContainer"]`, `[aria-label*="From"]` /
//   `[aria-label*="To:"]` header lines, the account manager `#O365_MainLink_Me` (aria-label
//   "Account manager for <name>", sometimes with the address) and its flyout's
//   `#mectrl_currentAccount_primary` / `#mectrl_currentAccount_secondary` (name / address),
//   and tab titles "Mail - <name or address> - Outlook".
// Fixtures copying these pages: tests/fixtures/outlook/.
import type { SiteAdapter } from './adapter';
import { buildSnapshot, cleanText, emailsIn, meaningful, textOf } from './read-page';

// Work accounts open at outlook.office.com, outlook.office365.com or (Microsoft's newer
// address) outlook.cloud.microsoft; personal accounts at outlook.live.com. Each serves /mail/.
const HOST_LIST = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.cloud.microsoft',
  'outlook.live.com',
];
const HOSTS = new Set(HOST_LIST);
// /mail/id/<id>, /mail/inbox/id/<id>, /mail/0/sentitems/id/<id>: an open item. Ids are
// URL-encoded base64 ("AAQkAGI2…%3D").
const ITEM_PATH = /^\/mail\/(?:[^/]+\/)*id\/([A-Za-z0-9%_=+\-.]{8,})\/?$/;

/** Every selector this adapter reads, in order of trust, in one place. */
export const OUTLOOK_SELECTORS = {
  // The rep: the account manager button and its flyout.
  account: ['#O365_MainLink_Me', 'button[aria-label^="Account manager"]'],
  accountName: '#mectrl_currentAccount_primary',
  accountAddress: '#mectrl_currentAccount_secondary',
  readingPane: [
    '#ReadingPaneContainerId',
    '[data-app-section="MailReadingPaneContainer"]',
    '[aria-label="Reading Pane"]',
    '[aria-label="Reading pane"]',
  ],
  // Header lines of each message, oldest first in the conversation.
  from: '[aria-label^="From:"], [aria-label^="From "]',
  recipients: '[aria-label^="To:"], [aria-label^="Cc:"]',
  // A person inside a header line, named by the attribute that holds their address.
  persona: 'a[href^="mailto:"], [title*="@"], [aria-label*="@"]',
} as const;

/** The open item's id when `url` is Outlook on the web showing a message, else null. */
export function outlookItemId(url: URL): string | null {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
  return ITEM_PATH.exec(url.pathname)?.[1] ?? null;
}

export interface OutlookAccount {
  /** The rep's addresses, lower-cased. */
  emails: string[];
  /** The rep's display names, lower-cased. */
  names: string[];
}

const ACCOUNT_LABEL = /^Account manager(?: for)?:?\s*/i;

/** Who the rep is: the account manager button and flyout, then the tab title. */
export function outlookAccount(document: Document): OutlookAccount {
  const emails: string[] = [];
  const names: string[] = [];
  const addName = (raw: string | null | undefined) => {
    const name = meaningful(raw?.replace(/\S+@\S+/g, '').replace(/[()<>]/g, ''));
    if (name) names.push(name.toLowerCase());
  };
  for (const selector of OUTLOOK_SELECTORS.account) {
    for (const button of Array.from(document.querySelectorAll(selector))) {
      const label = cleanText(button.getAttribute('aria-label'));
      emails.push(...emailsIn(label), ...emailsIn(button.getAttribute('title')));
      if (ACCOUNT_LABEL.test(label)) addName(label.replace(ACCOUNT_LABEL, ''));
    }
  }
  emails.push(...emailsIn(textOf(document.querySelector(OUTLOOK_SELECTORS.accountAddress))));
  addName(textOf(document.querySelector(OUTLOOK_SELECTORS.accountName)));
  // "Mail - Riley Rep - Outlook" / "Mail - riley@sellerco.example - Outlook".
  const segments = document.title.split(' - ');
  if (segments.length >= 3 && /^Outlook\b/i.test(segments.at(-1)?.trim() ?? '')) {
    const who = segments.at(-2) ?? '';
    const found = emailsIn(who);
    if (found.length > 0) emails.push(...found);
    else addName(who);
  }
  return { emails: [...new Set(emails)], names: [...new Set(names)] };
}

interface Party {
  email: string;
  name: string;
}

/** "Dana Kim <dana@x>" → "Dana Kim": the address and its brackets are not part of the name. */
function nameBeside(text: string, email: string): string | undefined {
  const at = text.toLowerCase().indexOf(email);
  if (at < 0) return meaningful(text);
  const before = text.slice(0, at).replace(/[\s<(]+$/, '');
  const after = text.slice(at + email.length).replace(/^[\s>)]+/, '');
  return meaningful(`${before} ${after}`.replace(/^(From|To|Cc):\s*/i, ''));
}

/** The people a header line names, in order, each with an address. */
function partiesIn(line: Element): Party[] {
  // People inside the line first (they carry names), then the line's own label.
  const personas = [...Array.from(line.querySelectorAll(OUTLOOK_SELECTORS.persona)), line];
  const parties: Party[] = [];
  for (const el of personas) {
    const email = emailsIn(
      [el.getAttribute('title'), el.getAttribute('aria-label'), el.getAttribute('href')]
        .filter(Boolean)
        .join(' '),
    ).at(0);
    if (!email || parties.some((p) => p.email === email)) continue;
    const name = el === line ? undefined : nameBeside(textOf(el), email);
    parties.push({ email, name: name ?? email });
  }
  if (parties.length > 0) return parties;
  // No attribute holds an address: "Dana Kim <dana.kim@prospectco.example>" as text.
  const text = textOf(line);
  const email = emailsIn(text).at(0);
  return email ? [{ email, name: nameBeside(text, email) ?? email }] : [];
}

export const outlook: SiteAdapter = {
  id: 'outlook',
  name: 'Outlook',
  matches: HOST_LIST.map((host) => `https://${host}/mail/*`),
  recordOf(url) {
    const item = outlookItemId(url);
    return item && `${url.origin}/${item}`;
  },
  detect(document, url) {
    if (!outlookItemId(url)) return null;
    const pane = OUTLOOK_SELECTORS.readingPane
      .map((s) => document.querySelector(s))
      .find((el) => el !== null);
    if (!pane) return null;
    // Without knowing the rep, the rep could be taken for the contact: better no contact.
    const rep = outlookAccount(document);
    if (rep.emails.length === 0 && rep.names.length === 0) return null;
    const isRep = (p: Party) =>
      rep.emails.includes(p.email) || rep.names.includes(p.name.toLowerCase());

    const lastOther = (selector: string) =>
      Array.from(pane.querySelectorAll(selector))
        .flatMap(partiesIn)
        .filter((p) => !isRep(p))
        .at(-1);
    // Messages are in DOM order, oldest first: the latest sender who is not the rep is the
    // prospect; when the rep wrote every message, the one they wrote to.
    const party = lastOther(OUTLOOK_SELECTORS.from) ?? lastOther(OUTLOOK_SELECTORS.recipients);
    if (!party) return null;

    return buildSnapshot(
      {
        site: 'outlook',
        recordId: party.email,
        url: `${url.origin}${url.pathname}`,
        name: party.name,
      },
      { email: party.email },
    );
  },
};
