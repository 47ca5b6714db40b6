// The eleven transforms of issue 13 part 8. Each changes a fixture's page the way a site could
// plausibly serve it, and keeps the right answer known: the visible record's subject (or nobody,
// for a page that shows no record). Each returns a short description of what it did, or null
// when the page gives it nothing to work on (then the variant does without it).
//
//  wrap        Extra wrapper elements (<div>/<span>, a generated class, no semantics) around a
//              few elements. Never splits dt/dd, tr/td, li-in-ul or ARIA list/row pairs.
//              Answer known: wrappers change no text, no label, no visibility.
//  shuffle     Reorders sibling regions of the body or the app shell (nav, columns, cards) whose
//              order means nothing: never a container of headings, captions, list items or
//              mail messages. Answer known: every region keeps its content and labels.
//  hashed      Renames CSS-module / styled-components / emotion hashes (LeadHeader_name__Fz1aQ →
//              LeadHeader_name__q9Zt2, …-sc-1x2y3z, css-…), style sheets too. Answer known:
//              a deploy changes hashes, never what the page shows.
//  hidden-copy A copy of the whole app, or of the record's column, showing ANOTHER person (every
//              name, address, number, company and title rewritten, in text and attributes), kept
//              hidden the way SPAs keep cached views: hidden, display:none (class in a <style>,
//              or inline), visibility:hidden, aria-hidden region, inert, off-screen, <template>.
//              Before or after the real one. On a page with no record, the copy is of another
//              fixture of the site. Answer known: the rep sees only the real record.
//  caption     A field's caption moved into its value element ("Company name Lumen Freight"),
//              or out of it next to the value. Answer known: the value is unchanged.
//  localised   English captions (text, aria-label, placeholder, title, field-label) and
//              placeholder words ("Contacts", "Recent") in German, French or Spanish, all known
//              to FIELD_CAPTIONS / roles.ts; on mail, the header words too ("Google-Konto:",
//              "Von:", "An:", "an mich", "À :"). Answer known: same values, other words.
//  cc          (mail) A colleague at the rep's own domain added as Cc on a message, in the
//              recipients' own markup. Answer known: a colleague is never the contact.
//  association (CRM) A card "Associated contacts" / "Verknüpfte Kontakte" / "People also viewed"…
//              with another person, in plain markup or in clones of the record's own field rows.
//              Answer known: a person in an association card is never the record's subject.
//  recents     (dialers, CRMs) "Recent calls" / "Zuletzt" / "Récents" / "Recently viewed"… with
//              two or three other people and tel: links. Answer known: never the contact.
//  hovercard   A role="tooltip" or a popover labelled "preview" showing another person, as a
//              portal at the body's start or end, or beside the record. Answer known: a preview
//              is never the contact.
//  rep-banner  The signed-in rep made prominent: a banner with their name (and address, on
//              mail), or "Your number" / "Calling from" with the rep's own line on dialers.
//              Answer known: the rep is never the contact.
import { cleanText } from '../../../../lib/sites/read-page';
import {
  DEFAULT_CAPTION,
  isCaption,
  translated,
  translatedMailWord,
  type Language,
} from './captions';
import {
  elementsIn,
  elementsShowing,
  h,
  mentions,
  norm,
  placeBeside,
  regionOf,
  rewrite,
  shellOf,
  swapPerson,
  textNodes,
} from './dom';
import { numbersIn, otherPerson, REP_NAME, REP_PHONE, type Person } from './people';
import type { Rng } from './random';

export type SiteKind = 'crm' | 'mail' | 'dialer';

export interface VariantContext {
  doc: Document;
  kind: SiteKind;
  /** The record's subject, null when the page shows none. */
  expect: Person | null;
  /** The record's id, when the page shows one. */
  recordId?: string | undefined;
  /** The other person a copy or a card shows. */
  other: Person;
  rng: Rng;
  rep: { name: string; email: string; phone: string };
  /** The last 7 digits of every number already on the page. */
  pageNumbers: string[];
  /** Another positive fixture of the same site (for a copy on a page with no record). */
  donor?: () => { doc: Document; person: Person } | undefined;
}

export type TransformId =
  | 'caption'
  | 'localised'
  | 'association'
  | 'recents'
  | 'hovercard'
  | 'rep-banner'
  | 'cc'
  | 'hidden-copy'
  | 'wrap'
  | 'hashed'
  | 'shuffle';

/** The order transforms are applied in: content first, then copies, then structure. */
export const TRANSFORM_ORDER: readonly TransformId[] = [
  'caption',
  'association',
  'recents',
  'hovercard',
  'rep-banner',
  'cc',
  'localised',
  'hidden-copy',
  'wrap',
  'hashed',
  'shuffle',
];

/** Which transforms a kind of site can serve. */
export const TRANSFORMS_FOR: Readonly<Record<SiteKind, readonly TransformId[]>> = {
  crm: TRANSFORM_ORDER.filter((t) => t !== 'cc'),
  mail: TRANSFORM_ORDER.filter((t) => t !== 'association' && t !== 'recents'),
  dialer: TRANSFORM_ORDER.filter((t) => t !== 'cc' && t !== 'association'),
};

const FIELDS = ['email', 'phone', 'company', 'title'] as const;

/** Another person, unlike the expected one and unlike everyone added so far. */
function someoneElse(ctx: VariantContext, added: Person[], domain?: string): Person {
  const person = otherPerson(ctx.rng, ctx.expect, [...ctx.pageNumbers], {
    alsoAvoid: [ctx.other, ...added],
    ...(domain ? { domain } : {}),
  });
  ctx.pageNumbers.push((person.phone ?? '').replace(/\D/g, '').slice(-7));
  return person;
}

const telOf = (phone: string): string =>
  `tel:${phone.startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;

/** The element showing the expected name (the record header), if any. */
function nameElement(ctx: VariantContext): Element | undefined {
  return ctx.expect ? elementsShowing(ctx.doc, ctx.expect.name, 'name')[0] : undefined;
}

/**
 * Where added regions go: beside the record's column or inside it (a sidebar card), at its
 * start or end; on a page with no record, at the shell's start or end.
 */
function placeRegion(ctx: VariantContext, region: Element): string {
  const before = ctx.rng.chance(0.5);
  const column = regionOf(ctx.doc, nameElement(ctx));
  if (column) {
    if (ctx.rng.chance(0.5) && /^(DIV|SECTION|MAIN|ASIDE|ARTICLE)$/.test(column.tagName)) {
      if (before) column.prepend(region);
      else column.append(region);
      return before ? "at the start of the record's column" : "at the end of the record's column";
    }
    placeBeside(column, region, before);
    return before ? 'before the record' : 'after the record';
  }
  const shell = shellOf(ctx.doc);
  if (before) shell.prepend(region);
  else shell.append(region);
  return before ? 'at the start' : 'at the end';
}

// ---------------------------------------------------------------------------------------------
// Captions.

/** The caption shown for `value` nearby (before it, within three levels), if any. */
function captionNear(value: Element): Element | undefined {
  let scope: Element | null = value.parentElement;
  for (let level = 0; scope && level < 3; level += 1, scope = scope.parentElement) {
    const before = Array.from(scope.querySelectorAll('*')).filter(
      (el) =>
        !el.contains(value) &&
        !value.contains(el) &&
        value.compareDocumentPosition(el) & 2 /* PRECEDING */ &&
        isCaption(el.textContent ?? '') &&
        !Array.from(el.children).some((child) => isCaption(child.textContent ?? '')),
    );
    const nearest = before.at(-1);
    if (nearest) return nearest;
  }
  return undefined;
}

/** The fields of the expected person shown in one element each: [field, value element]. */
function shownFields(ctx: VariantContext): [string, Element][] {
  const out: [string, Element][] = [];
  for (const field of FIELDS) {
    const value = ctx.expect?.[field];
    if (!value) continue;
    const el = elementsShowing(ctx.doc, value, field)[0];
    if (el && !(field === 'phone' && ctx.expect && el === nameElement(ctx))) out.push([field, el]);
  }
  return out;
}

function caption(ctx: VariantContext): string | null {
  const fields = shownFields(ctx);
  if (fields.length === 0) return null;
  const [field, value] = ctx.rng.pick(fields);
  const label = captionNear(value);
  const text = label ? cleanText(label.textContent) : (DEFAULT_CAPTION[field] ?? field);
  if (ctx.rng.chance(0.6)) {
    // Into the value: "Company name Lumen Freight" in one element.
    if (label) {
      // A table or list cell keeps its place (empty) so its row still pairs up.
      if (['DT', 'TH', 'TD', 'LI'].includes(label.tagName)) label.textContent = '';
      else label.remove();
    }
    const separator = ctx.rng.pick([' ', ': ', '\n']);
    value.prepend(ctx.doc.createTextNode(`${text}${separator}`));
    return `${field}: caption "${text}" moved into its value`;
  }
  // Out of it: the caption as its own element right before the value (a cell caption is
  // outside already).
  if (label && ['DT', 'TH', 'TD', 'LI'].includes(label.tagName)) return null;
  value.before(
    label ?? h(ctx.doc, 'span', { class: 'field-label' }, text),
    ctx.doc.createTextNode(' '),
  );
  return `${field}: caption "${text}" ${label ? 'moved' : 'added'} just before its value`;
}

function localised(ctx: VariantContext): string | null {
  const language: Language = ctx.rng.pick(['de', 'fr', 'es'] as const);
  let count = 0;
  for (const node of textNodes(ctx.doc.body)) {
    const next =
      translated(node.data, language) ??
      (ctx.kind === 'mail' ? translatedMailWord(node.data, language) : undefined);
    if (next !== undefined) {
      node.data = node.data.replace(cleanText(node.data), next);
      count += 1;
    }
  }
  for (const el of elementsIn(ctx.doc.body)) {
    for (const name of ['aria-label', 'placeholder', 'title', 'field-label', 'data-label']) {
      const value = el.getAttribute(name);
      const next =
        value === null
          ? undefined
          : (translated(value, language) ??
            (ctx.kind === 'mail' ? translatedMailWord(value, language) : undefined));
      if (next !== undefined) {
        el.setAttribute(name, next);
        count += 1;
      }
    }
  }
  return count > 0 ? `${count} captions in ${language}` : null;
}

// ---------------------------------------------------------------------------------------------
// Other people.

/** Clones of the record's own field rows (caption and value) showing `person` instead. */
function fieldRowsFor(ctx: VariantContext, person: Person): Element[] {
  if (!ctx.expect) return [];
  const rows: Element[] = [];
  const name = nameElement(ctx);
  if (name) rows.push(name.cloneNode(true) as Element);
  for (const [, value] of shownFields(ctx)) {
    const label = captionNear(value);
    let row: Element = value;
    if (label) while (!row.contains(label) && row.parentElement) row = row.parentElement;
    if (rows.some((r) => r === row)) continue;
    rows.push(row.cloneNode(true) as Element);
  }
  for (const row of rows) {
    swapPerson(row, ctx.expect, person);
    for (const el of elementsIn(row)) el.removeAttribute('id');
  }
  return rows.filter((row) => !mentions(row, ctx.expect as Person));
}

/** Plain markup for a person in a list: a name link, "title at company", mailto and tel. */
function personItem(ctx: VariantContext, person: Person, withEmail: boolean): Element {
  const parts: (Node | string)[] = [
    h(
      ctx.doc,
      'a',
      { href: `#person-${person.name.replace(/\W/g, '')}`, class: 'person-link' },
      person.name,
    ),
  ];
  if (person.title && person.company)
    parts.push(h(ctx.doc, 'div', {}, `${person.title} at ${person.company}`));
  if (withEmail && person.email)
    parts.push(h(ctx.doc, 'a', { href: `mailto:${person.email}` }, person.email), ' ');
  if (person.phone) parts.push(h(ctx.doc, 'a', { href: telOf(person.phone) }, person.phone));
  return h(ctx.doc, 'li', {}, ...parts);
}

/** A region labelled `label` (by its heading or its aria-label) holding `content`. */
function labelledRegion(
  ctx: VariantContext,
  tag: string,
  label: string,
  content: Element[],
): Element {
  const byHeading = ctx.rng.chance(0.5);
  const region = h(
    ctx.doc,
    tag,
    byHeading ? { class: 'card' } : { class: 'card', 'aria-label': label },
  );
  if (byHeading) region.appendChild(h(ctx.doc, ctx.rng.pick(['h2', 'h3']), {}, label));
  for (const el of content) region.appendChild(el);
  return region;
}

const ASSOCIATION_LABELS = [
  'Associated contacts',
  'Related contacts',
  'Verknüpfte Kontakte',
  'Contacts associés',
  'Contactos asociados',
  'People also viewed',
];

function association(ctx: VariantContext): string | null {
  const label = ctx.rng.pick(ASSOCIATION_LABELS);
  const own = ctx.rng.chance(0.5) ? fieldRowsFor(ctx, ctx.other) : [];
  const content =
    own.length > 0
      ? [h(ctx.doc, 'div', { class: 'association-item' }, ...own)]
      : [h(ctx.doc, 'ul', {}, personItem(ctx, ctx.other, true))];
  const region = labelledRegion(
    ctx,
    ctx.rng.pick(['section', 'aside', 'div']),
    `${label} (1)`,
    content,
  );
  const where = placeRegion(ctx, region);
  return `"${label}" card with ${ctx.other.name} (${own.length > 0 ? "the record's field markup" : 'plain markup'}) ${where}`;
}

const RECENT_LABELS: Readonly<Record<'crm' | 'dialer', readonly string[]>> = {
  dialer: ['Recent calls', 'Recents', 'Zuletzt', 'Récents', 'Recientes', 'Call history'],
  crm: ['Recently viewed', 'Recent records', 'Zuletzt angesehen', 'Récents', 'Recientes'],
};

function recents(ctx: VariantContext): string | null {
  if (ctx.kind === 'mail') return null;
  const label = ctx.rng.pick(RECENT_LABELS[ctx.kind]);
  const people: Person[] = [ctx.other];
  for (let i = ctx.rng.int(2); i >= 0; i -= 1) people.push(someoneElse(ctx, people));
  const useOwn = ctx.rng.chance(0.5);
  const items = people.map((person) => {
    const own = useOwn ? fieldRowsFor(ctx, person) : [];
    return own.length > 0
      ? h(ctx.doc, 'li', {}, ...own, h(ctx.doc, 'time', {}, 'Yesterday'))
      : personItem(ctx, person, ctx.kind === 'crm');
  });
  const region = labelledRegion(ctx, ctx.rng.pick(['section', 'aside', 'nav']), label, [
    h(ctx.doc, 'ul', {}, ...items),
  ]);
  const where = placeRegion(ctx, region);
  return `"${label}" list of ${people.map((p) => p.name).join(', ')} ${where}`;
}

function hovercard(ctx: VariantContext): string | null {
  const person = ctx.other;
  const asTooltip = ctx.rng.chance(0.5);
  const label = ctx.rng.pick([
    'Contact preview',
    'Preview',
    'Vorschau',
    'Aperçu du contact',
    'Vista previa',
  ]);
  const card = h(
    ctx.doc,
    'div',
    asTooltip
      ? { role: 'tooltip', class: 'hovercard' }
      : { role: 'dialog', 'aria-label': label, class: 'popover' },
    h(ctx.doc, 'strong', {}, person.name),
    h(ctx.doc, 'div', {}, `${person.title ?? ''} at ${person.company ?? ''}`),
    h(ctx.doc, 'a', { href: `mailto:${person.email ?? ''}` }, person.email ?? ''),
    ' ',
    h(ctx.doc, 'a', { href: telOf(person.phone ?? '') }, person.phone ?? ''),
  );
  const where = ctx.rng.pick(['start', 'end', 'beside']);
  if (where === 'beside') placeRegion(ctx, card);
  else if (where === 'start') ctx.doc.body.prepend(card);
  else ctx.doc.body.append(card);
  return `${asTooltip ? 'tooltip' : `popover "${label}"`} with ${person.name} (${where})`;
}

function repBanner(ctx: VariantContext): string | null {
  const { rep } = ctx;
  let banner: Element;
  if (ctx.kind === 'dialer') {
    const caption = ctx.rng.pick([
      'Your number',
      'Calling from',
      'Ihre Nummer',
      'Votre numéro',
      'Tu número',
    ]);
    banner = h(
      ctx.doc,
      'div',
      { class: 'caller-id' },
      h(ctx.doc, 'span', {}, caption),
      ' ',
      ctx.rng.chance(0.5)
        ? h(ctx.doc, 'a', { href: telOf(rep.phone) }, rep.phone)
        : h(ctx.doc, 'strong', {}, rep.phone),
      ' ',
      h(ctx.doc, 'span', { class: 'agent-name' }, rep.name),
    );
  } else {
    banner = h(
      ctx.doc,
      'header',
      { role: 'banner', class: 'app-header' },
      h(ctx.doc, 'span', { class: 'avatar' }, 'RR'),
      h(ctx.doc, ctx.rng.pick(['h1', 'h2', 'strong']), { class: 'user-name' }, rep.name),
      ...(ctx.kind === 'mail' || ctx.rng.chance(0.5)
        ? [' ', h(ctx.doc, 'span', { class: 'user-email' }, rep.email)]
        : []),
    );
  }
  const first = ctx.rng.chance(0.7);
  const shell = shellOf(ctx.doc);
  if (first) shell.prepend(banner);
  else shell.append(banner);
  return `the rep's own ${ctx.kind === 'dialer' ? 'number' : 'name'} ${first ? 'on top' : 'at the end'}`;
}

/** Mail: a colleague at the rep's domain on Cc of a message, in the recipients' own markup. */
function cc(ctx: VariantContext): string | null {
  if (ctx.kind !== 'mail') return null;
  const domain = ctx.rep.email.split('@')[1] ?? 'sellerco.example';
  const colleague = someoneElse(ctx, [], domain);
  const first = colleague.name.split(' ')[0] ?? colleague.name;
  // Gmail: "to me, Sam" is a line of <span email name> recipients.
  const gmailLines = Array.from(ctx.doc.querySelectorAll('[email]'))
    .map((r) => r.parentElement)
    .filter((line): line is HTMLElement => !!line && /^to\b/i.test(cleanText(line.textContent)));
  // Outlook: a line labelled "To: Dana Kim" holding <span title=address>.
  const labelled = Array.from(ctx.doc.querySelectorAll('[aria-label]')).filter((el) =>
    /^to:/i.test(el.getAttribute('aria-label') ?? ''),
  );
  if (gmailLines.length > 0) {
    const line = ctx.rng.pick(gmailLines);
    const recipient = Array.from(line.querySelectorAll('[email]')).at(-1);
    if (!recipient) return null;
    const copy = recipient.cloneNode(false) as Element;
    for (const attr of Array.from(copy.attributes)) {
      if (attr.name === 'email' || attr.name === 'data-hovercard-id')
        copy.setAttribute(attr.name, colleague.email ?? '');
      if (attr.name === 'name') copy.setAttribute('name', colleague.name);
    }
    copy.textContent = first;
    line.append(ctx.doc.createTextNode(', cc: '), copy);
    return `Cc ${colleague.name} <${colleague.email}> on a Gmail recipients line`;
  }
  if (labelled.length > 0) {
    const line = ctx.rng.pick(labelled);
    const copy = line.cloneNode(true) as Element;
    copy.setAttribute('aria-label', `Cc: ${colleague.name}`);
    const people = Array.from(copy.querySelectorAll('[title]'));
    if (people.length === 0) return null;
    people.forEach((p, i) =>
      i === 0 ? p.setAttribute('title', colleague.email ?? '') : p.remove(),
    );
    if (people[0]) people[0].textContent = colleague.name;
    const lead = textNodes(copy)[0];
    if (lead) lead.data = lead.data.replace(/^(\s*)to:/i, '$1Cc:');
    line.after(copy);
    return `Cc ${colleague.name} <${colleague.email}> as a line of its own`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A hidden copy of another record.

const HIDINGS = [
  'hidden attribute',
  'display:none class',
  'display:none inline',
  'visibility:hidden',
  'aria-hidden region',
  'inert',
  'off-screen',
  'template',
] as const;

function hide(ctx: VariantContext, copy: Element, how: (typeof HIDINGS)[number]): Element {
  switch (how) {
    case 'hidden attribute':
      copy.setAttribute('hidden', '');
      return copy;
    case 'display:none class': {
      ctx.doc.head.appendChild(h(ctx.doc, 'style', {}, '.view--cached { display: none; }'));
      copy.classList.add('view--cached');
      return copy;
    }
    case 'display:none inline':
      copy.setAttribute('style', 'display: none');
      return copy;
    case 'visibility:hidden':
      copy.setAttribute('style', 'visibility: hidden');
      return copy;
    case 'aria-hidden region':
      copy.setAttribute('aria-hidden', 'true');
      return copy;
    case 'inert':
      copy.setAttribute('inert', '');
      return copy;
    case 'off-screen':
      copy.setAttribute('style', 'position: absolute; left: -10000px; top: 0');
      return copy;
    case 'template': {
      const template = ctx.doc.createElement('template');
      (template as HTMLTemplateElement).content.append(...Array.from(copy.childNodes));
      return template;
    }
  }
}

const CONTENT = (el: Element): boolean => !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName);

// Attributes naming a record, thread or message: another record's copy has its own.
const RECORD_ID_ATTRIBUTE = /(^data-.*(id|thread|record)$)|(^data-legacy-)/i;

/** Gives a copy's record, thread and message ids (and links to them) other values. */
function otherIds(ctx: VariantContext, copy: Element): void {
  const changed = new Map<string, string>();
  const other = (id: string): string => {
    let next = changed.get(id);
    if (!next) {
      next = id.replace(/[0-9A-Za-z]{1,4}$/, (tail) =>
        [...tail]
          .map((ch) =>
            /\d/.test(ch)
              ? String((Number(ch) + 7) % 10)
              : ch === 'z'
                ? 'a'
                : String.fromCharCode(ch.charCodeAt(0) + 1),
          )
          .join(''),
      );
      changed.set(id, next);
    }
    return next;
  };
  for (const el of elementsIn(copy)) {
    for (const attr of Array.from(el.attributes)) {
      if (
        RECORD_ID_ATTRIBUTE.test(attr.name) &&
        /[0-9A-Za-z]{4}$/.test(attr.value) &&
        !attr.value.includes('@')
      )
        el.setAttribute(attr.name, other(attr.value));
    }
  }
  // Links to the record itself (its id in the URL) point to the other record.
  const recordId = ctx.expect && ctx.recordId;
  if (recordId && !recordId.includes('@') && !recordId.startsWith('+') && recordId.length >= 4) {
    const next = other(recordId);
    rewrite(copy, (text) => text.split(recordId).join(next));
  }
}

function hiddenCopy(ctx: VariantContext): string | null {
  const how = ctx.rng.pick(HIDINGS);
  const before = ctx.rng.chance(0.5);
  const shell = shellOf(ctx.doc);
  const copy = h(ctx.doc, 'div', { class: 'view' });
  let anchor: Element | undefined;
  let scope: string;
  if (ctx.expect) {
    const column = ctx.rng.chance(0.5) ? regionOf(ctx.doc, nameElement(ctx)) : undefined;
    const sources = column ? [column] : Array.from(shell.children).filter(CONTENT);
    for (const source of sources) copy.appendChild(source.cloneNode(true));
    swapPerson(copy, ctx.expect, ctx.other);
    if (mentions(copy, ctx.expect)) return null;
    anchor = column;
    scope = column ? "the record's column" : 'the whole app';
  } else {
    const donor = ctx.donor?.();
    if (!donor) return null;
    for (const source of Array.from(shellOf(donor.doc).children).filter(CONTENT))
      copy.appendChild(ctx.doc.importNode(source, true));
    swapPerson(copy, donor.person, ctx.other);
    if (mentions(copy, donor.person)) return null;
    scope = "another page's whole app";
  }
  for (const el of elementsIn(copy)) el.removeAttribute('id');
  otherIds(ctx, copy);
  const hidden = hide(ctx, copy, how);
  if (anchor) placeBeside(anchor, hidden, before);
  else if (before) shell.prepend(hidden);
  else shell.append(hidden);
  return `${scope} showing ${ctx.other.name}, ${how}, ${before ? 'before' : 'after'}`;
}

// ---------------------------------------------------------------------------------------------
// Structure.

const NO_WRAP = new Set(
  'HTML HEAD BODY LI DT DD TR TD TH TBODY THEAD TFOOT CAPTION COLGROUP COL OPTION OPTGROUP SUMMARY SCRIPT STYLE TEMPLATE TITLE META LINK BR LEGEND SOURCE'.split(
    ' ',
  ),
);
const NO_WRAP_PARENT = new Set(
  'UL OL DL TABLE TBODY THEAD TFOOT TR SELECT DETAILS HEAD HTML PICTURE MENU DATALIST'.split(' '),
);
const PAIRING_ROLES = new Set([
  'list',
  'listbox',
  'grid',
  'row',
  'table',
  'rowgroup',
  'tablist',
  'menu',
  'menubar',
  'tree',
  'treegrid',
  'radiogroup',
]);
const PHRASING_PARENT = /^(P|SPAN|A|BUTTON|LABEL|H[1-6]|STRONG|B|EM|I|SMALL|TIME)$/;
const INLINE = /^(A|SPAN|B|STRONG|EM|I|SMALL|BUTTON|LABEL|IMG|INPUT|TIME|ABBR|CODE)$/;

function wrap(ctx: VariantContext): string | null {
  const candidates = Array.from(ctx.doc.body.querySelectorAll('*')).filter((el) => {
    const parent = el.parentElement;
    if (!parent || NO_WRAP.has(el.tagName) || NO_WRAP_PARENT.has(parent.tagName)) return false;
    return !PAIRING_ROLES.has(parent.getAttribute('role') ?? '') && !el.closest('template');
  });
  if (candidates.length === 0) return null;
  const chosen = ctx.rng.sample(candidates, 1 + ctx.rng.int(4));
  for (const el of chosen) {
    const parent = el.parentElement;
    if (!parent) continue;
    const inline = INLINE.test(el.tagName) || PHRASING_PARENT.test(parent.tagName);
    const wrapper = ctx.doc.createElement(inline ? 'span' : 'div');
    if (ctx.rng.chance(0.6)) wrapper.setAttribute('class', `css-${ctx.rng.int(1e8).toString(36)}`);
    el.before(wrapper);
    wrapper.appendChild(el);
    // Now and then a second level (layout components nest).
    if (ctx.rng.chance(0.3)) {
      const outer = ctx.doc.createElement(wrapper.tagName.toLowerCase());
      wrapper.before(outer);
      outer.appendChild(wrapper);
    }
  }
  return `${chosen.length} wrapped (${chosen.map((el) => el.tagName.toLowerCase()).join(', ')})`;
}

const HASHES: readonly RegExp[] = [
  /^([A-Z][A-Za-z0-9]*_[A-Za-z0-9-]+__)([A-Za-z0-9_-]{5,})$/, // CSS modules
  /^(.+-sc-)([a-z0-9]{4,})$/i, // styled-components display name + hash
  /^(sc-)([A-Za-z0-9]{4,})$/, // styled-components id
  /^(css-)([a-z0-9]{5,})$/, // emotion
];

function newHash(rng: Rng, like: string): string {
  const alphabet = /[A-Z]/.test(like)
    ? 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
    : 'abcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  while (out.length < like.length) out += alphabet[rng.int(alphabet.length)];
  return out === like ? newHash(rng, like) : out;
}

function hashed(ctx: VariantContext): string | null {
  const renamed = new Map<string, string>();
  for (const el of Array.from(ctx.doc.querySelectorAll('[class]'))) {
    const classes = Array.from(el.classList).map((name) => {
      const known = renamed.get(name);
      if (known) return known;
      for (const pattern of HASHES) {
        const m = pattern.exec(name);
        if (m?.[1] && m[2]) {
          const next = `${m[1]}${newHash(ctx.rng, m[2])}`;
          renamed.set(name, next);
          return next;
        }
      }
      return name;
    });
    el.setAttribute('class', classes.join(' '));
  }
  if (renamed.size === 0) return null;
  for (const style of Array.from(ctx.doc.querySelectorAll('style'))) {
    let css = style.textContent ?? '';
    for (const [from, to] of renamed) css = css.split(`.${from}`).join(`.${to}`);
    style.textContent = css;
  }
  return `${renamed.size} hashed classes renamed`;
}

const REGION_TAGS = new Set([
  'DIV',
  'SECTION',
  'ASIDE',
  'NAV',
  'HEADER',
  'MAIN',
  'FOOTER',
  'FORM',
  'ARTICLE',
]);
const ORDERED_ROLES = new Set([
  'listitem',
  'option',
  'row',
  'tab',
  'menuitem',
  'treeitem',
  'heading',
]);

/** Whether a container's children are regions whose order carries no meaning. */
function shuffleable(container: Element): boolean {
  const kids = Array.from(container.children).filter(CONTENT);
  if (kids.length < 2 || PAIRING_ROLES.has(container.getAttribute('role') ?? '')) return false;
  return kids.every(
    (kid) =>
      REGION_TAGS.has(kid.tagName) &&
      kid.childElementCount > 0 &&
      !ORDERED_ROLES.has(kid.getAttribute('role') ?? '') &&
      !kid.hasAttribute('data-message-id') &&
      !kid.querySelector(':scope > [data-message-id]') &&
      !isCaption(kid.textContent ?? '') &&
      !norm(kid.textContent).startsWith('to '),
  );
}

function shuffle(ctx: VariantContext): string | null {
  const depthOf = (el: Element): number => {
    let depth = 0;
    for (let node = el.parentElement; node && node !== ctx.doc.body; node = node.parentElement)
      depth += 1;
    return depth;
  };
  const containers = [ctx.doc.body, ...Array.from(ctx.doc.body.querySelectorAll('*'))].filter(
    (el) => (el === ctx.doc.body || depthOf(el) <= 3) && shuffleable(el),
  );
  if (containers.length === 0) return null;
  const chosen = ctx.rng.sample(containers, 1 + ctx.rng.int(2));
  for (const container of chosen) {
    const kids = Array.from(container.children).filter(CONTENT);
    let order = ctx.rng.sample(kids, kids.length);
    if (order.every((kid, i) => kid === kids[i])) order = [...kids.slice(1), kids[0] as Element];
    for (const kid of order) container.appendChild(kid);
  }
  return `regions reordered in ${chosen.map((el) => el.tagName.toLowerCase()).join(', ')}`;
}

export const TRANSFORMS: Readonly<Record<TransformId, (ctx: VariantContext) => string | null>> = {
  caption,
  localised,
  association,
  recents,
  hovercard,
  'rep-banner': repBanner,
  cc,
  'hidden-copy': hiddenCopy,
  wrap,
  hashed,
  shuffle,
};

export { numbersIn, REP_NAME, REP_PHONE };
