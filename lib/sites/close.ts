// How Close's lead pages are built, and from which sources: tests/fixtures/close/SOURCES.md.
import type { PersonOnPage } from '../model';
import type { SiteAdapter } from './adapter';
import { isCaption, valueBesideCaption, withoutCaption } from './captions';
import {
  buildSnapshot,
  cleanEmail,
  evidenceOf,
  firstText,
  labelledValue,
  mailtoOf,
  meaningful,
  othersOf,
  phonesIn,
  telOf,
  textOf,
} from './read-page';
import { sameName, sameWords } from './record-evidence';
import { isPlaceholderName, otherPersonRegion } from './roles';
import { queryAll } from './live-scans';
import { isShown, shownAll } from './visibility';

const LEAD_PATH = /^\/lead\/(lead_[A-Za-z0-9]+)(?:\/|$)/;

/** Every selector this adapter reads, in order of trust, in one place. */
const CLOSE_SELECTORS = {
  // The lead's own column; the activity feed beside it quotes the rep and other people.
  leadColumn: ['[class*="LeadSidebar_"]', 'aside'],
  leadName: ['[class*="LeadHeader_name"]', 'h1'],
  contacts: ['[class*="LeadContacts_"]', 'section[aria-label]', '[role="region"][aria-label]'],
  // What heads the contacts: a heading, or the toggle of a collapsible panel.
  contactsHeading: 'h1, h2, h3, h4, h5, h6, [role="heading"], button, summary, legend, header',
  contact: ['[class*="ContactCard_card"]', '[data-contact-id]', 'li', 'article'],
  contactName: ['[class*="ContactCard_name"]', 'h4', 'h5', 'strong'],
  contactTitle: ['[class*="ContactCard_title"]'],
  // The contact's photo, whose text alternative is their name.
  avatar: 'img[alt]',
  // The lead's status ("Potential", "Qualified", …): a button that opens the status menu.
  leadStatus: ['[class*="LeadStatus_status"]'],
  email: 'a[href^="mailto:" i]',
  // The deepest elements whose whole text may be an address.
  emailText: 'a, button, span, div',
  phone: 'a[href^="tel:" i]',
  // Never a name: actions, links that dial or write, headings of the card's own parts.
  notName:
    'button, [role="button"], a[href^="tel:" i], a[href^="mailto:" i], h1, h2, h3, label, dt',
  // The activity feed: people the rep wrote to or called, not the lead's contacts.
  feed: 'main, [role="main"], [role="feed"]',
} as const;

/** Captions of the same values where a layout labels them (English UI). */
const CLOSE_LABELS = {
  contactName: ['Name', 'Full name', 'Contact name'],
  leadStatus: ['Status', 'Lead status'],
} as const;

// What labels the contacts region, in the rep's UI language ("Contacts (2)", "Kontakte 2").
const CONTACTS_WORD = /^(contacts|kontakte|contactos)\b[\s\d()]*$/iu;
// Text alternatives that describe a photo rather than name anyone.
const NOT_A_NAME = /^(avatar|photo|picture|profile( (photo|picture|image))?|image|user|contact)$/i;
// What an empty contacts region says, and its actions: never a person.
const NO_ONE =
  /^(no contacts?( yet)?|keine kontakte|aucun contact|sin contactos|(\+ ?)?(add|new) (a )?contact|kontakt hinzufügen|ajouter un contact|añadir contacto)$/iu;

/** The lead id when `url` is a Close lead page, else null. */
export function closeLeadId(url: URL): string | null {
  if (url.protocol !== 'https:' || url.hostname !== 'app.close.com') return null;
  return LEAD_PATH.exec(url.pathname)?.[1] ?? null;
}

/**
 * The lead's name: its header in the lead's column, else the heading nearest before the
 * contacts (a banner with the rep's name, a recents list above it, is farther away or in a
 * region of other people). Without the caption a layout may put in it.
 */
function leadNameBefore(section: Element, column: ParentNode): string | undefined {
  for (const selector of CLOSE_SELECTORS.leadName) {
    const before = shownAll(column, selector).filter(
      (el) =>
        !section.contains(el) &&
        otherPersonRegion(el) === undefined &&
        (el.compareDocumentPosition(section) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0,
    );
    const name = meaningful(withoutCaption(textOf(before[before.length - 1]), 'company'));
    if (name) return name;
  }
  return undefined;
}

/** Whether `el` is where a lead's own contacts could be: shown, outside the activity feed and
 *  outside any other people's region. */
function ownRegion(el: Element): boolean {
  return isShown(el) && !el.closest(CLOSE_SELECTORS.feed) && otherPersonRegion(el) === undefined;
}

// The lead's own name at the head of its column.
const LEAD_HEADING = '[class*="LeadHeader_name"], h1, [role="heading"][aria-level="1"]';

/** The lead's column around `section`: the lead sidebar, else the nearest wrapper that also
 *  shows the lead's name as its heading. null when the region is no lead's (an association
 *  card of another app's page). */
function leadColumnOf(section: Element): Element | null {
  const named = section.closest(CLOSE_SELECTORS.leadColumn.join(', '));
  if (named) return named;
  for (let box = section.parentElement; box; box = box.parentElement) {
    const heading = shownAll(box, LEAD_HEADING).find((h) => !section.contains(h));
    if (heading) return box;
  }
  return null;
}

/**
 * The lead's contacts region the rep sees: by component name or "Contacts" label, else the
 * region headed "Contacts" (by a heading or a collapsible panel's toggle), wherever the lead's
 * column is. A cached lead kept in the page, hidden, is never it.
 */
function contactsSection(document: Document): Element | null {
  for (const selector of CLOSE_SELECTORS.contacts) {
    for (const el of queryAll(document, selector)) {
      const label = el.getAttribute('aria-label');
      if (label !== null && !CONTACTS_WORD.test(label.trim())) continue;
      if (ownRegion(el) && leadColumnOf(el)) return el;
    }
  }
  for (const heading of queryAll(document, CLOSE_SELECTORS.contactsHeading)) {
    if (!CONTACTS_WORD.test(textOf(heading)) || !ownRegion(heading)) continue;
    // Climb from the heading to the region it heads: the first wrapper showing more than it.
    let region = heading.parentElement;
    while (region && region !== document.body && textOf(region) === textOf(heading)) {
      region = region.parentElement;
    }
    if (region && region !== document.body && leadColumnOf(region)) return region;
  }
  return null;
}

/** Whether two elements are items of one list: same tag, same classes. */
function alike(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && a.className === b.className;
}

/**
 * The contact cards of the region, in order: by component name or list item, else the items
 * of the list holding the first name (the highest wrapper of it with a sibling alike), else the
 * region itself (one contact).
 */
function cardsOf(section: Element): Element[] {
  for (const selector of CLOSE_SELECTORS.contact) {
    const cards = shownAll(section, selector).filter(
      (card) => !card.parentElement?.closest(selector) || !section.contains(card.parentElement),
    );
    if (cards.length > 0) return cards;
  }
  const first = plainNameElement(section);
  let item: Element | null = null;
  for (let el: Element | null | undefined = first; el && el !== section; el = el.parentElement) {
    const siblings = Array.from(el.parentElement?.children ?? []);
    if (siblings.some((other) => other !== el && alike(other, el))) item = el;
  }
  const list = item?.parentElement;
  return item && list
    ? Array.from(list.children).filter((el) => alike(el, item) && isShown(el))
    : [section];
}

/** The first element of a card whose text reads as a person: no caption, address, number,
 *  action or heading. */
function plainNameElement(card: Element): Element | undefined {
  for (const el of Array.from(card.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || (el.textContent?.length ?? 0) > 200) continue;
    if (!/\p{L}/u.test(el.textContent ?? '') || el.closest(CLOSE_SELECTORS.notName)) continue;
    const text = meaningful(textOf(el));
    if (!text || text.length > 80 || !/\p{L}/u.test(text)) continue;
    if (text.includes('@') || phonesIn(text).length > 0) continue;
    if (isCaption(text) || isPlaceholderName(text) || NO_ONE.test(text)) continue;
    if (CONTACTS_WORD.test(text)) continue;
    return el;
  }
  return undefined;
}

function plainName(card: Element): string | undefined {
  return meaningful(textOf(plainNameElement(card)));
}

/**
 * The contact's name, in order of trust: the card's name element, a "Name" caption in the
 * card, the card photo's text alternative, the card's first plain text. Only ever inside the
 * card: the lead's own name (the page title, the header) is often a company, never taken for
 * the person.
 */
function contactName(card: Element): string | undefined {
  const photoEl = card.querySelector(CLOSE_SELECTORS.avatar);
  const photo = photoEl && isShown(photoEl) ? meaningful(photoEl.getAttribute('alt')) : undefined;
  const named =
    firstText(card, CLOSE_SELECTORS.contactName) ??
    labelledValue(card, CLOSE_LABELS.contactName) ??
    (photo && !NOT_A_NAME.test(photo) ? photo : undefined) ??
    plainName(card);
  return named && !isPlaceholderName(named) && !NO_ONE.test(named) ? named : undefined;
}

function emailIn(card: Element): string | undefined {
  const link = shownAll(card, CLOSE_SELECTORS.email)[0];
  const fromLink = mailtoOf(link) ?? cleanEmail(textOf(link));
  if (fromLink) return fromLink;
  // Close may render addresses as buttons that open its own composer: a whole-address text.
  for (const el of Array.from(card.querySelectorAll(CLOSE_SELECTORS.emailText))) {
    if (el.children.length > 0) continue;
    const address = cleanEmail(textOf(el));
    if (address) return address;
  }
  return undefined;
}

function phoneIn(card: Element): string | undefined {
  return telOf(shownAll(card, CLOSE_SELECTORS.phone)[0]);
}

/** The contact's job title, without a caption its element may hold. */
function contactTitle(card: Element): string | undefined {
  for (const selector of CLOSE_SELECTORS.contactTitle) {
    for (const el of shownAll(card, selector)) {
      const title = valueBesideCaption(el, 'title');
      if (title) return title;
    }
  }
  return undefined;
}

/** The lead's other contacts: people beside the subject, not the subject. */
function otherContacts(cards: readonly Element[]): PersonOnPage[] {
  const people: PersonOnPage[] = [];
  for (const card of cards) {
    const name = contactName(card);
    if (!name) continue;
    const email = emailIn(card);
    const phone = phoneIn(card);
    people.push({
      name,
      role: 'associated',
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    });
  }
  return people;
}

export const close: SiteAdapter = {
  id: 'close',
  name: 'Close',
  matches: ['https://app.close.com/*'],
  recordOf: closeLeadId,
  detect(document, url) {
    const leadId = closeLeadId(url);
    if (!leadId) return null;

    const section = contactsSection(document);
    if (!section) return null;
    // The lead's column: its component or an aside around the contacts, else the wrapper
    // headed by the lead's name.
    const column: ParentNode = leadColumnOf(section) ?? document;
    // The first contact card that names someone; a region holding one contact may be the card.
    const cards = cardsOf(section);
    const index = cards.findIndex((c) => contactName(c) !== undefined);
    const card = cards[index];
    const name = card && contactName(card);
    // No contact on screen (yet): no person to call.
    if (!card || !name) return null;

    const leadName = leadNameBefore(section, column);
    const leadTitle = meaningful(/^(.*?)\s*[|–-]\s*Close\s*$/i.exec(document.title)?.[1]);
    const email = emailIn(card);
    // The contact in the lead's own contacts is the record's person; a B2C lead's title names
    // them too.
    const evidence = evidenceOf([
      'record-url',
      'record-header',
      ...(email || phoneIn(card) ? (['fields'] as const) : []),
      ...(leadTitle && sameName(leadTitle, name) ? (['page-title'] as const) : []),
    ]);
    return buildSnapshot(
      { site: 'close', recordId: leadId, url: `${url.origin}/lead/${leadId}/`, name },
      {
        email,
        phone: phoneIn(card),
        company: leadName && !sameWords(leadName, name) ? leadName : undefined,
        title: contactTitle(card),
        // The lead's status is where the deal stands (the lead is the deal in Close).
        stage:
          firstText(document, CLOSE_SELECTORS.leadStatus) ??
          labelledValue(column, CLOSE_LABELS.leadStatus),
        evidence,
        others: othersOf(otherContacts(cards.slice(index + 1)), { name, email }),
      },
    );
  },
};
