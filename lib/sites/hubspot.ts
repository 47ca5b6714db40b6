// How HubSpot's record pages are built, and from which sources: tests/fixtures/hubspot/SOURCES.md.
import type { PersonOnPage } from '../model';
import type { SiteAdapter } from './adapter';
import { fieldByCaption, valueBesideCaption, type CaptionedField } from './captions';
import {
  buildSnapshot,
  cleanEmail,
  emailsIn,
  evidenceOf,
  mailtoOf,
  meaningful,
  othersOf,
  phonesIn,
  telOf,
  textOf,
} from './read-page';
import { isPlaceholderName, otherPersonRegion } from './roles';
import { sameName, titleDoubt } from './record-evidence';
import { queryAll } from './live-scans';
import { isShown, shownAll } from './visibility';

// Contact records are object type 0-1; `/contact/<id>` is the pre-2023 URL of the same page.
const RECORD_PATHS = [
  /^\/contacts\/(\d+)\/record\/0-1\/(\d+)(?:\/|$)/,
  /^\/contacts\/(\d+)\/contact\/(\d+)(?:\/|$)/,
];
// The app's host per data centre ("hublet"): app.hubspot.com (na1), app-eu1 (EU), app-na2,
// app-na3 (Canada) and app-ap1 (Australia). HubSpot's account-info API names an account's as
// its `uiDomain`; public code links contact records at each (`/contacts/<portal>/record/0-1/
// <id>`). Listed one by one, no wildcard: each is a host permission granted at install.
const HUBSPOT_HOSTS = [
  'app.hubspot.com',
  'app-eu1.hubspot.com',
  'app-na2.hubspot.com',
  'app-na3.hubspot.com',
  'app-ap1.hubspot.com',
];

/** Every selector this adapter reads, in order of trust, in one place. */
const HUBSPOT_SELECTORS = {
  // The record's own column: association cards and previews of other records live elsewhere.
  recordColumn: [
    '[data-test-id="left-sidebar"]',
    '[data-scroll-trackable-container="left-sidebar"]',
  ],
  name: [
    '[data-selenium-test="contact-highlight-details"] [data-selenium-test="highlightTitle"]',
    '[data-selenium-component="ProfileHighlightContainer"] [data-selenium-test="highlightTitle"]',
    '[data-selenium-test="highlightTitle"]',
  ],
  firstName: ['[data-selenium-test="property-input-firstname"]'],
  lastName: ['[data-selenium-test="property-input-lastname"]'],
  email: ['[data-selenium-test="property-input-email"]'],
  phone: [
    '[data-selenium-test="property-input-phone"]',
    '[data-selenium-test="property-input-mobilephone"]',
  ],
  company: [
    '[data-selenium-test="property-input-company"]',
    '[data-selenium-test="company-chicklet-title-link"]',
  ],
  title: ['[data-selenium-test="property-input-jobtitle"]'],
  stage: ['[data-selenium-test="property-input-lifecyclestage"]'],
  // Other people: links to other contact records (association cards, previews, lists).
  personLink: 'a[href*="/record/0-1/"], a[href*="/contact/"]',
  // Beside the record: association cards and the preview panel.
  rightSidebar: '[data-test-id="right-sidebar"], [data-test-id="records-right-sidebar"]',
} as const;

/** Captions of the same properties in the "About this contact" card (English UI); the other
 *  languages' captions come from lib/sites/captions. */
const HUBSPOT_LABELS = {
  firstName: ['First name'],
  lastName: ['Last name'],
  email: ['Email'],
  phone: ['Phone number', 'Mobile phone number'],
  company: ['Company name'],
  title: ['Job title'],
  stage: ['Lifecycle stage'],
} as const;

// What the tab says before the record has a name: never a contact's name.
const GENERIC_TITLES = /^(hubspot|contacts?|companies|deals|tickets|loading\b.*|record)$/i;

/** Portal and contact id when `url` is a HubSpot contact record, else null. */
export function hubspotContactRecord(url: URL): { portalId: string; contactId: string } | null {
  if (url.protocol !== 'https:' || !HUBSPOT_HOSTS.includes(url.hostname)) return null;
  for (const path of RECORD_PATHS) {
    const m = path.exec(url.pathname);
    if (m?.[1] && m[2]) return { portalId: m[1], contactId: m[2] };
  }
  return null;
}

/** "Jane Doe | HubSpot" → "Jane Doe"; generic titles → undefined. */
function nameFromTitle(title: string): string | undefined {
  const m = /^(.*?)\s*\|\s*HubSpot\b/i.exec(title);
  const name = meaningful(m?.[1]);
  return name && !GENERIC_TITLES.test(name) && !isPlaceholderName(name) ? name : undefined;
}

/** The record's own elements `selectors` find: shown, and not in another person's region. */
function ownElements(root: ParentNode, selectors: readonly string[], column: Element | null) {
  return selectors.flatMap((s) =>
    shownAll(root, s).filter((el) => otherPersonRegion(el, column) === undefined),
  );
}

type Kind = 'email' | 'phone' | 'text';

/** What a property's value element holds, read the way its kind is written. */
function propertyValue(el: Element, field: CaptionedField, kind: Kind): string | undefined {
  if (kind === 'email') {
    const link = el.matches('a[href^="mailto:" i]') ? el : el.querySelector('a[href^="mailto:" i]');
    return mailtoOf(link) ?? emailsIn(textOf(el))[0];
  }
  if (kind === 'phone') {
    const link = el.matches('a[href^="tel:" i]') ? el : el.querySelector('a[href^="tel:" i]');
    return telOf(link) ?? phonesIn(valueBesideCaption(el, field))[0];
  }
  const value = valueBesideCaption(el, field);
  return value && !isPlaceholderName(value) ? value : undefined;
}

/** The name the record's own header shows (never a placeholder such as "Loading…"). */
function headerName(root: ParentNode, column: Element | null): string | undefined {
  return ownElements(root, HUBSPOT_SELECTORS.name, column)
    .map((el) => meaningful(textOf(el)))
    .find((name) => name && !isPlaceholderName(name));
}

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: HUBSPOT_HOSTS.map((host) => `https://${host}/*`),
  atInstall: true,
  recordOf(url) {
    const record = hubspotContactRecord(url);
    return record && `${url.origin}/${record.portalId}/${record.contactId}`;
  },
  detect(document, url) {
    const record = hubspotContactRecord(url);
    if (!record) return null;

    // The record column the rep sees: a cached column of an earlier record stays in the page,
    // hidden, before or after it.
    // A column inside an association card or a preview is another record's.
    const column =
      HUBSPOT_SELECTORS.recordColumn
        .flatMap((s) => queryAll(document, s).filter(isShown))
        .find((el) => otherPersonRegion(el) === undefined) ?? null;
    const root: ParentNode = column ?? document;
    // Captions are read in the record column only: beside it, association cards caption their
    // own record's fields ("Phone number" of the company).
    const read = (
      selectors: readonly string[],
      field: CaptionedField,
      labels: readonly string[],
      kind: Kind = 'text',
    ): string | undefined => {
      for (const el of ownElements(root, selectors, column)) {
        const value = propertyValue(el, field, kind);
        if (value) return value;
      }
      if (!column) return undefined;
      const captioned = fieldByCaption(column, field, labels);
      if (kind === 'email') return emailsIn(captioned)[0];
      if (kind === 'phone') return phonesIn(captioned)[0];
      return captioned && !isPlaceholderName(captioned) ? captioned : undefined;
    };

    const first = read(HUBSPOT_SELECTORS.firstName, 'firstName', HUBSPOT_LABELS.firstName);
    const last = read(HUBSPOT_SELECTORS.lastName, 'lastName', HUBSPOT_LABELS.lastName);
    const byHeader = headerName(root, column);
    const byFields = meaningful([first, last].filter(Boolean).join(' '));
    const byTitle = nameFromTitle(document.title);
    const name = byHeader ?? byFields ?? byTitle;
    // A record whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    const email = read(HUBSPOT_SELECTORS.email, 'email', HUBSPOT_LABELS.email, 'email');
    const phone = read(HUBSPOT_SELECTORS.phone, 'phone', HUBSPOT_LABELS.phone, 'phone');
    const fieldsAgree = !!byFields && sameName(byFields, name);
    const evidence = evidenceOf(
      [
        'record-url',
        ...(byHeader ? (['record-header'] as const) : []),
        ...(fieldsAgree || ((email || phone) && byHeader) ? (['fields'] as const) : []),
        ...(byTitle && sameName(byTitle, name) ? (['page-title'] as const) : []),
      ],
      titleDoubt(name, byTitle, !!(byHeader ?? byFields)),
    );
    const subject = { name, email };
    return buildSnapshot(
      {
        site: 'hubspot',
        recordId: record.contactId,
        url: `${url.origin}/contacts/${record.portalId}/record/0-1/${record.contactId}`,
        name,
      },
      {
        email: cleanEmail(email),
        phone,
        company: read(HUBSPOT_SELECTORS.company, 'company', HUBSPOT_LABELS.company),
        title: read(HUBSPOT_SELECTORS.title, 'title', HUBSPOT_LABELS.title),
        stage: read(HUBSPOT_SELECTORS.stage, 'stage', HUBSPOT_LABELS.stage),
        evidence,
        others: othersOf(othersOnPage(document, column, record.contactId), subject),
      },
    );
  },
};

/**
 * Other people the page shows beside the record: contacts linked from association cards, the
 * preview panel, a hovercard. Each with the role of the region it sits in.
 */
function othersOnPage(document: Document, column: Element | null, ownId: string): PersonOnPage[] {
  const people: PersonOnPage[] = [];
  for (const link of queryAll(document, HUBSPOT_SELECTORS.personLink).filter(isShown)) {
    const href = link.getAttribute('href') ?? '';
    if (new RegExp(`/(?:record/0-1|contact)/${ownId}(?:[/?#]|$)`).test(href)) continue;
    const role =
      otherPersonRegion(link) ??
      (link.closest(HUBSPOT_SELECTORS.rightSidebar) || !column?.contains(link)
        ? 'associated'
        : undefined);
    const name = meaningful(textOf(link));
    if (!role || !name || isPlaceholderName(name) || emailsIn(name).length) continue;
    // The person's address, when their card shows one beside the link.
    const card = link.parentElement?.parentElement ?? link.parentElement;
    const mail = card ? mailtoOf(card.querySelector('a[href^="mailto:" i]')) : undefined;
    people.push({ name, role, ...(mail ? { email: mail } : {}) });
  }
  return people;
}
