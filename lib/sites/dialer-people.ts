// Who is who on a web dialer's page: the other party on the call, the rep's own line (the number
// the call goes out from, the signed-in user in the app's header) and the people in a recent-calls
// list beside the call. Only the other party is the contact. Pure: reads only what it is given.
import type { PersonOnPage } from '../model';
import { digitsOf } from '../model/clean-text';
import { cleanPhone, cleanText, meaningful, textOf } from './read-page';
import { isPlaceholderName, otherPersonRegion } from './roles';
import { hidesItself, isShown } from './visibility';
import { bySelector, labelledIn, scanBy, type ScanRule } from './live-scans';

// Captions of the rep's own line, in English, German, French and Spanish. Bare "from"/"von"/
// "de" are left out (an incoming call's screen says "From" of the caller), and so is a bare
// "via" (a caller may be "Via Rail").
const OWN_WORDS = [
  'calling from',
  'call from my',
  'calling as',
  'calling via',
  'your (number|line|caller id|phone number)',
  'my (number|line|caller id|phone number)',
  'caller id',
  '(outbound|outgoing) (number|line|caller id)',
  '(signed|logged) in as',
  // German
  'anrufen (von|über|als)',
  'anruf über',
  'ihre (nummer|rufnummer|leitung)',
  'meine (nummer|rufnummer|leitung)',
  'rufnummernanzeige',
  'ausgehende (nummer|rufnummer|leitung)',
  'angemeldet als',
  // French
  'appeler (depuis|avec|en tant que)',
  'appel depuis',
  'votre (numéro|ligne)',
  'mon (numéro|ligne)',
  'numéro (affiché|sortant|d.appel)',
  'identifiant (de l.appelant|d.appelant)',
  'connecté en tant que',
  // Spanish
  'llamar (desde|como)',
  'llamando desde',
  '(tu|su|mi) (número|línea)',
  'identificador de llamada',
  'número (saliente|de salida)',
  'sesión iniciada como',
  'conectado como',
].join('|');
// The caption alone ("Calling from"), or leading its value ("Calling from +1 415 555 0100").
const OWN_CAPTION = new RegExp(`^(${OWN_WORDS})\\s*:?$`, 'iu');
const OWN_LEADING = new RegExp(`^(${OWN_WORDS})\\b\\s*:?\\s*(\\S.*)$`, 'iu');
// A user menu names the signed-in rep.
const USER_MENU =
  /\b((account|profile|user) menu|my (account|profile)|your (account|profile)|mein (konto|profil)|mon (compte|profil)|mi (cuenta|perfil))\b/iu;
// Regions a banner may sit in without being the app's own header.
const SECTIONING =
  'main, article, aside, nav, section, [role="main"], [role="dialog"], [role="region"]';

/** Whether `el` is the app's banner (the header with the signed-in rep), not a section's header. */
function isBanner(el: Element): boolean {
  if (el.getAttribute('role') === 'banner') return true;
  return el.tagName === 'HEADER' && !el.parentElement?.closest(SECTIONING);
}

/** The text `el` holds itself, not in its child elements ("Calling from" in
 *  "Calling from <b>+1 415…</b>"): cheap on any page, however deep. */
function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 3) text += child.nodeValue;
  // Most elements hold no text of their own: nothing to clean.
  return /\S/.test(text) ? cleanText(text, 120) : '';
}

/** Whether `el`'s own label, own leading text, or the caption just before it names the rep's
 *  own line. */
function captionsOwnLine(el: Element): boolean {
  const label = cleanText(
    `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`,
  );
  if (label && (OWN_CAPTION.test(label) || OWN_LEADING.test(label) || USER_MENU.test(label)))
    return true;
  const text = ownText(el);
  if (OWN_CAPTION.test(text) || OWN_LEADING.test(text)) return true;
  const before = el.previousElementSibling;
  return !!before && before.children.length === 0 && OWN_CAPTION.test(ownText(before));
}

/** Whether `el` itself (not its ancestors) starts the rep's own line: a banner, a user menu, or
 *  an own-line caption. */
function startsOwnLine(el: Element): boolean {
  return isBanner(el) || captionsOwnLine(el);
}

/**
 * Whether `el` shows the rep's own line: it sits in the app's banner or a user menu, or it (or
 * its parent) is captioned "Calling from", "Your number", "Caller ID", … — by a label, by a
 * caption just before it, or by leading text. Never looks above `boundary` (the call's view).
 */
function isOwnLine(el: Element, boundary?: Element | null): boolean {
  let depth = 0;
  for (let node: Element | null = el; node && node !== boundary; node = node.parentElement) {
    if (boundary && node.contains(boundary)) return false;
    if (isBanner(node) || USER_MENU.test(node.getAttribute('aria-label') ?? '')) return true;
    if (depth <= 1 && captionsOwnLine(node)) return true;
    depth += 1;
  }
  return false;
}

/** Whether `el` may show the other party: shown, not another person's region, not the rep's. */
export function isPartySlot(el: Element, boundary?: Element | null): boolean {
  return isShown(el) && !otherPersonRegion(el, boundary) && !isOwnLine(el, boundary);
}

const PARTY_WALK_LIMIT = 1500;

/**
 * Every element under `view` that may show the other party, in document order: the walk stops at
 * `skip` (pickers, buttons, lists), at another person's region and at the rep's own line. Each
 * element is looked at once, so a page 10,000 elements deep stays cheap; whether one shows is
 * for the caller to ask (isShown) of the few it reads, as styles are costly to compute.
 */
export function partyElements(view: Element, skip: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = Array.from(view.children).reverse();
  // A call's view is a few dozen elements; past this many it is a whole page, whose first part
  // (in document order) is where a dialer shows its call.
  while (stack.length > 0 && out.length < PARTY_WALK_LIMIT) {
    const el = stack.pop() as Element;
    if (el.matches(skip) || el.tagName === 'TEMPLATE') continue;
    if (otherPersonRegion(el, el.parentElement) || startsOwnLine(el)) continue;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i -= 1) stack.push(el.children[i] as Element);
  }
  return out;
}

/** One number, written nationally or with its country code ("(415) 555-0142", "+1 415…"). */
export function samePhone(a: string, b: string): boolean {
  const [short, long] = [a, b].map(digitsOf).sort((x, y) => x.length - y.length);
  return !!short && !!long && short.length >= 7 && long.endsWith(short);
}

// A number inside other text ("Sales UK · +44 20 3318 0000").
const PHONE_IN_TEXT = /\+?\d[\d\s().\-/]{4,}\d/;

/** What the page shows as the rep's own line: its numbers and names, and whether any shows. */
interface OwnLine {
  shown: boolean;
  /** A caption such as "Calling from" shows (a banner alone does not count). */
  captioned: boolean;
  phones: string[];
  names: string[];
}

/** Each leaf text under `el` the rep can see. */
function leafTexts(el: Element): string[] {
  const leaves = [el, ...Array.from(el.querySelectorAll('*'))].filter(
    (node) => node.children.length === 0,
  );
  return leaves.map((leaf) => textOf(leaf)).filter(Boolean);
}

/** The rep's own line as the page shows it: its banner outside the call's view `view`, and
 *  every own-line caption. */
export function ownLineOf(page: Document | Element, view?: Element | null): OwnLine {
  const out: OwnLine = { shown: false, captioned: false, phones: [], names: [] };
  const add = (text: string) => {
    const value = OWN_LEADING.exec(text)?.[2] ?? text;
    const phone = cleanPhone(value) ?? cleanPhone(PHONE_IN_TEXT.exec(value)?.[0]);
    if (phone) out.phones.push(phone);
    else if (meaningful(value) && !OWN_CAPTION.test(value) && value.length <= 60)
      out.names.push(value.toLowerCase());
  };
  const body = 'body' in page ? page.body : page;
  if (!body) return out;
  const outsideView = (el: Element) => !view || !(view.contains(el) || el.contains(view));
  for (const el of scanBy(BANNERS, body)) {
    if (!outsideView(el) || !isShown(el)) continue;
    out.shown = true;
    leafTexts(el).forEach(add);
  }
  // A caption is an element's own text ("Calling from" in "Calling from <b>+1…</b>", or a lone
  // "Your number" before its value): each text node is tested raw first, as most hold none, so a
  // page of thousands of elements costs one pass. A caption inside the call's view counts too.
  for (const el of scanBy(CAPTIONS, body)) {
    const own = ownText(el);
    const leading = OWN_LEADING.test(own);
    if (!leading && !OWN_CAPTION.test(own)) continue;
    if (!isShown(el)) continue;
    out.shown = true;
    out.captioned = true;
    if (leading && el.children.length === 0) add(textOf(el));
    else if (el.children.length > 0) leafTexts(el).forEach(add);
    else {
      const value = el.nextElementSibling ?? el.parentElement?.nextElementSibling;
      if (value) leafTexts(value).forEach(add);
    }
  }
  return out;
}

// The app's banners and user menus, the outermost only (one inside another is read with it):
// which elements they are depends on tags, roles and labels, which the page rarely changes;
// whether the rep sees them is asked at each reading.
const isOutermostBanner = (el: Element) =>
  (isBanner(el) || USER_MENU.test(el.getAttribute('aria-label') ?? '')) &&
  !el.parentElement?.closest('header, [role="banner"]');
export const BANNERS = bySelector(
  'header, [aria-label], [role="banner"]',
  ['role', 'aria-label'],
  isOutermostBanner,
);

// The first words of every own-line caption, for a cheap test of a raw text node.
const OWN_START = new RegExp(`^\\s*(${OWN_WORDS})`, 'iu');

/** Whether `text`, a text node's, may start an own-line caption. */
const mayCaption = (text: string) => text.length <= 400 && OWN_START.test(text);

/** The elements whose own text may be an own-line caption, once each, in document order. */
function captionCandidates(root: Document | Element): Element[] {
  const out = new Set<Element>();
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
    root,
    4 /* SHOW_TEXT */,
  );
  // The text is tested first: most nodes hold no caption, and each other property asked of a
  // node is one more call into the page.
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = mayCaption(node.nodeValue ?? '') && node.parentElement;
    if (parent) out.add(parent);
  }
  // A parent's caption may follow a child's: each in document order.
  return [...out].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

export const CAPTIONS: ScanRule = {
  attributes: [],
  byText: true,
  scan: captionCandidates,
  within: captionCandidates,
};

/** Whether a party's number or name is the rep's own. */
export function isOwn(own: OwnLine, phone: string | undefined, name?: string): boolean {
  if (phone && own.phones.some((p) => samePhone(p, phone))) return true;
  return !!name && own.names.includes(name.toLowerCase());
}

// What a list row shows besides a person: times, dates, call directions and results.
const NOT_A_PERSON =
  /^(\d{1,2}:\d{2}.*|\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?|.*\b(ago|am|pm|yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy)\b.*|(missed|incoming|outgoing|inbound|outbound|answered|voicemail|entgangen|eingehend|ausgehend|manqué|entrant|sortant|perdida|entrante|saliente)\b.*)$/iu;

/** Whether `text` could be a person's name in a list row. */
function nameLike(text: string): boolean {
  return (
    !!meaningful(text) &&
    !cleanPhone(text) &&
    !NOT_A_PERSON.test(text) &&
    !isPlaceholderName(text) &&
    text.length <= 80
  );
}

const ROWS = 'li, [role="listitem"], [role="row"], tr';

/** The h1–h6 under `root`: the engine keeps a list per tag, where a query naming six tags
 *  tests each of a page's thousands of elements six times. */
function headingsIn(root: Element): Element[] {
  return ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].flatMap((tag) =>
    Array.from(root.getElementsByTagName(tag)),
  );
}

/** The people a recent-calls list shows (role 'recent'): never the caller, listed beside them. */
export function recentPeople(document: Document): PersonOnPage[] {
  const body = document.body;
  if (!body) return [];
  // Regions are found by their own label (an attribute, or a heading among their first
  // children), once each; rows are read inside the outermost ones.
  const labelled = [
    ...labelledIn(body).filter((el) =>
      el.matches('[aria-label], [aria-labelledby], [title], [role="tooltip"], [role="heading"]'),
    ),
    ...headingsIn(body),
  ];
  const candidates = new Set<Element>();
  for (const el of labelled) {
    const heading = /^H[1-6]$/.test(el.tagName) || el.getAttribute('role') === 'heading';
    const region = heading ? el.parentElement : el;
    if (region && region !== body.parentElement) candidates.add(region);
  }
  const regions = Array.from(candidates)
    .filter((el) => otherPersonRegion(el, el.parentElement) === 'recent')
    // Document order, as the page lists them.
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  const outermost = regions.filter((r) => !regions.some((o) => o !== r && o.contains(r)));
  const out: PersonOnPage[] = [];
  for (const region of outermost) {
    if (!isShown(region)) continue;
    // Rows by their role, else (a list drawn with plain boxes) each child but its heading.
    const listed = Array.from(region.querySelectorAll(ROWS));
    const rows =
      listed.length > 0
        ? listed
        : Array.from(region.children).filter(
            (el) => !el.matches('h1, h2, h3, h4, [role="heading"]'),
          );
    for (const row of rows) {
      if (row.parentElement?.closest(ROWS) && region.contains(row.parentElement.closest(ROWS)))
        continue;
      const person = personInRow(row);
      if (person) out.push(person);
    }
  }
  return out;
}

/** Each run of text under `el` the rep can see, on its own ("Aiko Tanaka", "+81 3-5550-1234"). */
function textPieces(el: Element): string[] {
  const out: string[] = [];
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) out.push(cleanText(child.nodeValue));
    else if (child.nodeType === 1 && !hidesItself(child as Element))
      out.push(...textPieces(child as Element));
  }
  return out.filter(Boolean);
}

/** Who one list row shows: a name and a number, or the number alone as the name. */
function personInRow(row: Element): PersonOnPage | undefined {
  if (hidesItself(row)) return undefined;
  const texts = textPieces(row);
  const link = row.querySelector('a[href^="tel:"]');
  const phone = texts.map((t) => cleanPhone(t)).find(Boolean) ?? dialledOf(link);
  const name = texts.find(nameLike) ?? phone;
  return name ? { name, ...(phone ? { phone } : {}), role: 'recent' } : undefined;
}

/** The number `el` dials when it is a tel: link: its text may be a name, its href is the number. */
export function dialledOf(el: Element | null): string | undefined {
  const href = el?.getAttribute('href') ?? '';
  try {
    return /^tel:/i.test(href) ? cleanPhone(decodeURIComponent(href)) : undefined;
  } catch {
    // A malformed %-escape is no number.
    return undefined;
  }
}
