// How Outlook on the web shows an open message, and from which sources: tests/fixtures/outlook/SOURCES.md.
import type { SiteAdapter } from './adapter';
import {
  leadingCaption,
  prospectOf,
  type MailMessage,
  type MailParty,
  type MailRep,
} from './mail-parties';
import { buildSnapshot, cleanText, emailsIn, meaningful, textOf } from './read-page';
import { otherPersonRegion } from './roles';
import { isShown } from './visibility';

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
// /mail/deeplink/read/<id>, /mail/0/deeplink/read/<id>, /mail/<shared mailbox>/deeplink/read/<id>:
// the same item in its own window.
const POP_OUT_PATH = /^\/mail\/(?:[^/]+\/)?deeplink\/read\/([A-Za-z0-9%_=+\-.]{8,})\/?$/;

/** Every selector this adapter reads, in order of trust, in one place. */
const OUTLOOK_SELECTORS = {
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
  // A pop-out window shows the one message and nothing beside it: its main region is the message.
  popOut: '[role="main"]',
  // Header lines ("From: …", "To: …", "Cc: …" and their translations), by their label.
  headerLine: '[aria-label]',
  // A person inside a header line, named by the attribute that holds their address.
  persona: 'a[href^="mailto:"], [title*="@"], [aria-label*="@"]',
} as const;

/** The open item's id when `url` is Outlook on the web showing a message, else null. */
export function outlookItemId(url: URL): string | null {
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return null;
  return ITEM_PATH.exec(url.pathname)?.[1] ?? POP_OUT_PATH.exec(url.pathname)?.[1] ?? null;
}

interface OutlookAccount {
  /** The rep's addresses, lower-cased. */
  emails: string[];
  /** The rep's display names, lower-cased. */
  names: string[];
}

// "Account manager for Riley Rep" in the rep's UI language (English, German, French, Spanish).
const ACCOUNT_LABEL =
  /^(?:Account manager(?: for)?|Konto-?Manager(?: für)?|Gestionnaire de comptes?(?: pour)?|Administrador de cuentas(?: para| de)?):?\s*/iu;

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
  // The flyout stays in the page closed: it still names the signed-in account (the rep's own,
  // not a person the rep is looking at), so its text is read shown or not.
  const flyout = (selector: string) => document.querySelector(selector)?.textContent;
  emails.push(...emailsIn(cleanText(flyout(OUTLOOK_SELECTORS.accountAddress))));
  addName(cleanText(flyout(OUTLOOK_SELECTORS.accountName)));
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

/** "Dana Kim <dana@x>" → "Dana Kim": the address and its brackets are not part of the name. */
function nameBeside(text: string, email: string): string | undefined {
  const at = text.toLowerCase().indexOf(email);
  if (at < 0) return meaningful(text);
  const before = text.slice(0, at).replace(/[\s<(]+$/, '');
  const after = text.slice(at + email.length).replace(/^[\s>)]+/, '');
  return meaningful(`${before} ${after}`.replace(/^[^:]{1,12}:\s*/, ''));
}

/** The people a header line names, in order, each with an address. */
function partiesIn(line: Element): MailParty[] {
  // People inside the line first (they carry names), then the line's own label.
  const personas = [
    ...Array.from(line.querySelectorAll(OUTLOOK_SELECTORS.persona)).filter(isShown),
    line,
  ];
  const parties: MailParty[] = [];
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

/** The conversation's messages in the order shown (oldest first), as far as the rep sees. */
function outlookMessages(pane: Element): MailMessage[] {
  const messages: MailMessage[] = [];
  for (const line of Array.from(pane.querySelectorAll(OUTLOOK_SELECTORS.headerLine))) {
    const caption = leadingCaption(line.getAttribute('aria-label'));
    // A collapsed copy, a closed card or a hovercard shows no party of this conversation.
    if (!caption || !isShown(line) || otherPersonRegion(line, pane)) continue;
    const parties = partiesIn(line);
    if (caption === 'from') {
      messages.push({ from: parties[0], to: [], cc: [] });
      continue;
    }
    let message = messages.at(-1);
    if (!message) {
      message = { to: [], cc: [] };
      messages.push(message);
    }
    message[caption].push(...parties);
  }
  return messages;
}

/** The shown element holding the open message: the reading pane, or a pop-out's main region. */
function messagePane(document: Document, url: URL): Element | undefined {
  const selectors: string[] = [...OUTLOOK_SELECTORS.readingPane];
  if (POP_OUT_PATH.test(url.pathname)) selectors.push(OUTLOOK_SELECTORS.popOut);
  for (const selector of selectors) {
    const pane = Array.from(document.querySelectorAll(selector)).find(isShown);
    if (pane) return pane;
  }
  return undefined;
}

/** The rep as the adapter trusts them: by address, else only by name (a weak sign). */
function repOf(account: OutlookAccount): MailRep {
  if (account.emails.length > 0) return account;
  return {
    ...account,
    doubt: 'Your own address is not on the page, so a colleague of yours looks the same',
  };
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
    const pane = messagePane(document, url);
    if (!pane) return null;
    // Without knowing the rep, the rep could be taken for the contact: better no contact.
    const account = outlookAccount(document);
    if (account.emails.length === 0 && account.names.length === 0) return null;
    const prospect = prospectOf(outlookMessages(pane), repOf(account));
    if (!prospect) return null;

    const { party, evidence, others } = prospect;
    return buildSnapshot(
      {
        site: 'outlook',
        recordId: party.email,
        url: `${url.origin}${url.pathname}`,
        name: party.name,
      },
      { email: party.email, evidence, others },
    );
  },
};
