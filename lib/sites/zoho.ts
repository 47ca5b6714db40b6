// Zoho CRM contact records (https://crm.zoho.<region>/crm/<org>/tab/Contacts/<id>).
//
// Selectors come from public readers of these pages, checked against each other:
// - public Zoho CRM userscripts matching `https://crm.zoho.com/crm/*/tab/Contacts/*` (the
//   "userscript-showcase" collection; repositories not named by the search index): the record
//   id from `/tab/Contacts/(\d+)`, the name in the title card `#tc_mouseArea__FULLNAME
//   .cxElemCompViewWrap` (earlier `…__LASTNAME`), `#titlecard_FULLNAME` / `#titlecard_LASTNAME`,
//   values as `[data-zcqa="value_<field>"]`, phones as
//   `span.cxPhoneViewValue` (which related-list previews also use: read only inside a field);
// - an older Zoho contact reader and Selenium page objects: `#headervalue_LASTNAME`,
//   `#subvalue_EMAIL`, `#subvalue_TITLE`, `#subvalue_PHONE`, `#headervalue_MOBILE`,
//   `#mouseArea__<FIELD>` rows;
// - public CRM integrations building record links
//   `crm.zoho.com|eu|com.au/crm/<org>/tab/Contacts/<id>` and the org-less `/crm/tab/Contacts/<id>`.
// Fixtures copying these pages: tests/fixtures/zoho/.
import type { SiteAdapter } from './adapter';
import {
  buildSnapshot,
  cleanEmail,
  cleanPhone,
  labelledValue,
  meaningful,
  textOf,
} from './read-page';

const HOSTS = ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au'];
// Record ids are long numbers; "custom-view/…/list", "create" and the like are not records.
const CONTACT_PATH = /^\/crm\/(?:([^/]+)\/)?tab\/Contacts\/(\d{5,})(?:\/|$)/;

/** Every selector this adapter reads, in order of trust, in one place. */
export const ZOHO_SELECTORS = {
  name: [
    '#tc_mouseArea__FULLNAME .cxElemCompViewWrap',
    '#tc_mouseArea__LASTNAME .cxElemCompViewWrap',
    '#titlecard_FULLNAME',
    '#titlecard_LASTNAME',
    '#headervalue_FULLNAME',
    '#headervalue_LASTNAME',
    '[data-zcqa="value_FULLNAME"]',
    '[data-zcqa="value_LASTNAME"]',
  ],
  email: ['#subvalue_EMAIL', '#headervalue_EMAIL', '[data-zcqa="value_Email"]'],
  phone: [
    '#subvalue_PHONE',
    '#headervalue_PHONE',
    '[data-zcqa="value_Phone"]',
    '#mouseArea__PHONE .cxPhoneViewValue',
    '#subvalue_MOBILE',
    '#headervalue_MOBILE',
    '[data-zcqa="value_Mobile"]',
    '#mouseArea__MOBILE .cxPhoneViewValue',
  ],
  title: ['#subvalue_TITLE', '#headervalue_TITLE', '[data-zcqa="value_Title"]'],
  company: [
    '#subvalue_ACCOUNTID',
    '#headervalue_ACCOUNTID',
    '[data-zcqa="value_Account Name"]',
    '[data-zcqa="value_Account_Name"]',
  ],
  // A record's detail view (NextGen, classic): another record's view on the page is not this one.
  recordView: '.dvMainContainer, #detailView',
} as const;

/** Captions of the same fields in the details section (English UI). */
export const ZOHO_LABELS = {
  email: ['Email'],
  phone: ['Phone', 'Mobile'],
  title: ['Title'],
  company: ['Account Name'],
} as const;

/** Org and contact id when `url` is a Zoho CRM contact record, else null. */
export function zohoContactRecord(url: URL): { org?: string; contactId: string } | null {
  if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
  const m = CONTACT_PATH.exec(url.pathname);
  const contactId = m?.[2];
  if (!contactId) return null;
  return m[1] ? { org: m[1], contactId } : { contactId };
}

/** The detail view an element is in (null: none), which is the record it belongs to. */
const viewOf = (el: Element) => el.closest(ZOHO_SELECTORS.recordView);

/**
 * The first of `selectors` whose element shows a value `accept` takes (an email: or links to),
 * with the element, among elements in the record view `view` (any, when undefined).
 */
function find(
  document: Document,
  selectors: readonly string[],
  accept: (raw: string) => string | undefined,
  view?: Element | null,
  links = false,
): { value: string; el: Element } | undefined {
  for (const selector of selectors) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (view !== undefined && viewOf(el) !== view) continue;
      // What the page shows, never `cx-prop-value`: Zoho may mask a value it holds.
      const href = links ? el.querySelector('a[href^="mailto:"]')?.getAttribute('href') : null;
      const value = accept(textOf(el)) ?? (href ? accept(href) : undefined);
      if (value) return { value, el };
    }
  }
  return undefined;
}

/** An address, unless Zoho masked it ("j***@northwind.example" is no address to store). */
function unmaskedEmail(raw: string | undefined): string | undefined {
  return raw?.includes('*') ? undefined : cleanEmail(raw);
}

export const zoho: SiteAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  matches: HOSTS.map((host) => `https://${host}/crm/*`),
  detect(document, url) {
    const record = zohoContactRecord(url);
    if (!record) return null;

    const named = find(document, ZOHO_SELECTORS.name, meaningful);
    // A record whose name is not on screen yet: wait for the next read rather than guess.
    if (!named) return null;
    const name = named.value;

    // Fields of the record whose name this is: in its detail view (or, without one, in none).
    const view = viewOf(named.el);
    const root: ParentNode = view ?? document;
    const read = (
      selectors: readonly string[],
      accept: (raw: string) => string | undefined,
      links = false,
    ) => find(document, selectors, accept, view, links)?.value;
    const text = (selectors: readonly string[], labels: readonly string[]) =>
      read(selectors, meaningful) ?? labelledValue(root, labels);
    const path = record.org ? `${record.org}/tab` : 'tab';
    return buildSnapshot(
      {
        site: 'zoho',
        recordId: record.contactId,
        url: `${url.origin}/crm/${path}/Contacts/${record.contactId}`,
        name,
      },
      {
        email:
          read(ZOHO_SELECTORS.email, unmaskedEmail, true) ??
          unmaskedEmail(labelledValue(root, ZOHO_LABELS.email)),
        phone:
          read(ZOHO_SELECTORS.phone, (raw) => cleanPhone(raw)) ??
          cleanPhone(labelledValue(root, ZOHO_LABELS.phone)),
        title: text(ZOHO_SELECTORS.title, ZOHO_LABELS.title),
        company: text(ZOHO_SELECTORS.company, ZOHO_LABELS.company),
      },
    );
  },
};
