// How Salesforce Lightning's contact and lead records are built, and from which sources: tests/fixtures/salesforce/SOURCES.md.
import type { PersonOnPage } from '../model';
import type { SiteAdapter } from './adapter';
import {
  fieldByCaption,
  isCaption,
  valueBesideCaption,
  withoutCaption,
  type CaptionedField,
} from './captions';
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
import { sameName, titleDoubt } from './record-evidence';
import { isPlaceholderName, otherPersonRegion } from './roles';
import { queryAll } from './live-scans';
import { isShown, shownAll } from './visibility';

type RecordObject = 'Contact' | 'Lead';

// Record ids are 15 (case-sensitive) or 18 characters; every Contact id starts 003, every Lead 00Q.
const RECORD_PATH = /^\/lightning\/r\/(Contact|Lead)\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/view\/?$/;
const KEY_PREFIX: Record<RecordObject, string> = { Contact: '003', Lead: '00Q' };
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.lightning\.force\.com$/;

/** Every selector this adapter reads, in order of trust, in one place. */
const SALESFORCE_SELECTORS = {
  // The view on screen; Lightning keeps earlier records' views in the page, hidden.
  activeView: [
    '.windowViewMode-maximized.active.lafPageHost',
    '.windowViewMode-normal.active.lafPageHost',
    '.lafSinglePaneWindowManager > .windowViewMode-normal:not(.lafPageHost)',
    '.oneContent.active',
  ],
  // A page host: with none shown and active, the views in the page are earlier records'.
  cachedView: '.lafPageHost',
  // The record's header, in order of trust.
  name: [
    'records-highlights2 slot[name="primaryField"] lightning-formatted-name',
    'records-highlights2 lightning-formatted-name',
    'force-highlights2 lightning-formatted-name',
    'records-highlights2 [slot="primaryField"]',
    '.slds-page-header__title lightning-formatted-name',
  ],
  // The record's own Name field in its detail layout.
  nameField: ['records-record-layout-item[field-label="Name"] lightning-formatted-name'],
  // Other records' people: links to contacts (003…) and leads (00Q…) in related lists and
  // hover previews.
  personLink:
    'a[href*="/lightning/r/003"], a[href*="/lightning/r/Contact/003"], a[href*="/lightning/r/00Q"], a[href*="/lightning/r/Lead/00Q"]',
  // Lightning's hover preview of a linked record.
  preview: '.forceHoverPanel, force-hover-panel, [role="tooltip"], [role="dialog"]',
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
const SALESFORCE_FIELDS: Record<
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
  return name && !GENERIC_TITLES.test(name) && !isPlaceholderName(name) ? name : undefined;
}

type Kind = 'email' | 'phone' | 'text';

/** The value a field element shows, read the way its kind is rendered. */
function valueOf(el: Element, kind: Kind, field: CaptionedField): string | undefined {
  // Links and text the rep cannot see are not the record's: mailtoOf, telOf and textOf skip them.
  if (kind === 'email') {
    const link = el.querySelector(SALESFORCE_SELECTORS.emailLink);
    return mailtoOf(link) ?? emailsIn(textOf(link ?? el))[0];
  }
  if (kind === 'phone') {
    const link = el.querySelector(SALESFORCE_SELECTORS.phoneLink);
    return telOf(link) ?? phonesIn(textOf(link ?? el))[0];
  }
  // A value element may hold its caption too ("Title VP Operations"): the value alone.
  const text = valueBesideCaption(el, field);
  return text && !isPlaceholderName(text) ? text : undefined;
}

/** The value part of a detail field (never its caption or edit button). */
function detailValue(item: Element, kind: Kind, field: CaptionedField): string | undefined {
  for (const selector of SALESFORCE_SELECTORS.fieldValue) {
    const el = item.querySelector(selector);
    const value = el ? valueOf(el, kind, field) : undefined;
    if (value) return value;
  }
  return undefined;
}

/** What a header item shows besides its caption, read the way its kind is rendered. */
function besideCaption(item: Element, kind: Kind, field: CaptionedField): string | undefined {
  const caption = item.querySelector(SALESFORCE_SELECTORS.highlightCaption) ?? undefined;
  if (kind !== 'text') return valueOf(item, kind, field);
  return meaningful(withoutCaption(textOf(item, caption), field));
}

function captionOf(item: Element): string {
  const caption = item.querySelector(SALESFORCE_SELECTORS.highlightCaption);
  return (caption?.getAttribute('title') ?? textOf(caption)).trim().toLowerCase();
}

/** A field read in order of trust: header, detail by caption, detail by API name, any caption
 *  (in English, German, French or Spanish). */
function readField(
  root: ParentNode,
  object: RecordObject,
  spec: FieldSpec,
  kind: Kind,
  field: CaptionedField,
): string | undefined {
  const items = Array.from(root.querySelectorAll(SALESFORCE_SELECTORS.highlightItem));
  const localised = [...spec.labels, ''];
  for (const label of localised) {
    // The English caption first, then any caption of the field in the rep's UI language.
    const item = items.find((el) =>
      label ? captionOf(el) === label.toLowerCase() : isCaption(captionOf(el), field),
    );
    const value = item?.querySelector(SALESFORCE_SELECTORS.highlightValue);
    // The item's own value element, else what the item shows besides its caption: a lookup's
    // block content may sit beside the value element (an HTML parser moves a <div> out of a <p>).
    const read =
      (value ? valueOf(value, kind, field) : undefined) ??
      (item && besideCaption(item, kind, field));
    if (read) return read;
  }
  for (const label of spec.labels) {
    for (const item of Array.from(root.querySelectorAll(SALESFORCE_SELECTORS.layoutItem(label)))) {
      const read = detailValue(item, kind, field);
      if (read) return read;
    }
  }
  for (const api of spec.api) {
    for (const item of Array.from(
      root.querySelectorAll(SALESFORCE_SELECTORS.fieldByApiName(object, api)),
    )) {
      const read = detailValue(item, kind, field);
      if (read) return read;
    }
  }
  const captioned = fieldByCaption(root, field, spec.labels);
  if (!captioned) return undefined;
  if (kind === 'email') return emailsIn(captioned)[0];
  if (kind === 'phone') return phonesIn(captioned)[0];
  return isPlaceholderName(captioned) ? undefined : captioned;
}

/** The record's own elements `selectors` find: shown, not in a preview or another's region. */
function ownElements(root: ParentNode, selectors: readonly string[], view: Element | null) {
  return selectors.flatMap((s) =>
    shownAll(root, s).filter(
      (el) =>
        otherPersonRegion(el, view) === undefined && !el.closest(SALESFORCE_SELECTORS.preview),
    ),
  );
}

/** The first meaningful name the elements show (never a placeholder such as "Loading…"). */
function firstName(elements: readonly Element[]): string | undefined {
  return elements
    .map((el) => meaningful(textOf(el)))
    .find((name) => name && !isPlaceholderName(name));
}

/** People of other records the page links to: related lists, hover previews. */
function othersOnPage(document: Document, view: Element | null, ownId: string): PersonOnPage[] {
  const people: PersonOnPage[] = [];
  // The whole page: hover previews open outside the record's view.
  for (const link of queryAll(document, SALESFORCE_SELECTORS.personLink).filter(isShown)) {
    const href = link.getAttribute('href') ?? '';
    // 15- and 18-character ids of one record share their first 15 characters.
    if (href.includes(ownId.slice(0, 15))) continue;
    const name = meaningful(textOf(link));
    if (!name || isPlaceholderName(name)) continue;
    const role =
      otherPersonRegion(link, view) ??
      (link.closest(SALESFORCE_SELECTORS.preview) ? 'preview' : 'associated');
    people.push({ name, role });
  }
  return people;
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

    // The view the rep sees: Lightning keeps earlier records' views (and a console's other
    // workspace tabs) in the page, hidden, before or after it.
    const view = SALESFORCE_SELECTORS.activeView.flatMap((s) => shownAll(document, s))[0] ?? null;
    // No view on screen yet, but earlier records' views kept: any name here is theirs.
    if (!view && document.querySelector(SALESFORCE_SELECTORS.cachedView)) return null;
    const root: ParentNode = view ?? document;
    const fields = SALESFORCE_FIELDS[record.object];

    const byHeader = firstName(ownElements(root, SALESFORCE_SELECTORS.name, view));
    const byField = firstName(ownElements(root, SALESFORCE_SELECTORS.nameField, view));
    const byTitle = nameFromTitle(document.title);
    const name = byHeader ?? byField ?? byTitle;
    // A record whose name is not on screen yet: wait for the next read rather than guess.
    if (!name) return null;

    const email = readField(root, record.object, fields.email, 'email', 'email');
    const evidence = evidenceOf(
      [
        'record-url',
        ...(byHeader ? (['record-header'] as const) : []),
        ...(byField && sameName(byField, name) ? (['fields'] as const) : []),
        ...(byTitle && sameName(byTitle, name) ? (['page-title'] as const) : []),
      ],
      titleDoubt(name, byTitle, !!(byHeader ?? byField)),
    );
    return buildSnapshot(
      {
        site: 'salesforce',
        recordId: record.id,
        url: `${url.origin}/lightning/r/${record.object}/${record.id}/view`,
        name,
      },
      {
        email: cleanEmail(email),
        phone: readField(root, record.object, fields.phone, 'phone', 'phone'),
        company: readField(root, record.object, fields.company, 'text', 'company'),
        title: readField(root, record.object, fields.title, 'text', 'title'),
        stage: fields.stage && readField(root, record.object, fields.stage, 'text', 'stage'),
        evidence,
        others: othersOf(othersOnPage(document, view, record.id), { name, email }),
      },
    );
  },
};
