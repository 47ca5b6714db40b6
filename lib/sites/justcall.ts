// JustCall web dialer (https://app.justcall.io/dialer): the call on screen.
//
// Public sources are thin here. What they establish:
// - the dialer is the page `https://app.justcall.io/dialer`, opened by CRM integrations with
//   `?numbers=<E.164>` (and `medium`, `metadata` for call logging), and embedded by JustCall's own
//   Dialer SDK (IFRAME_URL in its constants), whose events name the dialer's states:
//   `call-ringing`, `call-answered`, `call-ended`;
// - justcall.io/product/call-disposition and help articles on disposition codes: as soon as a
//   call ends the dialer prompts for a disposition (a picker, optional notes, Save).
// No public code reads the dialer's markup: no test ids or class names of its call screen were
// found. So this adapter reads only what the page must expose to anyone, in a region found by
// its controls: buttons by accessible name ("Hang up", "End call", "Answer", "Accept"),
// `[role="timer"]` or a lone "00:42" text, `[role="status"]` text ("Ringing…", "Call ended"), a
// disposition picker, the other party as a heading and a number (a tel: link or a text that is
// a whole number; never one inside a picker, a button or a list such as recent calls). Those
// signals are generic, so they count only on a page that names itself JustCall (title, or a
// labelled logo). Fixtures modelling these pages, with stand-in paths under /dialer for the
// harness: tests/fixtures/justcall/.
import type { CallSnapshot, CallState, SiteAdapter } from './adapter';
import type { ContactSnapshot } from '../model';
import { buildSnapshot, cleanPhone, cleanText, meaningful, textOf } from './read-page';

const HOST = 'app.justcall.io';

/** Every selector this adapter reads, in order of trust, in one place. */
export const JUSTCALL_SELECTORS = {
  brand: ['img[alt*="JustCall"]', '[aria-label*="JustCall"]'],
  // The region showing the call: the dialog or main region around its first control.
  view: ['[role="dialog"]', 'main', '[role="main"]'],
  timer: ['[role="timer"]'],
  status: ['[role="status"]', '[aria-live]', '[role="timer"]'],
  name: ['h1', 'h2', 'h3', '[role="heading"]'],
  phone: ['a[href^="tel:"]'],
  // The wrap-up step's disposition picker.
  wrapUp: [
    'select[name*="disposition"]',
    'select[id*="disposition"]',
    '[aria-label*="isposition"]',
  ],
  // Text here is never the other party's number or the call's time.
  notParty: 'select, option, input, textarea, button, li, table',
} as const;

/** Controls by accessible name (English UI). */
export const JUSTCALL_LABELS = {
  hangUp: ['hang up', 'hangup', 'end call', 'end'],
  answer: ['answer', 'answer call', 'accept', 'accept call', 'pick up'],
} as const;

// A running or final call duration: "0:42", "04:12", "1:02:33".
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const RINGING = /^(calling|ringing|dialing|connecting|incoming call)\b/i;
const ENDED = /^(call ended|call completed|call finished|ended|hung up|wrap[- ]?up)\b/i;
// Headings of the dialer itself, and stand-ins for a missing name: never the other party.
const NOT_A_NAME =
  /^(unknown( caller| number)?|anonymous|private( number)?|restricted|dialer|keypad|recent calls|contacts|notes|call (notes|summary|details)|disposition)$/i;

function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/** A button named (aria-label, title, else its text) one of `labels`. */
function labelled(root: ParentNode, labels: readonly string[]): Element | null {
  for (const el of Array.from(root.querySelectorAll('button, [role="button"]'))) {
    const name = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? textOf(el);
    if (labels.includes(cleanText(name).toLowerCase())) return el;
  }
  return null;
}

/** Each piece of text under `el` on its own. */
function texts(el: Element | null): string[] {
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

/** The texts of elements under `view` that stand alone: not in a picker, a button or a list. */
function looseTexts(view: Element): string[] {
  return Array.from(view.querySelectorAll('*'))
    .filter((el) => !el.closest(JUSTCALL_SELECTORS.notParty) && el.children.length === 0)
    .map((el) => textOf(el))
    .filter(Boolean);
}

function isJustCall(document: Document): boolean {
  return /\bjustcall\b/i.test(document.title) || !!first(document, JUSTCALL_SELECTORS.brand);
}

/** The region showing the call, found from its first control, timer or disposition picker. */
function callView(document: Document): Element | null {
  const anchor =
    labelled(document, JUSTCALL_LABELS.hangUp) ??
    labelled(document, JUSTCALL_LABELS.answer) ??
    first(document, [...JUSTCALL_SELECTORS.timer, ...JUSTCALL_SELECTORS.wrapUp]);
  if (!anchor) return null;
  for (const selector of JUSTCALL_SELECTORS.view) {
    const view = anchor.closest(selector);
    if (view) return view;
  }
  return document.body;
}

/** The number a tel: link shows or dials. */
function telOf(el: Element): string | undefined {
  let dialled: string | undefined;
  try {
    dialled = cleanPhone(decodeURIComponent(el.getAttribute('href') ?? ''));
  } catch {
    dialled = undefined;
  }
  return cleanPhone(textOf(el)) ?? dialled;
}

function party(view: Element): Pick<CallSnapshot, 'name' | 'phone'> {
  const headings = JUSTCALL_SELECTORS.name
    .flatMap((s) => Array.from(view.querySelectorAll(s)))
    .map((el) => meaningful(textOf(el)))
    .filter((t): t is string => !!t && !RINGING.test(t) && !ENDED.test(t));
  const name = headings.find((t) => !cleanPhone(t) && !NOT_A_NAME.test(t));
  const links = Array.from(view.querySelectorAll(JUSTCALL_SELECTORS.phone.join(', ')));
  const phone =
    links
      .filter((el) => !el.closest(JUSTCALL_SELECTORS.notParty))
      .map(telOf)
      .find(Boolean) ??
    headings.map((t) => cleanPhone(t)).find(Boolean) ??
    looseTexts(view)
      .map((t) => cleanPhone(t))
      .find(Boolean);
  const out: Pick<CallSnapshot, 'name' | 'phone'> = {};
  if (phone) out.phone = phone;
  if (name) out.name = name;
  return out;
}

function state(view: Element): CallState {
  const live = !!labelled(view, JUSTCALL_LABELS.hangUp);
  const answer = !!labelled(view, JUSTCALL_LABELS.answer);
  const status = JUSTCALL_SELECTORS.status.flatMap((s) =>
    Array.from(view.querySelectorAll(s)).flatMap(texts),
  );
  const timer = [...status, ...looseTexts(view)].some((t) => DURATION.test(t));
  if (!live && !answer) {
    if (status.some((t) => ENDED.test(t)) || first(view, JUSTCALL_SELECTORS.wrapUp)) return 'ended';
  }
  if (answer && !timer) return 'ringing';
  if (status.some((t) => RINGING.test(t))) return 'ringing';
  if (timer) return 'active';
  return live ? 'ringing' : 'idle';
}

/** The call the JustCall dialer shows, or null when `url` is not JustCall. */
export function justcallCall(document: Document, url: URL): CallSnapshot | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  const view = isJustCall(document) ? callView(document) : null;
  const current = view ? state(view) : 'idle';
  if (!view || current === 'idle') return { state: 'idle' };
  return { state: current, ...party(view) };
}

/** The number as one record: its digits, with the '+' when the dialer shows one. */
function phoneRecordId(phone: string): string | undefined {
  const main = phone.replace(/\s*(?:ext\.?|x|#)\s*\d+$/i, '').trim();
  const digits = main.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  return main.startsWith('+') ? `+${digits}` : digits;
}

function contact(call: CallSnapshot | null, url: URL): ContactSnapshot | null {
  if (!call || call.state === 'idle' || !call.phone) return null;
  const recordId = phoneRecordId(call.phone);
  if (!recordId) return null;
  return buildSnapshot(
    { site: 'justcall', recordId, url: url.href, name: call.name ?? call.phone },
    { phone: call.phone },
  );
}

export const justcall: SiteAdapter = {
  id: 'justcall',
  name: 'JustCall',
  matches: [`https://${HOST}/*`],
  detect: (document, url) => contact(justcallCall(document, url), url),
  detectCall: justcallCall,
};
