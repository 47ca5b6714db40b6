// Aircall phone web app (https://phone.aircall.io): the call on screen.
//
// Aircall tags its phone app for its own tests with `data-test` attributes; public test suites
// written against phone.aircall.io name them:
// - vikmaksymenko/qa-test tests/pages/phone/{ringing,ringing_incoming,incall}.py: the routes
//   `/ringing` and `/incall`, `[data-test='hangup-button']`, `[data-test='pickup-button']` (an
//   incoming call), `[data-test='participant-phone-number']`, `[data-test='contact-name']`, and the
//   call timer `[data-test='incall-header'] [data-test='paragraph-text']`;
// - AdamaOuedraogo/AIRCALL test-front/cypress/integration/pages/in-call/incallPage.js: the in-call
//   controls `[data-test=action-mute]` / `action-unmute` / `action-hold` / `action-unhold` /
//   `action-start-recording`, `transfer-button`, `tags-button`, `notes-button`, and the tag and
//   note panels' `tags-panel-done` / `notes-panel-done`;
// - Aircall support, "Mandatory Call Tagging": once a connected call ends the rep is asked to tag
//   it before the next one — the after-call screen `ended` reads.
// Thin in public sources: the after-call screen's own markers (read here as the header saying
// "Call ended", or the tag/note panel open with no call controls left) and the containers around
// the call (read as the dialog or main region around the call's markers; a number elsewhere on
// the page, e.g. in the contact list, is never the call's). Fixtures modelling these pages:
// tests/fixtures/aircall/.
import type { CallSnapshot, CallState, SiteAdapter } from './adapter';
import type { ContactSnapshot } from '../model';
import { buildSnapshot, cleanPhone, cleanText, meaningful, textOf } from './read-page';

const HOST = 'phone.aircall.io';
const test = (name: string) => `[data-test="${name}"]`;

/** Every selector this adapter reads, in order of trust, in one place. */
export const AIRCALL_SELECTORS = {
  // Any of these on the page means it shows a call; the call view is the region around the first.
  markers: [
    test('hangup-button'),
    test('pickup-button'),
    test('incall-header'),
    test('participant-phone-number'),
    test('action-mute'),
    test('action-unmute'),
  ],
  view: ['[role="dialog"]', 'main', '[role="main"]'],
  // Status and call time ("00:42", "Call ended").
  header: [test('incall-header'), '[role="timer"]'],
  name: [test('contact-name')],
  phone: [test('participant-phone-number'), 'a[href^="tel:"]'],
  hangUp: [test('hangup-button')],
  answer: [test('pickup-button')],
  controls: [
    test('action-mute'),
    test('action-unmute'),
    test('action-hold'),
    test('action-unhold'),
    test('transfer-button'),
  ],
  // Tagging or note-taking with no call left to control: the after-call screen.
  afterCall: [test('tags-panel-done'), test('notes-panel-done')],
} as const;

/** The same controls by accessible name (English UI), should the test ids go. */
export const AIRCALL_LABELS = {
  hangUp: ['hang up', 'hangup', 'end call'],
  answer: ['pick up', 'answer', 'accept'],
  controls: ['mute', 'unmute', 'hold', 'unhold', 'resume'],
} as const;

// A running or final call duration: "0:42", "04:12", "1:02:33".
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const RINGING = /^(calling|ringing|dialing|connecting|incoming call)\b/i;
const ENDED = /^(call ended|call completed|call finished|ended|hung up|wrap[- ]?up)\b/i;
// What the app shows in place of a name when the number has no contact.
const NO_NAME = /^(unknown( caller| number)?|anonymous|private( number)?|restricted)$/i;

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

/** Each piece of text under `el` on its own: a header puts status and time side by side. */
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

/** The number an element shows, else the one its tel: link dials. */
function phoneOf(el: Element | null): string | undefined {
  const href = el?.getAttribute('href') ?? '';
  let dialled: string | undefined;
  try {
    dialled = /^tel:/i.test(href) ? cleanPhone(decodeURIComponent(href)) : undefined;
  } catch {
    dialled = undefined;
  }
  return cleanPhone(textOf(el)) ?? dialled;
}

/** The region showing the call: the dialog or main region around its first marker. */
function callView(document: Document): Element | null {
  const marker = first(document, AIRCALL_SELECTORS.markers);
  if (!marker) return null;
  for (const selector of AIRCALL_SELECTORS.view) {
    const view = marker.closest(selector);
    if (view) return view;
  }
  return marker.ownerDocument.body;
}

/** Name and number; a number in the name slot is the number. */
function party(view: Element): Pick<CallSnapshot, 'name' | 'phone'> {
  const shownName = meaningful(textOf(first(view, AIRCALL_SELECTORS.name)));
  let phone: string | undefined;
  for (const selector of AIRCALL_SELECTORS.phone) {
    phone = phoneOf(view.querySelector(selector));
    if (phone) break;
  }
  const nameIsNumber = shownName ? cleanPhone(shownName) : undefined;
  const name = shownName && !nameIsNumber && !NO_NAME.test(shownName) ? shownName : undefined;
  const out: Pick<CallSnapshot, 'name' | 'phone'> = {};
  if (phone ?? nameIsNumber) out.phone = phone ?? nameIsNumber;
  if (name) out.name = name;
  return out;
}

function state(view: Element): CallState {
  const live = !!first(view, AIRCALL_SELECTORS.hangUp) || !!labelled(view, AIRCALL_LABELS.hangUp);
  const answer = !!first(view, AIRCALL_SELECTORS.answer) || !!labelled(view, AIRCALL_LABELS.answer);
  const header = AIRCALL_SELECTORS.header.flatMap((s) => texts(view.querySelector(s)));
  const timer = header.some((t) => DURATION.test(t));
  if (!live && !answer) {
    if (header.some((t) => ENDED.test(t)) || first(view, AIRCALL_SELECTORS.afterCall)) {
      return 'ended';
    }
  }
  if (answer && !timer) return 'ringing';
  if (header.some((t) => RINGING.test(t))) return 'ringing';
  if (timer) return 'active';
  if (live) return 'ringing';
  const controls =
    !!first(view, AIRCALL_SELECTORS.controls) || !!labelled(view, AIRCALL_LABELS.controls);
  return controls ? 'active' : 'idle';
}

/** The call the phone shows, or null when `url` is not the Aircall phone. */
export function aircallCall(document: Document, url: URL): CallSnapshot | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  const view = callView(document);
  const current = view ? state(view) : 'idle';
  if (!view || current === 'idle') return { state: 'idle' };
  return { state: current, ...party(view) };
}

/** The number as one record: its digits, with the '+' when the phone shows one. */
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
    { site: 'aircall', recordId, url: url.href, name: call.name ?? call.phone },
    { phone: call.phone },
  );
}

export const aircall: SiteAdapter = {
  id: 'aircall',
  name: 'Aircall',
  matches: [`https://${HOST}/*`],
  detect: (document, url) => contact(aircallCall(document, url), url),
  detectCall: aircallCall,
};
