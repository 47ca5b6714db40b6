// How Pipedrive's person pages are built, and from which sources: tests/fixtures/pipedrive/SOURCES.md.
import type { SiteAdapter } from './adapter';
import {
  ACCEPT,
  captionedField,
  ownName,
  peopleIn,
  recordEvidence,
  recordOwn,
  repNames,
} from './crm-record';
import { valueBesideCaption } from './captions';
import { buildSnapshot, cleanEmail, cleanPhone, meaningful, othersOf, textOf } from './read-page';

const HOST = /^[a-z0-9-]+\.pipedrive\.com$/;
const PERSON_PATH = /^\/person\/(\d+)(?:\/|$)/;

/** Every selector this adapter reads, in order of trust, in one place. */
const PIPEDRIVE_SELECTORS = {
  // A person's detail view; a cached one of an earlier person may stay in the page, hidden.
  view: '.detailView',
  // The person's details column (older view: an <aside>; current view: the sidebar); the
  // activity feed lives beside it.
  details: ['aside', '[role="complementary"]', '[data-testid*="sidebar"]'],
  name: ['[data-testid="header-title"]'],
  // Any heading names the person only inside a detail view.
  viewName: ['[data-testid="header-title"]', 'h1'],
  email: 'a[href^="mailto:"]',
  phone: 'a[href^="tel:"], a[href^="callto:"]',
  organization: 'a[href*="/organization/"]',
  // The signed-in rep, in the app's own menu.
  rep: 'nav .user, [class*="user-menu"], [aria-label="Account menu"], [data-testid="user-menu"]',
  // Other people: links to their person pages, and the list entries that hold them.
  person: 'a[href*="/person/"]',
  entry: 'li, tr, [role="listitem"], [role="row"]',
  // The person's deals block in the details column, and the link of each deal in it.
  deals: ['section[aria-label^="Deals"]', '[data-testid*="deals"]'],
  dealsHeading: 'h2, h3',
  deal: 'a[href*="/deal/"]',
  dealItem: 'li, article, [role="listitem"]',
} as const;

/** Captions of the person's fields beyond the four-language ones (lib/sites/captions). */
const PIPEDRIVE_LABELS = {
  email: ['Email'],
  phone: ['Phone'],
  company: ['Organization', 'Organisation'],
  title: ['Job title'],
  stage: ['Stage'],
} as const;

// Regions of a person page that list other people, in Pipedrive's words.
const OTHER_PEOPLE =
  /\b(participants?|followers?|people|persons?|personen|personnes|personas|teilnehmer|participantes)\b/i;

/** Company subdomain and person id when `url` is a Pipedrive person page, else null. */
export function pipedrivePerson(url: URL): { personId: string } | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const personId = PERSON_PATH.exec(url.pathname)?.[1];
  return personId ? { personId } : null;
}

/** "Jane Doe - contact details" (optionally "- Pipedrive" after) → "Jane Doe". */
function nameFromTitle(title: string): string | undefined {
  const m = /^(.*?)\s+-\s+contact details(?:\s+-\s+Pipedrive)?\s*$/i.exec(title);
  return meaningful(m?.[1]);
}

/** The person id a link points at, if it is a person link. */
function linkedPerson(link: Element): string | undefined {
  return /\/person\/(\d+)(?:[/?#]|$)/.exec(link.getAttribute('href') ?? '')?.[1];
}

/**
 * The stage of the person's one open deal, as the deals block captions it. With several
 * deals, which one moved is not the person's to say: no stage.
 */
function dealStage(details: Element): string | undefined {
  const heading = recordOwn(details, PIPEDRIVE_SELECTORS.dealsHeading).find((h) =>
    /^deals\b/i.test(textOf(h)),
  );
  const block =
    PIPEDRIVE_SELECTORS.deals.flatMap((s) => recordOwn(details, s))[0] ?? heading?.parentElement;
  const deals = block ? recordOwn(block, PIPEDRIVE_SELECTORS.deal) : [];
  const item = deals.length === 1 ? deals[0]?.closest(PIPEDRIVE_SELECTORS.dealItem) : null;
  return item && block?.contains(item)
    ? captionedField(item, 'stage', ACCEPT.text, { extra: PIPEDRIVE_LABELS.stage })
    : undefined;
}

/** The detail view the rep sees: the first shown one (a hidden one is an earlier person's). */
function shownView(document: Document): Element | null {
  return recordOwn(document, PIPEDRIVE_SELECTORS.view, null, OTHER_PEOPLE)[0] ?? null;
}

export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  recordOf(url) {
    const person = pipedrivePerson(url);
    return person && `${url.origin}/${person.personId}`;
  },
  detect(document, url) {
    const person = pipedrivePerson(url);
    if (!person) return null;

    const view = shownView(document);
    // Some detail views exist but none is shown: the page is between people.
    if (!view && document.querySelector(PIPEDRIVE_SELECTORS.view)) return null;
    const scope: ParentNode = view ?? document;
    const title = nameFromTitle(document.title);
    const header = ownName(scope, view ? PIPEDRIVE_SELECTORS.viewName : PIPEDRIVE_SELECTORS.name, {
      boundary: view,
      extraWords: OTHER_PEOPLE,
      title,
      rep: repNames(document, PIPEDRIVE_SELECTORS.rep),
    });
    const name = header?.name ?? title;
    // A person whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    const details =
      PIPEDRIVE_SELECTORS.details.flatMap((s) => recordOwn(scope, s, view, OTHER_PEOPLE))[0] ??
      null;
    // Captions are read in the details column when there is one, else in the detail view;
    // loose links only ever in the details column.
    const captionRoot: ParentNode | null = details ?? view;
    // A link in a list entry naming another person is that person's (an organization's people).
    const anothers = (a: Element) => {
      const entry = a.closest(PIPEDRIVE_SELECTORS.entry);
      return Array.from(entry?.querySelectorAll(PIPEDRIVE_SELECTORS.person) ?? []).some(
        (p) => linkedPerson(p) !== person.personId,
      );
    };
    const links = (selector: string) =>
      details
        ? recordOwn(details, selector, details, OTHER_PEOPLE).filter((a) => !anothers(a))
        : [];
    const field = (
      kind: 'email' | 'phone' | 'company' | 'title',
      accept: (text: string) => string | undefined,
    ) =>
      captionRoot
        ? captionedField(captionRoot, kind, accept, { extra: PIPEDRIVE_LABELS[kind] })
        : undefined;

    const email =
      links(PIPEDRIVE_SELECTORS.email)
        .map((a) => cleanEmail(a.getAttribute('href')?.split('?')[0]) ?? cleanEmail(textOf(a)))
        .find(Boolean) ?? field('email', ACCEPT.email);
    const phone =
      links(PIPEDRIVE_SELECTORS.phone)
        .map((a) => cleanPhone(textOf(a)) ?? cleanPhone(a.getAttribute('href')))
        .find(Boolean) ?? field('phone', ACCEPT.phone);
    // The organization link may hold its caption too ("Organization Northwind Traders").
    const company =
      links(PIPEDRIVE_SELECTORS.organization)
        .map((a) => valueBesideCaption(a, 'company'))
        .find(Boolean) ?? field('company', ACCEPT.text);
    const jobTitle = field('title', ACCEPT.text);

    const subject = { name, email, phone };
    const others = othersOf(
      peopleIn(
        document,
        PIPEDRIVE_SELECTORS.person,
        (a) => linkedPerson(a) === person.personId,
        OTHER_PEOPLE,
      ),
      subject,
    );
    return buildSnapshot(
      {
        site: 'pipedrive',
        recordId: person.personId,
        url: `${url.origin}/person/${person.personId}`,
        name,
      },
      {
        email,
        phone,
        company,
        title: jobTitle,
        stage: details ? dealStage(details) : undefined,
        evidence: recordEvidence({
          name,
          header: header?.name,
          title,
          fields: !!(email || phone || company),
        }),
        others,
      },
    );
  },
};
