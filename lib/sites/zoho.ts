// How Zoho CRM's contact records are built, and from which sources: tests/fixtures/zoho/SOURCES.md.
import type { SiteAdapter } from './adapter';
import type { CaptionedField } from './captions';
import { CAPTIONED_MAX, withoutCaption } from './captions';
import {
  ACCEPT,
  captionedField,
  ownName,
  ownText,
  peopleIn,
  recordEvidence,
  recordOwn,
  regionOf,
  repNames,
} from './crm-record';
import { buildSnapshot, meaningful, othersOf, textOf } from './read-page';
import { isPlaceholderName } from './roles';
import { isShown } from './visibility';

const HOSTS = ['crm.zoho.com', 'crm.zoho.eu', 'crm.zoho.in', 'crm.zoho.com.au'];
// Record ids are long numbers; "custom-view/…/list", "create" and the like are not records.
const CONTACT_PATH = /^\/crm\/(?:([^/]+)\/)?tab\/Contacts\/(\d{5,})(?:\/|$)/;
// The older id-based record address: /crm/[<org>/]EntityInfo.do?module=Contacts&id=<id>.
const ENTITY_PATH = /^\/crm\/(?:(?!tab\/)([^/]+)\/)?(?:Show)?EntityInfo\.do$/;

/** Every selector this adapter reads, in order of trust, in one place. */
const ZOHO_SELECTORS = {
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
  // The name's parts in the details section, should the title card go.
  firstName: ['#subvalue_FIRSTNAME', '[data-zcqa="value_First Name"]'],
  lastName: ['#subvalue_LASTNAME', '[data-zcqa="value_Last Name"]'],
  // A record's detail view (NextGen, classic): another record's view on the page is not this one.
  recordView: '.dvMainContainer, #detailView',
  // The signed-in rep, in the top menu.
  rep: '.userName, #crmNextGenTopMenu [data-zcqa="userName"]',
  // Links to contact records, in either address form: other people in related lists.
  contactLink: 'a[href*="/tab/Contacts/"], a[href*="EntityInfo.do?module=Contacts"]',
  // The contact's deals, a related list: a row per deal, and the row's Stage cell.
  dealsList: '[related-module="Deals"]',
  dealRow: 'lyte-tr, tr',
  dealStage: '[data-zcqa="value_listviewtable_Stage"]',
} as const;

/** Captions of the same fields in the details section, beyond the four-language ones. */
const ZOHO_LABELS = {
  firstName: ['First Name'],
  lastName: ['Last Name'],
  email: ['Email'],
  phone: ['Phone', 'Mobile'],
  title: ['Title'],
  company: ['Account Name'],
  stage: ['Lifecycle Stage', 'Contact Stage', 'Stage'],
} as const;

// "Jane Doe - Contacts - Zoho CRM": a record's tab title ("Contacts - Zoho CRM" is the list).
const TITLE = /^(.+?)\s+-\s+Contacts\s+-\s+Zoho CRM\s*$/i;

/** Org and contact id when `url` is a Zoho CRM contact record, else null. */
export function zohoContactRecord(url: URL): { org?: string; contactId: string } | null {
  if (url.protocol !== 'https:' || !HOSTS.includes(url.hostname)) return null;
  const m = CONTACT_PATH.exec(url.pathname);
  if (m?.[2]) return m[1] ? { org: m[1], contactId: m[2] } : { contactId: m[2] };
  const entity = ENTITY_PATH.exec(url.pathname);
  const id = url.searchParams.get('id');
  if (!entity || url.searchParams.get('module') !== 'Contacts' || !id || !/^\d{5,}$/.test(id))
    return null;
  return entity[1] ? { org: entity[1], contactId: id } : { contactId: id };
}

/** Regions of a record page that list other people, in Zoho's markup: related lists. */
const RELATED = /\b(related|contact roles|kontaktrollen|rôles de contact|funciones de contacto)\b/i;

/** Whether `el` is shown and the record's own (not a related list, a hovercard or the menu). */
function ownShown(el: Element): boolean {
  return isShown(el) && !regionOf(el, null, RELATED) && !el.closest('[related-module]');
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
      if (!ownShown(el)) continue;
      // What the page shows, never `cx-prop-value`: Zoho may mask a value it holds.
      const href = links
        ? recordOwn(el, 'a[href^="mailto:"]', el, RELATED)[0]?.getAttribute('href')
        : null;
      // Read wide: a caption leading the value is cut before the value is capped.
      const value = accept(ownText(el, CAPTIONED_MAX)) ?? (href ? accept(href) : undefined);
      if (value) return { value, el };
    }
  }
  return undefined;
}

/** The value captioned as `field` (four languages, plus Zoho's own `labels`) in the record
 *  view `view` (null: outside every view). */
function captioned(
  document: Document,
  view: Element | null,
  field: CaptionedField,
  labels: readonly string[],
  accept: (text: string) => string | undefined = ACCEPT.text,
): string | undefined {
  const root: ParentNode = view ?? document;
  const value = captionedField(root, field, accept, {
    extra: labels,
    boundary: view,
    belongs: (el) => viewOf(el) === view,
  });
  return value && !isPlaceholderName(value) ? value : undefined;
}

/**
 * Who the record is, in order of trust: the title card (anywhere; its view is the record's),
 * then the First and Last Name fields of the only detail view (both, or a part of a name
 * would pass for all of it), then the tab title. Fewer sources, never another person's.
 */
function nameOf(
  document: Document,
): { name: string; view: Element | null; from: 'header' | 'fields' | 'title' } | undefined {
  const named = ownName(document, ZOHO_SELECTORS.name, {
    extraWords: RELATED,
    title: titleName(document),
    rep: repNames(document, ZOHO_SELECTORS.rep),
  });
  if (named && !named.el.closest('[related-module]'))
    return { name: named.name, view: viewOf(named.el), from: 'header' };
  // The record view the rep sees: of several shown, none is surely this record's.
  const views = Array.from(document.querySelectorAll(ZOHO_SELECTORS.recordView)).filter(ownShown);
  const view = views.length === 1 ? (views[0] ?? null) : null;
  if (view) {
    const part = (selectors: readonly string[], field: CaptionedField, labels: readonly string[]) =>
      find(document, selectors, (raw) => meaningful(withoutCaption(raw, field)), view)?.value ??
      captioned(document, view, field, labels);
    const first = part(ZOHO_SELECTORS.firstName, 'firstName', ZOHO_LABELS.firstName);
    const last = part(ZOHO_SELECTORS.lastName, 'lastName', ZOHO_LABELS.lastName);
    if (first && last) return { name: `${first} ${last}`, view, from: 'fields' };
  }
  const titled = titleName(document);
  return titled ? { name: titled, view, from: 'title' } : undefined;
}

function titleName(document: Document): string | undefined {
  return meaningful(TITLE.exec(document.title)?.[1]);
}

/** The stage the record shows: its own stage field, else the stage of its one deal (of
 *  several, which one moved is not the contact's to say). */
function stageOf(document: Document, view: Element | null): string | undefined {
  const own = captioned(document, view, 'stage', ZOHO_LABELS.stage);
  if (own) return own;
  const list = Array.from(document.querySelectorAll(ZOHO_SELECTORS.dealsList)).find(
    (el) => viewOf(el) === view && isShown(el),
  );
  const deals = list ? Array.from(list.querySelectorAll(ZOHO_SELECTORS.dealRow)) : [];
  const stage = deals.length === 1 ? deals[0]?.querySelector(ZOHO_SELECTORS.dealStage) : null;
  return meaningful(textOf(stage));
}

/** An address, unless Zoho masked it ("j***@northwind.example" is no address to store). */
function unmaskedEmail(raw: string | undefined): string | undefined {
  return !raw || raw.includes('*') ? undefined : ACCEPT.email(raw);
}

export const zoho: SiteAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  matches: HOSTS.map((host) => `https://${host}/crm/*`),
  recordOf(url) {
    const record = zohoContactRecord(url);
    return record && `${url.origin}/${record.contactId}`;
  },
  detect(document, url) {
    const record = zohoContactRecord(url);
    if (!record) return null;

    const named = nameOf(document);
    // A record whose name is not on screen yet: wait for the next read rather than guess.
    if (!named) return null;
    const { name, view } = named;

    // Fields of the record whose name this is: in its detail view (or, without one, in none).
    const read = (
      selectors: readonly string[],
      accept: (raw: string) => string | undefined,
      links = false,
    ) => find(document, selectors, accept, view, links)?.value;
    // A value element may hold its caption too ("Title VP Operations"): the value alone.
    const text = (selectors: readonly string[], field: CaptionedField, labels: readonly string[]) =>
      read(selectors, (raw) => meaningful(withoutCaption(raw, field))) ??
      captioned(document, view, field, labels);
    const email =
      read(ZOHO_SELECTORS.email, unmaskedEmail, true) ??
      captioned(document, view, 'email', ZOHO_LABELS.email, (t) =>
        t.includes('*') ? undefined : ACCEPT.email(t),
      );
    const phone =
      read(ZOHO_SELECTORS.phone, ACCEPT.phone) ??
      captioned(document, view, 'phone', ZOHO_LABELS.phone, ACCEPT.phone) ??
      captioned(document, view, 'mobile', [], ACCEPT.phone);
    const title = text(ZOHO_SELECTORS.title, 'title', ZOHO_LABELS.title);
    const company = text(ZOHO_SELECTORS.company, 'company', ZOHO_LABELS.company);
    const path = record.org ? `${record.org}/tab` : 'tab';
    const others = othersOf(
      peopleIn(document, ZOHO_SELECTORS.contactLink, (a) =>
        (a.getAttribute('href') ?? '').includes(record.contactId),
      ),
      { name, email, phone },
    );
    return buildSnapshot(
      {
        site: 'zoho',
        recordId: record.contactId,
        url: `${url.origin}/crm/${path}/Contacts/${record.contactId}`,
        name,
      },
      {
        email,
        phone,
        title,
        company,
        stage: stageOf(document, view),
        evidence: recordEvidence({
          name,
          header: named.from === 'header' ? name : undefined,
          title: titleName(document),
          fields: !!(email || phone || company || title),
          nameFromFields: named.from === 'fields',
        }),
        others,
      },
    );
  },
};
