// HubSpot contact record pages.
//
// Selectors come from public extensions that read these pages, checked against each other:
// - clockify/browser-extension src/integrations/hubspot.js: `[data-selenium-test="highlightTitle"]`,
//   `contact-highlight-details`, `company-chicklet-title-link`, `property-input-company`, the
//   left-sidebar container, and ids read from `/record/<type>/<id>` and older `/contact/<id>` URLs;
// - toggl/track-extension src/content/hubspot.js: `[data-selenium-component="ProfileHighlightContainer"]`;
// - ringcentral/hubspot-embeddable-ringcentral-phone: `/contacts/<portal>/contact/<id>` record URLs,
//   `[data-unit-test="highlightSubtitle"]`, the list views `contacts/list/`, `contacts/view/all/`;
// - public HubSpot test page objects and sidebar readers (repositories not named by the search
//   index): `[data-selenium-test="property-input-<name>"]` (email, firstname, lastname, phone,
//   jobtitle) in the "About this contact" card, `ul[data-selenium-test="profile-properties-list"]`,
//   `[data-properties-card-id="PROPERTIES_V3/0-1/…"]`, `[data-deferred-property-input-root]` rows.
// Fixtures copying these pages: tests/fixtures/hubspot/.
import type { SiteAdapter } from './adapter';
import {
  buildSnapshot,
  cleanEmail,
  cleanPhone,
  firstText,
  labelledValue,
  meaningful,
} from './read-page';

// Contact records are object type 0-1; `/contact/<id>` is the pre-2023 URL of the same page.
const RECORD_PATHS = [
  /^\/contacts\/(\d+)\/record\/0-1\/(\d+)(?:\/|$)/,
  /^\/contacts\/(\d+)\/contact\/(\d+)(?:\/|$)/,
];
// The app's host per data centre ("hublet"): app.hubspot.com (na1), app-eu1 (EU), app-na2,
// app-na3 (Canada) and app-ap1 (Australia). HubSpot's account-info API names an account's as
// its `uiDomain`; public code links contact records at each (`/contacts/<portal>/record/0-1/
// <id>`). Listed one by one, no wildcard: each is a host permission granted at install.
export const HUBSPOT_HOSTS = [
  'app.hubspot.com',
  'app-eu1.hubspot.com',
  'app-na2.hubspot.com',
  'app-na3.hubspot.com',
  'app-ap1.hubspot.com',
];

/** Every selector this adapter reads, in order of trust, in one place. */
export const HUBSPOT_SELECTORS = {
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
} as const;

/** Captions of the same properties in the "About this contact" card (English UI). */
export const HUBSPOT_LABELS = {
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
  return name && !GENERIC_TITLES.test(name) ? name : undefined;
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

    const column = HUBSPOT_SELECTORS.recordColumn
      .map((s) => document.querySelector(s))
      .find((el) => el !== null);
    const root: ParentNode = column ?? document;
    // Captions are read in the record column only: beside it, association cards caption their
    // own record's fields ("Phone number" of the company).
    const read = (selectors: readonly string[], labels: readonly string[]) =>
      firstText(root, selectors) ?? (column ? labelledValue(column, labels) : undefined);

    const first = read(HUBSPOT_SELECTORS.firstName, HUBSPOT_LABELS.firstName);
    const last = read(HUBSPOT_SELECTORS.lastName, HUBSPOT_LABELS.lastName);
    const name =
      firstText(root, HUBSPOT_SELECTORS.name) ??
      meaningful([first, last].filter(Boolean).join(' ')) ??
      nameFromTitle(document.title);
    // A record whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    return buildSnapshot(
      {
        site: 'hubspot',
        recordId: record.contactId,
        url: `${url.origin}/contacts/${record.portalId}/record/0-1/${record.contactId}`,
        name,
      },
      {
        email: cleanEmail(read(HUBSPOT_SELECTORS.email, HUBSPOT_LABELS.email)),
        phone: cleanPhone(read(HUBSPOT_SELECTORS.phone, HUBSPOT_LABELS.phone)),
        company: read(HUBSPOT_SELECTORS.company, HUBSPOT_LABELS.company),
        title: read(HUBSPOT_SELECTORS.title, HUBSPOT_LABELS.title),
        stage: read(HUBSPOT_SELECTORS.stage, HUBSPOT_LABELS.stage),
      },
    );
  },
};
