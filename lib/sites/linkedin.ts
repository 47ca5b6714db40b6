// How LinkedIn's member profiles are built, and from which sources: tests/fixtures/linkedin/SOURCES.md.
import type { SiteAdapter } from './adapter';
import { valueBesideCaption, withoutCaption } from './captions';
import { ownName, ownText, peopleIn, recordEvidence, recordOwn, repNames } from './crm-record';
import {
  buildSnapshot,
  cleanEmail,
  cleanPhone,
  cleanText,
  meaningful,
  othersOf,
  textOf,
} from './read-page';

// The profile itself, or its contact-info overlay; activity, details and edit pages are not.
const PROFILE_PATH = /^\/in\/([^/]+)\/?(?:overlay\/contact-info\/?)?$/;

/** Every selector this adapter reads, in order of trust, in one place. */
const LINKEDIN_SELECTORS = {
  // The profile's top card: name, headline, current company. "People also viewed" and the
  // feed of posts name other people.
  topCard: [
    'main section.pv-top-card',
    'main .pv-top-card',
    'main section[data-member-id]',
    'main section.artdeco-card',
  ],
  name: ['h1.text-heading-xlarge', '.pv-text-details__left-panel h1', 'h1.inline.t-24', 'h1'],
  headline: [
    '.text-body-medium.break-words',
    '.pv-text-details__left-panel .text-body-medium',
    '[data-generated-suggestion-target]',
  ],
  currentCompany: 'button[aria-label^="Current company"], a[aria-label^="Current company"]',
  experienceAnchor: '#experience',
  experienceEntry: '.pvs-entity, li',
  // Inside an entry: bold title, then "Company · Employment type", then the dates.
  entryCompany: '.t-14.t-normal:not(.t-black--light) span[aria-hidden="true"]',
  entryDates: '.t-black--light span[aria-hidden="true"]',
  contactInfoSection: '.pv-contact-info__contact-type',
  contactInfoHeading: 'h3',
  // The overlay around those sections, its title (the member's name) and its profile link.
  contactInfoOverlay: '[role="dialog"], .artdeco-modal',
  contactInfoTitle: '#pv-contact-info',
  profileLink: 'a[href*="/in/"]',
  // The signed-in member (the rep): their photo in the global nav's "Me" menu.
  rep: 'img.global-nav__me-photo, .global-nav__me-content h3',
} as const;

// Boxes of other members on a profile, in LinkedIn's words (four UI languages).
const OTHER_MEMBERS =
  /\b(people also viewed|more profiles|profiles for you|people you may know|also viewed|weitere profile|andere haben sich auch|autres profils|otros perfiles)\b/i;

/** The profile slug (as in the URL) when `url` is a LinkedIn profile, else null. */
export function linkedinProfile(url: URL): { slug: string; recordId: string } | null {
  if (url.protocol !== 'https:' || url.hostname !== 'www.linkedin.com') return null;
  const slug = PROFILE_PATH.exec(url.pathname)?.[1];
  if (!slug) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return null;
  }
  const recordId = cleanText(decoded).toLowerCase();
  return recordId ? { slug, recordId } : null;
}

/** "(3) Jane Doe | LinkedIn" → "Jane Doe". */
function nameFromTitle(title: string): string | undefined {
  const m = /^(?:\(\d+\+?\)\s*)?(.*?)\s*\|\s*LinkedIn\s*$/i.exec(title);
  const name = meaningful(m?.[1]);
  return name && !/^(linkedin|feed|log ?in|sign ?in|sign ?up)$/i.test(name) ? name : undefined;
}

/** The first element `selector` finds in the top card that is the card's own (shown, not in a
 *  box of other members, a recents list or a preview placed inside the card). */
function cardOwn(card: Element, selector: string): Element | undefined {
  return recordOwn(card, selector, card, OTHER_MEMBERS)[0];
}

/** The headline the top card shows, without a caption it may hold ("Job title VP Sales"). */
function headlineOf(card: Element): string | undefined {
  for (const selector of LINKEDIN_SELECTORS.headline) {
    for (const el of recordOwn(card, selector, card, OTHER_MEMBERS)) {
      const own = ownText(el);
      // A preview nested in the headline is cut out; otherwise read the full text so a long
      // headline keeps its length once a leading caption is gone.
      const text =
        own === textOf(el)
          ? valueBesideCaption(el, 'title')
          : meaningful(withoutCaption(own, 'title'));
      if (text) return text;
    }
  }
  return undefined;
}

/** "Current company: Acme. Click to skip to experience card" → "Acme"; else the button text. */
function currentCompany(card: Element): string | undefined {
  const button = cardOwn(card, LINKEDIN_SELECTORS.currentCompany);
  if (!button) return undefined;
  const label = cleanText(button.getAttribute('aria-label'));
  const m = /^Current company:?\s*(.+?)(?:\.\s*Click to skip\b.*)?$/i.exec(label);
  return meaningful(m?.[1]) ?? meaningful(textOf(button));
}

/** The company of the first experience entry, only while it is current ("… - Present"). */
function experienceCompany(document: Document): string | undefined {
  const anchor = recordOwn(document, LINKEDIN_SELECTORS.experienceAnchor, null, OTHER_MEMBERS)[0];
  const section = anchor?.closest('section');
  const entry = section
    ? recordOwn(section, LINKEDIN_SELECTORS.experienceEntry, section, OTHER_MEMBERS)[0]
    : undefined;
  if (!entry) return undefined;
  const dates = textOf(entry.querySelector(LINKEDIN_SELECTORS.entryDates));
  if (!/\bPresent\b/i.test(dates)) return undefined;
  const company = textOf(entry.querySelector(LINKEDIN_SELECTORS.entryCompany));
  // "Northwind Traders · Full-time": the employment type is not part of the name.
  return meaningful(company.split(' · ')[0]);
}

/** Who a contact-info overlay is about, so another member's is never read as this one's. */
interface Member {
  recordId: string;
  name: string;
}

/** The member a profile link points at (its record id), if it is one. */
function profileOf(link: Element): string | undefined {
  try {
    const href = new URL(link.getAttribute('href') ?? '', 'https://www.linkedin.com/');
    return linkedinProfile(href)?.recordId;
  } catch {
    return undefined;
  }
}

/** Whether `section` is in this member's overlay: titled with their name, or linking to them. */
function ofMember(section: Element, member: Member): boolean {
  const overlay = section.closest(LINKEDIN_SELECTORS.contactInfoOverlay) ?? section.parentElement;
  if (!overlay) return false;
  const title = meaningful(textOf(overlay.querySelector(LINKEDIN_SELECTORS.contactInfoTitle)));
  if (title === member.name) return true;
  return Array.from(overlay.querySelectorAll(LINKEDIN_SELECTORS.profileLink)).some(
    (a) => profileOf(a) === member.recordId,
  );
}

/** A value from this member's contact-info overlay: its section headed `heading`. */
function contactInfo(document: Document, heading: string, member: Member): Element | undefined {
  return Array.from(document.querySelectorAll(LINKEDIN_SELECTORS.contactInfoSection)).find(
    (section) =>
      textOf(section.querySelector(LINKEDIN_SELECTORS.contactInfoHeading)).toLowerCase() ===
        heading.toLowerCase() && ofMember(section, member),
  );
}

function overlayEmail(document: Document, member: Member): string | undefined {
  const section = contactInfo(document, 'Email', member);
  const link = section ? recordOwn(section, 'a[href^="mailto:"]', section)[0] : undefined;
  return cleanEmail(link?.getAttribute('href')) ?? cleanEmail(textOf(link));
}

function overlayPhone(document: Document, member: Member): string | undefined {
  const section = contactInfo(document, 'Phone', member);
  // "+1 415 555 0142 (Mobile)": the number is the first span of the first item.
  const own = (selector: string) =>
    section ? recordOwn(section, selector, section)[0] : undefined;
  return cleanPhone(textOf(own('li span') ?? own('li')));
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  matches: ['https://www.linkedin.com/*'],
  recordOf: (url) => linkedinProfile(url)?.recordId ?? null,
  detect(document, url) {
    const profile = linkedinProfile(url);
    if (!profile) return null;

    // The top card the rep sees: a hidden copy of another member's is never it, nor a box of
    // other members that happens to look like a card.
    const card =
      LINKEDIN_SELECTORS.topCard.flatMap((s) => recordOwn(document, s, null, OTHER_MEMBERS))[0] ??
      null;
    const title = nameFromTitle(document.title);
    const header = card
      ? ownName(card, LINKEDIN_SELECTORS.name, {
          boundary: card,
          extraWords: OTHER_MEMBERS,
          title,
          rep: repNames(document, LINKEDIN_SELECTORS.rep),
        })
      : undefined;
    const name = header?.name ?? title;
    // A profile whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    const member = { recordId: profile.recordId, name };
    const email = overlayEmail(document, member);
    const phone = overlayPhone(document, member);
    const company = (card ? currentCompany(card) : undefined) ?? experienceCompany(document);
    const headline = card ? headlineOf(card) : undefined;
    const others = othersOf(
      peopleIn(
        document,
        LINKEDIN_SELECTORS.profileLink,
        (a) =>
          profileOf(a) === profile.recordId || !!a.closest(LINKEDIN_SELECTORS.contactInfoOverlay),
        OTHER_MEMBERS,
      ),
      { name, email, phone },
    );
    return buildSnapshot(
      {
        site: 'linkedin',
        recordId: profile.recordId,
        url: `https://www.linkedin.com/in/${profile.slug}/`,
        name,
      },
      {
        email,
        phone,
        company,
        title: headline,
        evidence: recordEvidence({
          name,
          header: header?.name,
          title,
          fields: !!(email || phone || company || headline),
        }),
        others,
      },
    );
  },
};
