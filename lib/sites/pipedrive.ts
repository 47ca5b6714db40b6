// Pipedrive person pages (https://<company>.pipedrive.com/person/<id>).
//
// What public readers of these pages rely on:
// - clockify/browser-extension src/integrations/pipedrive.js and selectors.json: company
//   subdomains (`*.pipedrive.com`), the person ("contact") view inside `.detailView`, the tab
//   title "<name> - contact details", and the detail views' `[data-testid="header-title"]`;
// - Pipedrive's own person links, `/person/<id>`, and organization links, `/organization/<id>`,
//   as public API clients and CRM integrations build them.
// No public reader of the person page's field list was found, so fields are read by what does
// not depend on class names: captions ("Email", "Phone", "Organization", "Job title"), `mailto:`
// and `tel:` links, and the `/organization/<id>` link — inside the person's details column only,
// never the activity feed beside it (which quotes the rep and other people). The person's deals
// block (deals linked as `/deal/<id>`, each with its stage) is modelled the same way, not copied
// from a public reader: a stage is read only from a "Stage" caption of the one deal listed.
// Fixtures modelling these pages: tests/fixtures/pipedrive/.
import type { SiteAdapter } from './adapter';
import {
  buildSnapshot,
  cleanEmail,
  cleanPhone,
  firstText,
  labelledValue,
  meaningful,
  textOf,
} from './read-page';

const HOST = /^[a-z0-9-]+\.pipedrive\.com$/;
const PERSON_PATH = /^\/person\/(\d+)(?:\/|$)/;

/** Every selector this adapter reads, in order of trust, in one place. */
export const PIPEDRIVE_SELECTORS = {
  // The person's details column; the activity feed lives beside it.
  details: ['.detailView aside', '.detailView [role="complementary"]', 'aside'],
  name: [
    '.detailView [data-testid="header-title"]',
    '[data-testid="header-title"]',
    '.detailView h1',
  ],
  email: ['a[href^="mailto:"]'],
  phone: ['a[href^="tel:"]', 'a[href^="callto:"]'],
  organization: ['a[href*="/organization/"]'],
  // The person's deals block in the details column, and the link of each deal in it.
  deals: ['section[aria-label^="Deals"]', '[data-testid*="deals"]'],
  dealsHeading: 'h2, h3',
  deal: 'a[href*="/deal/"]',
  dealItem: 'li, article, [role="listitem"]',
} as const;

/** Captions of the person's fields (English UI). */
export const PIPEDRIVE_LABELS = {
  email: ['Email'],
  phone: ['Phone'],
  company: ['Organization', 'Organisation'],
  title: ['Job title'],
  stage: ['Stage'],
} as const;

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

/**
 * The stage of the person's one open deal, as the deals block captions it. With several
 * deals, which one moved is not the person's to say: no stage.
 */
function dealStage(details: Element): string | undefined {
  const heading = Array.from(details.querySelectorAll(PIPEDRIVE_SELECTORS.dealsHeading)).find((h) =>
    /^deals\b/i.test(textOf(h)),
  );
  const block = allOf(details, PIPEDRIVE_SELECTORS.deals)[0] ?? heading?.parentElement;
  const deals = block ? Array.from(block.querySelectorAll(PIPEDRIVE_SELECTORS.deal)) : [];
  const item = deals.length === 1 ? deals[0]?.closest(PIPEDRIVE_SELECTORS.dealItem) : null;
  return item && block?.contains(item) ? labelledValue(item, PIPEDRIVE_LABELS.stage) : undefined;
}

function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  return selectors.flatMap((s) => Array.from(root.querySelectorAll(s)));
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

    const name = firstText(document, PIPEDRIVE_SELECTORS.name) ?? nameFromTitle(document.title);
    // A person whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    const details = PIPEDRIVE_SELECTORS.details
      .map((s) => document.querySelector(s))
      .find((el) => el !== null);
    // Captions are read in the details column when there is one, else in the detail view;
    // loose links only ever in the details column.
    const captionRoot: ParentNode = details ?? document.querySelector('.detailView') ?? document;
    const links = (selectors: readonly string[]) => (details ? allOf(details, selectors) : []);

    const email =
      links(PIPEDRIVE_SELECTORS.email)
        .map((a) => cleanEmail(a.getAttribute('href')?.split('?')[0]) ?? cleanEmail(textOf(a)))
        .find(Boolean) ?? cleanEmail(labelledValue(captionRoot, PIPEDRIVE_LABELS.email));
    const phone =
      links(PIPEDRIVE_SELECTORS.phone)
        .map((a) => cleanPhone(textOf(a)))
        .find(Boolean) ?? cleanPhone(labelledValue(captionRoot, PIPEDRIVE_LABELS.phone));
    const company =
      links(PIPEDRIVE_SELECTORS.organization)
        .map((a) => meaningful(textOf(a)))
        .find(Boolean) ?? labelledValue(captionRoot, PIPEDRIVE_LABELS.company);

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
        title: labelledValue(captionRoot, PIPEDRIVE_LABELS.title),
        stage: details ? dealStage(details) : undefined,
      },
    );
  },
};
