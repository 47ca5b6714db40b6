// Salesforce Lightning contact and lead records.
//
// Selectors come from public readers of these pages, checked against each other:
// - toggl/track-extension src/content/salesforce.js: the page-header name
//   (`.slds-page-header__title lightning-formatted-name`), the visible view
//   (`.lafSinglePaneWindowManager > .windowViewMode-normal`: Lightning keeps hidden copies of
//   earlier views in the page), and the tab title "<record> | Salesforce";
// - clockify/browser-extension src/integrations/salesforce.js: the highlights panel
//   (`.forceHighlightsPanel`, `records-highlights2`) and ids read from the URL;
// - SFDO-Tooling/CumulusCI cumulusci/robotframework/locators_56.py and locators_50.py: header
//   fields as `records-lwc-highlights-panel records-highlights-details-item` (older:
//   `force-highlights-details-item`) holding a `.slds-text-title` caption and a
//   `p.fieldComponent` value;
// - public Salesforce content scripts and test page objects (repositories not named by the search
//   index): `records-highlights2 slot[name="primaryField"] lightning-formatted-name`, detail fields
//   as `records-record-layout-item[field-label="Email"]` with `.test-id__field-value` /
//   `[slot="outputField"]` values, `[data-target-selection-name="sfdc:RecordField.Contact.Email"]`,
//   `lightning-formatted-email a` / `lightning-formatted-phone a`, lookups in `force-lookup a`,
//   the console's `.windowViewMode-maximized.active.lafPageHost`, and tab titles
//   "<name> | Contact | Salesforce".
// LWC's synthetic shadow DOM only scopes queries made by the page's own scripts: a content script
// runs in its own world and sees these components as ordinary light DOM.
// Fixtures copying these pages: tests/fixtures/salesforce/.
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

type RecordObject = 'Contact' | 'Lead';

// Record ids are 15 (case-sensitive) or 18 characters; every Contact id starts 003, every Lead 00Q.
const RECORD_PATH = /^\/lightning\/r\/(Contact|Lead)\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/view\/?$/;
const KEY_PREFIX: Record<RecordObject, string> = { Contact: '003', Lead: '00Q' };
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.lightning\.force\.com$/;

/** Every selector this adapter reads, in order of trust, in one place. */
export const SALESFORCE_SELECTORS = {
  // The view on screen; Lightning keeps earlier records' views in the page, hidden.
  activeView: [
    '.windowViewMode-maximized.active.lafPageHost',
    '.windowViewMode-normal.active.lafPageHost',
    '.lafSinglePaneWindowManager > .windowViewMode-normal:not(.lafPageHost)',
    '.oneContent.active',
  ],
  // A page host not marked active: a record viewed earlier, kept in the page, hidden.
  cachedView: '.lafPageHost:not(.active)',
  name: [
    'records-highlights2 slot[name="primaryField"] lightning-formatted-name',
    'records-highlights2 lightning-formatted-name',
    'force-highlights2 lightning-formatted-name',
    'records-highlights2 [slot="primaryField"]',
    '.slds-page-header__title lightning-formatted-name',
    'records-record-layout-item[field-label="Name"] lightning-formatted-name',
  ],
  // Header fields: a caption and a value per item.
  highlightItem: 'records-highlights-details-item, force-highlights-details-item',
  highlightCaption: '.slds-text-title',
  highlightValue: '.fieldComponent',
  // Detail fields: `[field-label="…"]`, then the field's API name.
  layoutItem: (label: string) => `records-record-layout-item[field-label="${label}"]`,
  fieldByApiName: (object: RecordObject, api: string) =>
    `[data-target-selection-name="sfdc:RecordField.${object}.${api}"]`,
  // Inside a detail field: the value, never the caption or the edit button.
  fieldValue: ['.test-id__field-value', '[slot="outputField"]', '.slds-form-element__static'],
  emailLink: 'lightning-formatted-email a[href^="mailto:"], a[href^="mailto:"]',
  phoneLink: 'lightning-formatted-phone a, a[href^="tel:"]',
} as const;

interface FieldSpec {
  /** Captions in the English UI, in order of trust. */
  labels: readonly string[];
  /** API names for `data-target-selection-name`. */
  api: readonly string[];
}

/** The fields read per object: a lead carries its company as text, a contact as an account. */
export const SALESFORCE_FIELDS: Record<
  RecordObject,
  Record<'email' | 'phone' | 'company' | 'title', FieldSpec> & { stage?: FieldSpec }
> = {
  Contact: {
    email: { labels: ['Email'], api: ['Email'] },
    phone: { labels: ['Phone', 'Mobile'], api: ['Phone', 'MobilePhone'] },
    company: { labels: ['Account Name'], api: ['AccountId'] },
    title: { labels: ['Title'], api: ['Title'] },
  },
  Lead: {
    email: { labels: ['Email'], api: ['Email'] },
    phone: { labels: ['Phone', 'Mobile'], api: ['Phone', 'MobilePhone'] },
    company: { labels: ['Company'], api: ['Company'] },
    title: { labels: ['Title'], api: ['Title'] },
    // A lead shows its status (its path, and the Lead Status field). A contact page shows no
    // stage: its opportunities' stages live on their own records.
    stage: { labels: ['Lead Status'], api: ['Status'] },
  },
};

/** Object and id when `url` is a Lightning contact or lead record page, else null. */
export function salesforceRecord(url: URL): { object: RecordObject; id: string } | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const m = RECORD_PATH.exec(url.pathname);
  const object = m?.[1] as RecordObject | undefined;
  const id = m?.[2];
  if (!object || !id || !id.startsWith(KEY_PREFIX[object])) return null;
  return { object, id };
}

// What the tab says before the record has loaded: never a name.
const GENERIC_TITLES = /^(salesforce|lightning experience|loading\b.*|contacts?|leads?|home)$/i;

/** "Jane Doe | Contact | Salesforce" → "Jane Doe". */
function nameFromTitle(title: string): string | undefined {
  const m = /^(.*?)\s*\|\s*[^|]+\|\s*Salesforce\s*$/i.exec(title);
  const name = meaningful(m?.[1]);
  return name && !GENERIC_TITLES.test(name) ? name : undefined;
}

type Kind = 'email' | 'phone' | 'text';

/** The value a field element shows, read the way its kind is rendered. */
function valueOf(el: Element, kind: Kind): string | undefined {
  if (kind === 'email') {
    const link = el.querySelector(SALESFORCE_SELECTORS.emailLink);
    return cleanEmail(link?.getAttribute('href')) ?? cleanEmail(textOf(link ?? el));
  }
  if (kind === 'phone') {
    const link = el.querySelector(SALESFORCE_SELECTORS.phoneLink);
    return cleanPhone(textOf(link ?? el)) ?? cleanPhone(link?.getAttribute('href'));
  }
  return meaningful(textOf(el));
}

/** The value part of a detail field (never its caption or edit button). */
function detailValue(item: Element, kind: Kind): string | undefined {
  for (const selector of SALESFORCE_SELECTORS.fieldValue) {
    const el = item.querySelector(selector);
    const value = el ? valueOf(el, kind) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** What a header item shows besides its caption, read the way its kind is rendered. */
function besideCaption(item: Element, kind: Kind): string | undefined {
  const caption = item.querySelector(SALESFORCE_SELECTORS.highlightCaption) ?? undefined;
  if (kind !== 'text') return valueOf(item, kind);
  return meaningful(textOf(item, caption));
}

function captionOf(item: Element): string {
  const caption = item.querySelector(SALESFORCE_SELECTORS.highlightCaption);
  return (caption?.getAttribute('title') ?? textOf(caption)).trim().toLowerCase();
}

/** A field read in order of trust: header, detail by caption, detail by API name, any caption. */
function readField(
  root: ParentNode,
  object: RecordObject,
  spec: FieldSpec,
  kind: Kind,
): string | undefined {
  const items = Array.from(root.querySelectorAll(SALESFORCE_SELECTORS.highlightItem));
  for (const label of spec.labels) {
    const item = items.find((el) => captionOf(el) === label.toLowerCase());
    const value = item?.querySelector(SALESFORCE_SELECTORS.highlightValue);
    // The item's own value element, else what the item shows besides its caption: a lookup's
    // block content may sit beside the value element (an HTML parser moves a <div> out of a <p>).
    const read = (value ? valueOf(value, kind) : undefined) ?? (item && besideCaption(item, kind));
    if (read) return read;
  }
  for (const label of spec.labels) {
    for (const item of Array.from(root.querySelectorAll(SALESFORCE_SELECTORS.layoutItem(label)))) {
      const read = detailValue(item, kind);
      if (read) return read;
    }
  }
  for (const api of spec.api) {
    for (const item of Array.from(
      root.querySelectorAll(SALESFORCE_SELECTORS.fieldByApiName(object, api)),
    )) {
      const read = detailValue(item, kind);
      if (read) return read;
    }
  }
  const captioned = labelledValue(root, spec.labels);
  if (!captioned) return undefined;
  if (kind === 'email') return cleanEmail(captioned);
  if (kind === 'phone') return cleanPhone(captioned);
  return captioned;
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  name: 'Salesforce',
  matches: ['https://*.lightning.force.com/*'],
  recordOf(url) {
    const record = salesforceRecord(url);
    return record && `${url.origin}/${record.id}`;
  },
  detect(document, url) {
    const record = salesforceRecord(url);
    if (!record) return null;

    const view = SALESFORCE_SELECTORS.activeView
      .map((s) => document.querySelector(s))
      .find((el) => el !== null);
    // No view on screen yet, but earlier records' views kept: any name here is theirs.
    if (!view && document.querySelector(SALESFORCE_SELECTORS.cachedView)) return null;
    const root: ParentNode = view ?? document;
    const fields = SALESFORCE_FIELDS[record.object];

    const name = firstText(root, SALESFORCE_SELECTORS.name) ?? nameFromTitle(document.title);
    // A record whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    return buildSnapshot(
      {
        site: 'salesforce',
        recordId: record.id,
        url: `${url.origin}/lightning/r/${record.object}/${record.id}/view`,
        name,
      },
      {
        email: readField(root, record.object, fields.email, 'email'),
        phone: readField(root, record.object, fields.phone, 'phone'),
        company: readField(root, record.object, fields.company, 'text'),
        title: readField(root, record.object, fields.title, 'text'),
        stage: fields.stage && readField(root, record.object, fields.stage, 'text'),
      },
    );
  },
};
