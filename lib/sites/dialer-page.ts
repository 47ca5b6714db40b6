// Reading a call off a web dialer's page, shared by the dialer adapters (Aircall, Dialpad,
// JustCall, RingCentral). Each adapter keeps its own selectors, labels and sources; the rules
// here are the ones every dialer page follows. All of them are pure: they read only what they
// are given.
import type { CallSnapshot, CallState, SiteAdapter } from './adapter';
import type { ContactSnapshot, SiteId } from '../model';
import { matchesPattern } from './match-pattern';
import { buildSnapshot, cleanPhone, cleanText, meaningful, textOf } from './read-page';

/** The other party as a dialer shows them. */
export type Party = Pick<CallSnapshot, 'name' | 'phone'>;

// A running or final call duration: "0:42", "04:12", "1:02:33" — a connected call shows one.
export const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
// What a dialer's status says before the other party picks up.
export const RINGING = /^(calling|ringing|dialing|connecting|incoming call)\b/i;
// What a dialer's status says once the call is over, wrap-up (tagging, notes) included.
export const ENDED = /^(call ended|call completed|call finished|ended|hung up|wrap[- ]?up)\b/i;
// What a dialer shows in place of a name when the number has no contact.
export const NO_NAME = /^(unknown( caller| number)?|anonymous|private( number)?|restricted)$/i;

/** Whether `url` is the dialer's app (https, `host`, under `path`): no other page is read. */
export function onDialer(url: URL, host: string, path?: string): boolean {
  if (url.protocol !== 'https:' || url.hostname !== host) return false;
  return !path || url.pathname === path || url.pathname.startsWith(`${path}/`);
}

/** The first element any of `selectors` finds, tried in order of trust. */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/** A button named (aria-label, title, else its text) one of `labels`: names outlive test ids. */
export function labelled(root: ParentNode, labels: readonly string[]): Element | null {
  for (const el of Array.from(root.querySelectorAll('button, [role="button"]'))) {
    const name = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? textOf(el);
    if (labels.includes(cleanText(name).toLowerCase())) return el;
  }
  return null;
}

/** Whether a control shows, by its selector or, should the ids go, by its accessible name. */
export function hasControl(
  root: ParentNode,
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
  return marker ? (closestOf(marker, selectors) ?? marker.ownerDocument.body) : null;
}

/** Each piece of text under `el` on its own: a status line puts state and time side by side. */
export function texts(el: Element | null): string[] {
  if (!el) return [];
  const out = [textOf(el)];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out.push(cleanText(child.nodeValue));
      else if (child.nodeType === 1) walk(child);
    }
  };
  walk(el);
  return out.filter(Boolean);
}

/** The pieces of text of each selector's first element under `root`: status may sit in several. */
export function textsAt(root: ParentNode | null, selectors: readonly string[]): string[] {
  return root ? selectors.flatMap((s) => texts(root.querySelector(s))) : [];
}

/** Whether any text matches `pattern`: one status piece is enough to tell the state. */
export function anyMatch(pieces: readonly string[], pattern: RegExp): boolean {
  return pieces.some((t) => pattern.test(t));
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

/** The number an element shows, else the one its tel: link dials: what is shown is what to log. */
export function phoneOf(el: Element | null): string | undefined {
  return cleanPhone(textOf(el)) ?? dialledOf(el);
}

/** The first number an element of `selectors` under `root` gives, tried in order of trust. */
export function phoneAt(
  root: ParentNode | null,
  selectors: readonly string[],
  read: (el: Element | null) => string | undefined = phoneOf,
): string | undefined {
  for (const selector of root ? selectors : []) {
    const phone = read(root?.querySelector(selector) ?? null);
    if (phone) return phone;
  }
  return undefined;
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
  const shownName = meaningful(textOf(first(root, nameSelectors)));
  const nameIsNumber = shownName ? cleanPhone(shownName) : undefined;
  const name = shownName && !nameIsNumber && !noName.test(shownName) ? shownName : undefined;
  return partyOf(phoneAt(root, phoneSelectors) ?? nameIsNumber, name);
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
}

/** The call's state from its signals, in one order of precedence so every dialer agrees. */
export function callState(s: CallSignals): CallState {
  if (!s.live && !s.answer && s.ended) return 'ended';
  // An answer button with no time yet: an incoming call.
  if (s.answer && !s.timer) return 'ringing';
  if (s.ringing) return 'ringing';
  if (s.timer) return 'active';
  // Hang-up but no time: still ringing out.
  if (s.live) return 'ringing';
  return s.controls ? 'active' : 'idle';
}

/** The call a region shows: idle when there is none or it shows no call, else state and party. */
export function callSnapshot<T>(
  view: T | null,
  stateOf: (view: T) => CallState,
  partyIn: (view: T) => Party,
): CallSnapshot {
  const current = view ? stateOf(view) : 'idle';
  if (!view || current === 'idle') return { state: 'idle' };
  return { state: current, ...partyIn(view) };
}

/** The number as one record: its digits, '+' when shown, so CRM and dialer share a contact. */
export function phoneRecordId(phone: string): string | undefined {
  const main = phone.replace(/\s*(?:ext\.?|x|#)\s*\d+$/i, '').trim();
  const digits = main.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  return main.startsWith('+') ? `+${digits}` : digits;
}

/** The contact on a call: only a call on or just ended with a number is someone to prepare for. */
export function callContact(
  site: SiteId,
  call: CallSnapshot | null,
  url: URL,
): ContactSnapshot | null {
  if (!call || call.state === 'idle' || !call.phone) return null;
  const recordId = phoneRecordId(call.phone);
  if (!recordId) return null;
  return buildSnapshot(
    { site, recordId, url: url.href, name: call.name ?? call.phone },
    { phone: call.phone },
  );
}

/** A dialer's adapter: the contact it detects is the one on the call it shows. */
export function dialerAdapter(
  site: Pick<SiteAdapter, 'id' | 'name' | 'matches'>,
  detectCall: (document: Document, url: URL) => CallSnapshot | null,
): SiteAdapter {
  return {
    ...site,
    detect: (document, url) => callContact(site.id, detectCall(document, url), url),
    detectCall,
    // The contact is the call's, wherever in the app the rep goes; the page says when it ends.
    recordOf: (url) => (site.matches.some((p) => matchesPattern(p, url)) ? url.origin : null),
  };
}
