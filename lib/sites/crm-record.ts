// Reading one CRM record page the way the rep reads it (Pipedrive, Zoho, LinkedIn): only what is
// shown, never a person from a region that holds other people (a related list, a hovercard, a
// "people also viewed" box, the rep's own menu), fields by caption in four languages, and the
// evidence of who the record is. Pure: reads only what it is given.
import type { DetectionEvidence, EvidenceSignal, PersonOnPage, PersonRole } from '../model';
import {
  ALL_CAPTIONS,
  CAPTIONED_MAX,
  type CaptionedField,
  captionKey,
  FIELD_CAPTIONS,
  withoutCaption,
} from './captions';
import {
  cleanEmail,
  cleanPhone,
  cleanText,
  emailsIn,
  evidenceOf,
  MAX_TEXT,
  meaningful,
  textOf,
} from './read-page';
import { isPlaceholderName, otherPersonRegion, roleOfLabel } from './roles';
import { isShown } from './visibility';
import { queryAll } from './live-scans';

// Regions named by their markup rather than their label: popovers and hovercards by class or
// tag, the app's own navigation (where the signed-in rep's name and menu sit).
const PREVIEW_MARKUP = /hover-?card|hoverable|popover|tooltip|quick-?view|peek|preview/i;
const APP_CHROME = 'header#global-nav, #global-nav, nav, [role="navigation"], [role="banner"]';

/**
 * The role of the region `el` sits in when it is not the record's own: a region labelled as
 * other people (see roles.ts, plus `extraWords`), a popover by its markup, or the app's chrome
 * ('colleague': the rep and their team). Undefined inside the record.
 */
export function regionOf(
  el: Element,
  boundary?: Element | null,
  extraWords?: RegExp,
): PersonRole | undefined {
  const labelled = otherPersonRegion(el, boundary);
  if (labelled) return labelled;
  for (let node: Element | null = el; node && node !== boundary; node = node.parentElement) {
    const marks = `${node.tagName} ${node.getAttribute('class') ?? ''}`;
    if (PREVIEW_MARKUP.test(marks)) return 'preview';
    // A region's own label: aria-label, its first heading, or the heading just before it
    // ("People (2)" above a list).
    const label = `${node.getAttribute('aria-label') ?? ''} ${firstHeading(node)}`;
    const before = node.previousElementSibling;
    const above = before && /^H[1-6]$/.test(before.tagName) ? rawTextOf(before) : '';
    const role = roleOfLabel(above);
    if (role) return role;
    if (extraWords?.test(`${label} ${above}`)) return roleOfLabel(label) ?? 'associated';
  }
  return el.closest(APP_CHROME) ? 'colleague' : undefined;
}

// Past this many characters a text is no caption, heading or name worth comparing.
const RAW_TEXT_MAX = 400;

/**
 * The raw text under `el` (hidden or not), walked without recursion and cut off after about
 * RAW_TEXT_MAX characters: a cheap first test, safe on pages thousands of elements deep.
 */
function rawTextOf(el: Element): string {
  let text = '';
  const stack: Node[] = [el];
  while (stack.length > 0 && text.length <= RAW_TEXT_MAX) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3 /* TEXT_NODE */) text += node.nodeValue ?? '';
    else if (
      node.nodeType === 1 &&
      !['SCRIPT', 'STYLE', 'TEMPLATE'].includes((node as Element).tagName)
    ) {
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Node);
    }
  }
  return text;
}

function firstHeading(node: Element): string {
  const heading = Array.from(node.children)
    .slice(0, 3)
    .find((c) => /^H[1-6]$/.test(c.tagName));
  return heading ? rawTextOf(heading) : '';
}

/** The popover or hovercard `el` sits in, by its markup: the outermost (its header and body
 *  are often marked too). */
function previewAround(el: Element): Element | null {
  let found: Element | null = null;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (PREVIEW_MARKUP.test(`${node.tagName} ${node.getAttribute('class') ?? ''}`)) found = node;
  }
  return found;
}

// How many look-alike names, captions or views are weighed before the first is taken, how many
// elements a selector finds are looked at, and how many links to other people.
const MAX_CANDIDATES = 12;
const MAX_EXAMINED = 40;
const MAX_LINKS = 40;

/** Whether `el` opens a region of other people: a tooltip, a popover by its markup, or a
 *  region whose label or first heading names one (roles.ts's words). */
function opensRegion(el: Element): boolean {
  if (el.getAttribute('role') === 'tooltip') return true;
  if (PREVIEW_MARKUP.test(`${el.tagName} ${el.getAttribute('class') ?? ''}`)) return true;
  return !!roleOfLabel(`${el.getAttribute('aria-label') ?? ''} ${firstHeading(el)}`);
}

const REGION_HINTS = '[role="tooltip"], [aria-label], [class], section, aside, ul, dl, div';

/** The text `el` shows for its own record: textOf without regions of other people inside it
 *  (a hovercard or an association card placed inside a value is not part of the value), cut at
 *  `max` (wider where a caption may lead it and is cut off afterwards). */
export function ownText(el: Element, max = MAX_TEXT): string {
  const text = textOf(el, undefined, max);
  if (!text) return text;
  // The outermost few regions inside: their text is cut out of the value's.
  const regions: Element[] = [];
  for (const node of Array.from(el.querySelectorAll(REGION_HINTS))) {
    if (regions.length >= 4) break;
    if (regions.some((r) => r.contains(node)) || !opensRegion(node)) continue;
    regions.push(node);
  }
  let rest = text;
  for (const region of regions) {
    const cut = textOf(region, undefined, max);
    if (cut) rest = rest.replace(cut, ' ');
  }
  return cleanText(rest, max);
}

/** Elements `selector` finds that the rep sees and that belong to the record itself: the first
 *  few (a page nesting thousands of look-alikes is not weighed to the end). */
export function recordOwn(
  root: ParentNode,
  selector: string,
  boundary?: Element | null,
  extraWords?: RegExp,
): Element[] {
  const own: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(selector)).slice(0, MAX_EXAMINED)) {
    if (own.length >= MAX_CANDIDATES) break;
    if (isShown(el) && !regionOf(el, boundary, extraWords)) own.push(el);
  }
  return own;
}

/** How an adapter tells the record's name from other names on the page. */
interface NameHints {
  /** The element the record lives in: regions are judged up to it. */
  boundary?: Element | null;
  /** Words naming regions of other people, beyond roles.ts's. */
  extraWords?: RegExp;
  /** The name the tab title gives: of several candidates, the one it confirms wins. */
  title?: string;
  /** Names of the signed-in rep (from the app's own menu): never the record's. */
  rep?: readonly string[];
}

/**
 * The record's name: among shown, own elements found by `selectors` (in order of trust), the
 * first that is not a placeholder, an address or the rep — preferring one the tab title confirms
 * when several are shown (a banner or a stray heading may come first).
 */
export function ownName(
  root: ParentNode,
  selectors: readonly string[],
  hints: NameHints = {},
): { name: string; el: Element } | undefined {
  const found: { name: string; el: Element }[] = [];
  const title = hints.title;
  // At most a few candidates: a page nesting thousands of look-alikes is not read to the end.
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector)).slice(0, MAX_EXAMINED)) {
      if (found.length >= MAX_CANDIDATES || (found.length > 0 && !title)) break;
      // After the first, only a name the title confirms can win: test that cheaply first.
      if (found.length > 0 && title && !namesAgree(cleanText(rawTextOf(el)), title)) continue;
      const name = meaningful(withoutCaption(ownText(el, CAPTIONED_MAX), 'name'));
      if (!name || isPlaceholderName(name) || cleanEmail(name)) continue;
      if (hints.rep?.some((rep) => rep.toLowerCase() === name.toLowerCase())) continue;
      if (regionOf(el, hints.boundary, hints.extraWords)) continue;
      found.push({ name, el });
    }
  }
  return (title && found.find((f) => namesAgree(f.name, title))) || found[0];
}

/** The signed-in rep's names as the app's own chrome shows them (`selectors`: text or alt). */
export function repNames(document: Document, selectors: string): string[] {
  return queryAll(document, selectors)
    .map((el) => meaningful(el.getAttribute('alt') ?? textOf(el)))
    .filter((name): name is string => !!name && !isPlaceholderName(name));
}

// A phone number inside other text: a run of dialling characters with 7 to 15 digits.
const PHONE_RUN = /\+?\(?\d[\d\s().\-/]{5,22}\d/g;

/** The first phone number in mixed text ("+1 415 555 0142 Work" → "+1 415 555 0142"). */
function phoneIn(text: string | undefined): string | undefined {
  for (const run of text?.match(PHONE_RUN) ?? []) {
    const digits = run.replace(/\D/g, '').length;
    const phone = digits >= 7 && digits <= 15 ? cleanPhone(run.trim()) : undefined;
    if (phone) return phone;
  }
  return undefined;
}

/** What a value of each kind is, read from the text of its field. */
export const ACCEPT = {
  email: (text: string) => cleanEmail(text) ?? emailsIn(text)[0],
  phone: (text: string) => cleanPhone(text) ?? phoneIn(text),
  text: (text: string) => meaningful(text),
} as const;

const CAPTION_ELEMENTS = 'label, dt, th, [role="rowheader"], span, div, p, td, strong, b';

/**
 * The value of a field captioned `field` (in four languages, plus `extra` captions) inside
 * `root`: a caption element followed by its value, or one element holding both ("Job title VP
 * Operations"). Only shown elements of the record itself; `accept` says what a value is.
 */
export function captionedField(
  root: ParentNode,
  field: CaptionedField,
  accept: (text: string) => string | undefined,
  options: {
    extra?: readonly string[];
    boundary?: Element | null;
    /** Whether an element belongs to the record (e.g. is in its view), when not all do. */
    belongs?: (el: Element) => boolean;
  } = {},
): string | undefined {
  const captions = new Set([...FIELD_CAPTIONS[field], ...(options.extra ?? []).map(captionKey)]);
  const own = (el: Element) =>
    (options.belongs?.(el) ?? true) && isShown(el) && !regionOf(el, options.boundary);
  let weighed = 0;
  for (const el of Array.from(root.querySelectorAll(CAPTION_ELEMENTS))) {
    if (weighed >= MAX_CANDIDATES) break;
    // Cheap tests on the raw text first: most elements are neither caption nor field.
    const raw = rawTextOf(el);
    if (raw.length > 300) continue;
    const flat = cleanText(raw);
    if (captions.has(captionKey(flat))) {
      weighed += 1;
      const value = own(el) ? valueBeside(el, captions, accept) : undefined;
      if (value) return value;
      continue;
    }
    // Caption and value in one element ("Job title VP Operations"): the element whose own
    // text (not a child's) starts with the caption.
    if (stripCaption(flat, captions) === undefined) continue;
    if (stripCaption(`${directText(el)} x`, captions) === undefined) continue;
    weighed += 1;
    const value = own(el)
      ? accept(cleanText(stripCaption(ownText(el, CAPTIONED_MAX), captions)))
      : undefined;
    if (value) return value;
  }
  return undefined;
}

/** The text of an element's own text nodes, not its children's. */
function directText(el: Element): string {
  const parts = Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3 /* TEXT_NODE */)
    .map((n) => n.nodeValue ?? '');
  return cleanText(parts.join(' '));
}

function stripCaption(text: string, captions: ReadonlySet<string>): string | undefined {
  const lower = text.toLowerCase();
  for (const caption of [...captions].sort((a, b) => b.length - a.length)) {
    if (!lower.startsWith(caption)) continue;
    const rest = text.slice(caption.length);
    if (!/^[\s:*]/u.test(rest)) continue;
    const value = rest.replace(/^[\s:*]+/u, '').trim();
    return value ? value : undefined;
  }
  return undefined;
}

/** What the caption's row shows besides it: its next sibling, else the nearest wrapper that
 *  shows something besides the caption (and no other caption): that wrapper is the row. */
function valueBeside(
  caption: Element,
  captions: ReadonlySet<string>,
  accept: (text: string) => string | undefined,
): string | undefined {
  // A wrapper around the caption's wrapper is a section, not a row: its sibling is no value.
  const wrapped = wrapperDepth(caption);
  const next = wrapped <= 1 ? caption.nextElementSibling : null;
  // A sibling of the caption's own kind is the next row, not this row's value.
  const besides = next && !sameKind(next, caption) ? meaningful(ownText(next)) : undefined;
  if (besides) return startsWithCaption(besides) ? undefined : accept(besides);
  // A row is at most two levels above the caption's text: a wrapper of the caption uses them up.
  let box = caption.parentElement;
  const levels = 2 - wrapped;
  for (let depth = 0; box && depth < levels; depth += 1, box = box.parentElement) {
    // Rows of the caption's kind in the wrapper: a list of fields, not this one's row.
    if (Array.from(box.children).some((c) => c !== caption && sameKind(c, caption))) break;
    // Another field's caption (or a second one of this field) in the wrapper: not one row.
    const others = Array.from(box.querySelectorAll(CAPTION_ELEMENTS)).filter(
      (c) => !caption.contains(c) && !c.contains(caption) && isAnyCaption(rawTextOf(c), captions),
    );
    if (others.length > 0) return undefined;
    const rest = meaningful(textAfter(caption, box));
    if (rest) return rest.length <= 300 ? accept(rest) : undefined;
  }
  return undefined;
}

/** What `box` shows after `caption` (a value follows its caption; what precedes is another's). */
function textAfter(caption: Element, box: Element): string {
  const parts: string[] = [];
  for (let node: Element | null = caption; node && node !== box; node = node.parentElement) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === 3 /* TEXT_NODE */) parts.push(next.nodeValue ?? '');
      else if (next.nodeType === 1 /* ELEMENT_NODE */ && !opensRegion(next as Element))
        parts.push(ownText(next as Element));
    }
  }
  return cleanText(parts.join(' '));
}

/** How many levels of wrappers `el` is around the element that holds its text. */
function wrapperDepth(el: Element): number {
  const text = cleanText(rawTextOf(el));
  let depth = 0;
  for (let node: Element = el; depth < 3; depth += 1) {
    const inner = Array.from(node.children).find((c) => cleanText(rawTextOf(c)) === text);
    if (!inner) break;
    node = inner;
  }
  return depth;
}

function sameKind(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && a.className === b.className;
}

function startsWithCaption(text: string): boolean {
  return withoutCaption(text) !== cleanText(text);
}

function isAnyCaption(text: string, own: ReadonlySet<string>): boolean {
  if (text.length > 60) return false;
  const key = captionKey(text);
  return own.has(key) || ALL_CAPTIONS.includes(key);
}

/** Whether two names are one person's: every word of the shorter is in the longer
 *  ("Mrs. Jane Doe" and "Jane Doe" agree; "Jane Doe" and "Sam Lee" do not). */
function namesAgree(a: string, b: string): boolean {
  const words = (s: string) =>
    (
      s
        .toLowerCase()
        .normalize('NFKC')
        .match(/[\p{L}\p{N}]+/gu) ?? []
    ).filter((w) => !/^(mr|mrs|ms|dr|prof|herr|frau|mme|mlle|m|sr|sra)$/.test(w));
  const [short, long] = [words(a), words(b)].sort((x, y) => x.length - y.length);
  if (!short || !long || short.length === 0) return false;
  const pool = new Set(long);
  return short.every((w) => pool.has(w));
}

/**
 * The evidence for a record page: its id in the URL, the name in the record's header, the tab
 * title when it names the same person (when it names another: unsure, with the doubt in the
 * rep's words), and fields read from the record.
 */
export function recordEvidence(parts: {
  name: string;
  header?: string;
  title?: string;
  fields: boolean;
  nameFromFields?: boolean;
}): DetectionEvidence {
  const signals: EvidenceSignal[] = ['record-url'];
  let doubt: string | undefined;
  if (parts.header) signals.push('record-header');
  if (parts.title) {
    if (namesAgree(parts.title, parts.name)) signals.push('page-title');
    else doubt = `The tab title names ${parts.title}, but the record shows ${parts.name}.`;
  }
  if (parts.fields || parts.nameFromFields) signals.push('fields');
  return evidenceOf(signals, doubt);
}

/**
 * People the page shows besides the subject, each with the role of their region: links to
 * other records (`personLink`, minus the subject's own `isSubject`), with the address or number
 * their entry shows. Only shown people; the rep's own menu is never one.
 */
export function peopleIn(
  root: Document | Element,
  personLink: string,
  isSubject: (link: Element) => boolean,
  extraWords?: RegExp,
): PersonOnPage[] {
  const people: PersonOnPage[] = [];
  for (const link of queryAll(root, personLink).slice(0, MAX_LINKS)) {
    if (!isShown(link) || isSubject(link)) continue;
    const role = regionOf(link, null, extraWords) ?? 'associated';
    if (role === 'colleague') continue;
    const name = meaningful(textOf(link));
    if (!name || isPlaceholderName(name) || cleanEmail(name)) continue;
    // The person's own entry in a list: one person link in it, else nothing more is theirs.
    const item =
      link.closest('li, tr, lyte-tr, [role="listitem"], [role="row"]') ??
      link.closest('[role="dialog"], [role="tooltip"]') ??
      previewAround(link);
    const entry = item && item.querySelectorAll(personLink).length === 1 ? item : null;
    if (people.some((p) => p.name.toLowerCase() === name.toLowerCase())) continue;
    const person: PersonOnPage = { name, role };
    const mail = entry?.querySelector('a[href^="mailto:"]')?.getAttribute('href');
    const email =
      cleanEmail(mail?.split('?')[0]) ?? (entry ? emailsIn(textOf(entry))[0] : undefined);
    const tel = entry?.querySelector('a[href^="tel:"]')?.getAttribute('href');
    const phone = cleanPhone(tel) ?? (entry ? phoneIn(textOf(entry)) : undefined);
    if (email) person.email = email;
    if (phone) person.phone = phone;
    people.push(person);
  }
  return people;
}
