// Reading a call off a web dialer's page, shared by the dialer adapters (Aircall, Dialpad,
// JustCall, RingCentral). Each adapter keeps its own selectors, labels and sources; the rules
// here are the ones every dialer page follows. All of them are pure: they read only what they
// are given.
import type { SiteAdapter } from './adapter';
import type { CallSnapshot, CallState } from '../model';
import type { ContactSnapshot, PersonOnPage, SiteId } from '../model';
import {
  dialledOf,
  isOwn,
  isPartySlot,
  ownLineOf,
  partyElements,
  recentPeople,
} from './dialer-people';
import {
  buildSnapshot,
  cleanPhone,
  cleanText,
  evidenceOf,
  meaningful,
  othersOf,
  textOf,
} from './read-page';
import { MOBILE_CAPTIONS, NAME_CAPTIONS, PHONE_CAPTIONS, withoutCaptionOf } from './captions';
import { isPlaceholderName } from './roles';
import { hidesItself, isShown } from './visibility';
import { buttonsIn } from './live-scans';

/** The other party as a dialer shows them. */
export type Party = Pick<CallSnapshot, 'name' | 'phone'>;

// A running or final call duration: "0:42", "04:12", "1:02:33" — a connected call shows one.
export const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
// What a dialer's status says before the other party picks up (en/de/fr/es). Not "Calling
// from …", "Calling as …": that is the rep's own line, shown all through the call.
export const RINGING =
  /^(calling|ringing|dialing|dialling|connecting|incoming call|wählt|wählen|klingelt|verbinden|verbindung wird hergestellt|eingehender anruf|anruf wird aufgebaut|appel sortant|sonnerie|numérotation|connexion|appel entrant|llamando|sonando|marcando|conectando|llamada entrante)(?![\p{L}\p{N}])(?!\s*(from|as|via|with|using|on|von|über|als|depuis|avec|desde|como)\b)/iu;
// What a dialer's status says once the call is over, wrap-up (tagging, notes) included.
export const ENDED =
  /^(call ended|call completed|call finished|ended|hung up|wrap[- ]?up|anruf beendet|beendet|appel terminé|terminé|llamada finalizada|llamada terminada|finalizada)(?![\p{L}\p{N}])/iu;
// What a dialer shows in place of a name when the number has no contact.
export const NO_NAME =
  /^(unknown( caller| number)?|anonymous|private( number)?|restricted|unbekannt(er anrufer)?|anonym|inconnu|numéro masqué|desconocido|número privado)$/iu;

/** Whether `url` is the dialer's app (https, `host`, under `path`): no other page is read. */
export function onDialer(url: URL, host: string, path?: string): boolean {
  if (url.protocol !== 'https:' || url.hostname !== host) return false;
  return !path || url.pathname === path || url.pathname.startsWith(`${path}/`);
}

/** The first element any of `selectors` finds that the rep can see (and that `keep` keeps),
 *  tried in order of trust: a hidden earlier call view is never read. */
export function first(
  root: ParentNode,
  selectors: readonly string[],
  keep: (el: Element) => boolean = () => true,
): Element | null {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (isShown(el) && keep(el)) return el;
    }
  }
  return null;
}

/** The first element of `selectors` under `root` that may show the other party: shown, not in a
 *  recents list, a hovercard or the rep's own line. */
export function partyFirst(root: Element, selectors: readonly string[]): Element | null {
  return first(root, selectors, (el) => isPartySlot(el, root));
}

/** A button's accessible name: aria-label, title, else its text (raw: whether it shows is
 *  asked only of a button whose name is wanted, as a page may hold thousands). */
function nameOf(el: Element): string {
  return cleanText(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent, 60);
}

/** A shown button named (aria-label, title, else its text) one of `labels`: names outlive test
 *  ids. */
export function labelled(root: Document | Element, labels: readonly string[]): Element | null {
  for (const el of buttonsIn(root)) {
    if (labels.includes(nameOf(el).toLowerCase()) && isShown(el)) return el;
  }
  return null;
}

/** Whether a control that works only on a connected call (hold, transfer, record, park) shows
 *  and can be used: a disabled Hold while ringing out says nothing. */
export function usable(el: Element | null): boolean {
  return (
    !!el &&
    !el.hasAttribute('disabled') &&
    el.getAttribute('aria-disabled') !== 'true' &&
    isShown(el)
  );
}

/** Whether a usable control shows, by selector or by accessible name. */
export function hasUsable(
  root: Document | Element,
  selectors: readonly string[],
  labels: readonly string[],
): boolean {
  const bySelector = selectors.some((s) => Array.from(root.querySelectorAll(s)).some(usable));
  if (bySelector) return true;
  return buttonsIn(root).some((el) => labels.includes(nameOf(el).toLowerCase()) && usable(el));
}

/** Whether a control shows, by its selector or, should the ids go, by its accessible name. */
export function hasControl(
  root: Document | Element,
  selectors: readonly string[],
  labels: readonly string[],
): boolean {
  return !!first(root, selectors) || !!labelled(root, labels);
}

/** The first of `selectors` (by trust, not nearness) that holds `el`: the call's region. */
export function closestOf(el: Element | null, selectors: readonly string[]): Element | null {
  for (const selector of el ? selectors : []) {
    const found = el?.closest(selector);
    if (found) return found;
  }
  return null;
}

/** The region around a call's marker, else the page: a number outside it is not the call's. */
export function regionAround(marker: Element | null, selectors: readonly string[]): Element | null {
  return marker ? (closestOf(marker, selectors) ?? pageOf(marker)) : null;
}

/** The body `el` is in, found by climbing (not `ownerDocument`, which a copied page may not
 *  update). */
function pageOf(el: Element): Element {
  let node = el;
  while (node.parentElement && node.tagName !== 'BODY') node = node.parentElement;
  return node;
}

/** Each piece of text under `el` the rep can see, on its own: a status line puts state and
 *  time side by side. */
export function texts(el: Element | null): string[] {
  if (!el || !isShown(el)) return [];
  const out = [textOf(el)];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push(cleanText(child.nodeValue));
      else if (child.nodeType === 1 && !hidesItself(child as Element)) walk(child);
    }
  };
  walk(el);
  return out.filter(Boolean);
}

/** The pieces of text of each selector's first element under `root`: status may sit in several. */
export function textsAt(root: ParentNode | null, selectors: readonly string[]): string[] {
  return root ? selectors.flatMap((s) => texts(first(root, [s]))) : [];
}

/** Whether any text matches `pattern`: one status piece is enough to tell the state. */
export function anyMatch(pieces: readonly string[], pattern: RegExp): boolean {
  return pieces.some((t) => pattern.test(t));
}

export { dialledOf } from './dialer-people';

/** The number an element shows, else the one its tel: link dials: what is shown is what to log. */
export function phoneOf(el: Element | null): string | undefined {
  return phoneIn(textOf(el)) ?? dialledOf(el);
}

/** The number a text is, its caption left out: a slot may hold its caption too ("Phone number
 *  +1 415…", "Telefon: …"). */
export function phoneIn(text: string | null | undefined): string | undefined {
  const shown = cleanText(text);
  return (
    cleanPhone(shown) ??
    cleanPhone(withoutCaptionOf(shown, PHONE_CAPTIONS)) ??
    cleanPhone(withoutCaptionOf(shown, MOBILE_CAPTIONS))
  );
}

/** The first number an element of `selectors` under `root` gives, tried in order of trust; never
 *  one in a recents list or the rep's own line. */
export function phoneAt(
  root: Element | null,
  selectors: readonly string[],
  read: (el: Element | null) => string | undefined = phoneOf,
): string | undefined {
  for (const selector of root ? selectors : []) {
    // A call shows its number among the first few matches; a page of thousands of links (a
    // timeline) is not read to the end.
    for (const el of Array.from(root?.querySelectorAll(selector) ?? []).slice(0, FEW)) {
      if (!root || !isPartySlot(el, root)) continue;
      const phone = read(el);
      if (phone) return phone;
    }
  }
  return undefined;
}

/** The name a name slot shows, or undefined for a number, a stand-in ("Unknown caller") or a
 *  heading ("Recent", "Zuletzt", "Loading…"). */
export function nameIn(text: string | undefined, noName: RegExp = NO_NAME): string | undefined {
  const shown = meaningful(text);
  if (!shown || cleanPhone(shown) || noName.test(shown) || isPlaceholderName(shown))
    return undefined;
  return shown;
}

/** A party with only the fields that have a value: never an `undefined` key. */
export function partyOf(phone: string | undefined, name: string | undefined): Party {
  const out: Party = {};
  if (phone) out.phone = phone;
  if (name) out.name = name;
  return out;
}

/** Name and number from a name slot and number slots: a number in the name slot is the number. */
export function slotParty(
  root: Element,
  nameSelectors: readonly string[],
  phoneSelectors: readonly string[],
  noName: RegExp,
): Party {
  const shownName = meaningful(
    withoutCaptionOf(textOf(partyFirst(root, nameSelectors)), NAME_CAPTIONS),
  );
  const nameIsNumber = shownName ? cleanPhone(shownName) : undefined;
  return partyOf(phoneAt(root, phoneSelectors) ?? nameIsNumber, nameIn(shownName, noName));
}

// Text here is never the other party's number or name: pickers, buttons, lists, tables.
const NOT_PARTY =
  'select, option, input, textarea, button, [role="button"], li, table, [role="listbox"], [role="option"]';
const HEADINGS = 'h1, h2, h3, [role="heading"]';
// How many headings, links or status lines of one kind are worth reading on one call view.
export const FEW = 12;

/** The texts of shown leaves under `view` that stand alone (may show the party) and match
 *  `pattern`. */
export function looseTexts(view: Element, pattern: RegExp): string[] {
  return partyElements(view, NOT_PARTY)
    .filter((el) => el.children.length === 0 && pattern.test(cleanText(el.textContent)))
    .filter(isShown)
    .map((el) => textOf(el))
    .filter(Boolean);
}

/**
 * The other party where a dialer marks no slots: its first heading that is a name (never a
 * status, a stand-in or a heading such as "Recent"), a tel: link, a heading or a lone text that is
 * a whole number — none inside a picker, a button, a list, a recents region or the rep's own line.
 * A page that captions the rep's own line without showing its number leaves a doubt.
 */
export function looseParty(view: Element, notName: RegExp = NO_NAME): PartyReading {
  const elements = partyElements(view, NOT_PARTY);
  // A call view shows a handful of headings; a page of thousands is not one to read them all.
  const headings = elements
    .filter((el) => el.matches(HEADINGS))
    .slice(0, FEW)
    .map((el) => meaningful(textOf(el)))
    .filter((t): t is string => !!t && !RINGING.test(t) && !ENDED.test(t));
  const name = headings.find((t) => !!nameIn(t, notName));
  const links = elements.filter((el) => el.matches('a[href^="tel:"]')).slice(0, FEW);
  const lone = elements.find(
    (el) => el.children.length === 0 && !!phoneIn(el.textContent) && isShown(el),
  );
  const phone =
    links.filter(isShown).map(phoneOf).find(Boolean) ??
    headings.map((t) => cleanPhone(t)).find(Boolean) ??
    phoneIn(textOf(lone));
  const own = ownLineOf(pageOf(view), view);
  const doubt =
    phone && own.captioned && own.phones.length === 0
      ? `The page shows your own line without its number, so ${phone} may be yours.`
      : undefined;
  return { ...partyOf(phone, name), ...(doubt ? { doubt } : {}) };
}

/** What a dialer page shows that tells the call's state. */
export interface CallSignals {
  /** A hang-up control. */
  live: boolean;
  /** An answer (or decline) control. */
  answer: boolean;
  /** A running call time. */
  timer: boolean;
  /** A status saying the call is ringing. */
  ringing: boolean;
  /** A status saying the call ended, or the after-call screen; counts only with no controls. */
  ended: boolean;
  /** In-call controls (mute, hold, …), or a call view that only shows during a call. */
  controls: boolean;
  /** A usable control that works only once the other party picked up (hold, transfer, record,
   *  park): the call is connected. */
  connected?: boolean;
}

/** The call's state from its signals, in one order of precedence so every dialer agrees. */
export function callState(s: CallSignals): CallState {
  if (!s.live && !s.answer && s.ended) return 'ended';
  // An answer button with no time yet: an incoming call.
  if (s.answer && !s.timer) return 'ringing';
  // Hold or transfer at hand, or a running time beside in-call controls: the other party picked
  // up, whatever a "Calling…" label left over from the ringing says.
  if (s.connected) return 'active';
  if (s.timer && s.controls) return 'active';
  if (s.ringing) return 'ringing';
  if (s.timer) return 'active';
  // Hang-up but no time: still ringing out.
  if (s.live) return 'ringing';
  return s.controls ? 'active' : 'idle';
}

/** What a dialer page shows: the call, a doubt about its party, and the people beside it. */
export interface CallReading {
  call: CallSnapshot;
  /** Why the party may be wrong, in the rep's words. */
  doubt?: string;
}

/** The other party as one container shows them, with a doubt when the page leaves one. */
export type PartyReading = Party & { doubt?: string };

/**
 * The call a region shows: idle when there is none or it shows no call, else state and party.
 * The rep's own number or name is never the party; a page showing the rep's own line with no
 * number to tell it apart leaves a doubt.
 */
export function callReading<T>(
  document: Document,
  view: T | null,
  stateOf: (view: T) => CallState,
  partyIn: (view: T) => PartyReading,
  viewElement?: (view: T) => Element | null,
): CallReading {
  const current = view ? stateOf(view) : 'idle';
  if (!view || current === 'idle') return { call: { state: 'idle' } };
  const { doubt, ...shown } = partyIn(view);
  const own = ownLineOf(document, viewElement?.(view));
  const phone = shown.phone && !isOwn(own, shown.phone) ? shown.phone : undefined;
  const name = shown.name && !isOwn(own, undefined, shown.name) ? shown.name : undefined;
  const reading: CallReading = { call: { state: current, ...partyOf(phone, name) } };
  if (doubt) reading.doubt = doubt;
  return reading;
}

/** The number as one record: its digits, '+' when shown, so CRM and dialer share a contact. */
export function phoneRecordId(phone: string): string | undefined {
  const main = phone.replace(/\s*(?:ext\.?|x|#)\s*\d+$/i, '').trim();
  const digits = main.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  return main.startsWith('+') ? `+${digits}` : digits;
}

/** The contact on a call: only a call on or just ended with a number is someone to prepare for.
 *  Its evidence: the dialer's own app and a call with a number; the people in a recent-calls
 *  list beside it are others, never the contact. */
export function callContact(
  site: SiteId,
  reading: CallReading | null,
  url: URL,
  others: PersonOnPage[] = [],
): ContactSnapshot | null {
  const call = reading?.call;
  if (!call || call.state === 'idle' || !call.phone) return null;
  const recordId = phoneRecordId(call.phone);
  if (!recordId) return null;
  const subject = { name: call.name ?? call.phone, phone: call.phone };
  return buildSnapshot(
    { site, recordId, url: url.href, name: subject.name },
    {
      phone: call.phone,
      evidence: evidenceOf(['record-url', 'call-party'], reading.doubt),
      others: othersOf(
        others.filter((p) => !p.phone || phoneRecordId(p.phone) !== recordId),
        subject,
      ),
    },
  );
}

/** A dialer's adapter: the contact it detects is the one on the call it shows. */
export function dialerAdapter(
  site: Pick<SiteAdapter, 'id' | 'name' | 'matches'>,
  readCall: (document: Document, url: URL) => CallReading | null,
): SiteAdapter {
  // The contact is the party of a call on or just ended, read with the call in one reading.
  const detectWithCall = (document: Document, url: URL) => {
    const reading = readCall(document, url);
    const call = reading?.call ?? null;
    const onCall = !!call?.phone && call.state !== 'idle';
    return {
      contact: onCall ? callContact(site.id, reading, url, recentPeople(document)) : null,
      call,
    };
  };
  return {
    ...site,
    detect: (document, url) => detectWithCall(document, url).contact,
    detectCall: (document, url) => detectWithCall(document, url).call,
    detectWithCall,
  };
}
