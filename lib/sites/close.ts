// Close lead pages (https://app.close.com/lead/lead_<id>/): the contact is the lead's first
// contact; the company is the lead itself.
//
// What public readers of Close rely on:
// - Close lead URLs `app.close.com/lead/lead_<id>/`, and ids matching `^lead_[A-Za-z0-9]+$`, as
//   public Close integrations build and validate them;
// - divyansharma001/Swadesh-AI-Assignment src/content/index.ts (a Close page extractor): Close
//   renders with CSS modules, class names `<Component>_<part>__<hash>` read by prefix
//   (`[class*="DataTable_row_"]`, `[class*="OpportunityCard_leadLink_"]`), contacts' addresses as
//   `a[href^="mailto:"]` and numbers as `a[href^="tel:"]`, leads linked as `a[href*="/lead/"]`.
// The lead page's own component names (`LeadSidebar_`, `LeadHeader_`, `LeadContacts_`,
// `ContactCard_`) were not found in a public reader; each has a structural fallback: the lead
// column as `aside`, the contacts as the section headed or labelled "Contacts", addresses as
// mailto links or text that is a whole address, numbers only as tel links.
// Fixtures modelling these pages: tests/fixtures/close/.
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

const LEAD_PATH = /^\/lead\/(lead_[A-Za-z0-9]+)(?:\/|$)/;

/** Every selector this adapter reads, in order of trust, in one place. */
export const CLOSE_SELECTORS = {
  // The lead's own column; the activity feed beside it quotes the rep and other people.
  leadColumn: ['[class*="LeadSidebar_"]', 'aside'],
  leadName: ['[class*="LeadHeader_name"]', 'h1'],
  contacts: ['[class*="LeadContacts_"]', 'section[aria-label="Contacts"]'],
  contactsHeading: 'h2, h3, h4',
  contact: ['[class*="ContactCard_card"]', '[data-contact-id]', 'li', 'article'],
  contactName: ['[class*="ContactCard_name"]', 'h4', 'h5', 'strong'],
  contactTitle: ['[class*="ContactCard_title"]'],
  // The contact's photo, whose text alternative is their name.
  avatar: 'img[alt]',
  // The lead's status ("Potential", "Qualified", …): a button that opens the status menu.
  leadStatus: ['[class*="LeadStatus_status"]'],
  email: 'a[href^="mailto:"]',
  // The deepest elements whose whole text may be an address.
  emailText: 'a, button, span, div',
  phone: 'a[href^="tel:"]',
} as const;

/** Captions of the same values where a layout labels them (English UI). */
export const CLOSE_LABELS = {
  contactName: ['Name', 'Full name', 'Contact name'],
  leadStatus: ['Status', 'Lead status'],
} as const;

// Text alternatives that describe a photo rather than name anyone.
const NOT_A_NAME = /^(avatar|photo|picture|profile( (photo|picture|image))?|image|user|contact)$/i;

/** The lead id when `url` is a Close lead page, else null. */
export function closeLeadId(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'app.close.com') return null;
  return LEAD_PATH.exec(url.pathname)?.[1] ?? null;
}

function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/** The contacts section: by component name, by label, else the one under a "Contacts" heading. */
function contactsSection(column: ParentNode): Element | null {
  const named = firstOf(column, CLOSE_SELECTORS.contacts);
  if (named) return named;
  const heading = Array.from(column.querySelectorAll(CLOSE_SELECTORS.contactsHeading)).find((h) =>
    /^contacts\b/i.test(textOf(h)),
  );
  return heading?.parentElement ?? null;
}

/**
 * The contact's name, in order of trust: the card's name element, a "Name" caption in the
 * card, the card photo's text alternative. Only ever inside the card: the lead's own name
 * (the page title, the header) is often a company, never taken for the person.
 */
function contactName(card: Element): string | undefined {
  const photo = meaningful(card.querySelector(CLOSE_SELECTORS.avatar)?.getAttribute('alt'));
  return (
    firstText(card, CLOSE_SELECTORS.contactName) ??
    labelledValue(card, CLOSE_LABELS.contactName) ??
    (photo && !NOT_A_NAME.test(photo) ? photo : undefined)
  );
}

function emailIn(card: Element): string | undefined {
  const link = card.querySelector(CLOSE_SELECTORS.email);
  const fromLink =
    cleanEmail(link?.getAttribute('href')?.split('?')[0]) ?? cleanEmail(textOf(link));
  if (fromLink) return fromLink;
  // Close may render addresses as buttons that open its own composer: a whole-address text.
  for (const el of Array.from(card.querySelectorAll(CLOSE_SELECTORS.emailText))) {
    if (el.children.length > 0) continue;
    const address = cleanEmail(textOf(el));
    if (address) return address;
  }
  return undefined;
}

export const close: SiteAdapter = {
  id: 'close',
  name: 'Close',
  matches: ['https://app.close.com/*'],
  recordOf: closeLeadId,
  detect(document, url) {
    const leadId = closeLeadId(url);
    if (!leadId) return null;

    // The first candidate column that holds the lead's contacts (the app's navigation may be an
    // aside too).
    const columns = CLOSE_SELECTORS.leadColumn.flatMap((s) =>
      Array.from(document.querySelectorAll(s)),
    );
    const column = columns.find((c) => contactsSection(c) !== null);
    const section = column ? contactsSection(column) : null;
    if (!column || !section) return null;
    // The first contact card; a section holding one contact may be the card itself.
    const card = firstOf(section, CLOSE_SELECTORS.contact) ?? section;
    const name = contactName(card);
    // No contact on screen (yet): no person to call.
    if (!name) return null;

    const leadName = firstText(column, CLOSE_SELECTORS.leadName);
    return buildSnapshot(
      { site: 'close', recordId: leadId, url: `${url.origin}/lead/${leadId}/`, name },
      {
        email: emailIn(card),
        phone: cleanPhone(textOf(card.querySelector(CLOSE_SELECTORS.phone))),
        company: leadName && leadName !== name ? leadName : undefined,
        title: firstText(card, CLOSE_SELECTORS.contactTitle),
        // The lead's status is where the deal stands (the lead is the deal in Close).
        stage:
          firstText(column, CLOSE_SELECTORS.leadStatus) ??
          labelledValue(column, CLOSE_LABELS.leadStatus),
      },
    );
  },
};
