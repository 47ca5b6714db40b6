// RingCentral app (https://app.ringcentral.com): the call in its floating dialer.
//
// Selectors come from RingCentral's own web app code and tests, published as Liko209/learngit
// (the "Jupiter" app served at app.ringcentral.com):
// - tests/e2e/testcafe/v2/page-models/AppRoot/HomePage/TelephonyDialog.ts: the dialer
//   `[data-test-automation-id="dialer-container"]` (older: `dialer-move-animation-container`), its
//   title bar `telephony-dialer-title` whose left part `telephony-dialer-title-left` holds the call
//   time, the header `telephony-dialer-header-name` / `telephony-dialer-header-phone`, the buttons
//   `telephony-end-btn`, `telephony-mute-btn`, `telephony-hold-btn` (aria-label "Hold the call" /
//   "Resume the call"), `telephony-record-btn`, and on an incoming call `telephony-answer-btn`,
//   `telephony-ignore-btn`, `telephony-voice-mail-btn`, `telephony-end-answer-btn`; the minimized
//   bar `telephony-minimized-view`;
// - the components that render them (JuiTitleBar: status, then the label, in the title's left
//   part; the dialer header: name, then the number only when there is one), and public
//   puppeteer scripts for the app (a `Selectors` enum with
//   `button[data-test-automation-id="telephony-end-btn"]`);
// - application/public/locales/en/translations.json: the accessible names "End call",
//   "Answer the call", "Ignore the call", "Send to voicemail", "Hold the call", and the stand-in
//   names "Unknown Caller" / "Unknown" shown when a number has no contact.
// Not in those sources: a post-call screen. The dialer closes when a call ends; the newer app may
// keep it open with a "Call ended" status in the title, which is what `ended` reads. Fixtures
// modelling these pages: tests/fixtures/ringcentral/.
import type { CallSnapshot, CallState, SiteAdapter } from './adapter';
import type { ContactSnapshot } from '../model';
import { buildSnapshot, cleanPhone, cleanText, meaningful, textOf } from './read-page';

const HOST = 'app.ringcentral.com';
const id = (name: string) => `[data-test-automation-id="${name}"]`;

/** Every selector this adapter reads, in order of trust, in one place. */
export const RINGCENTRAL_SELECTORS = {
  // The dialer holding the call; everything else is read inside it.
  dialer: [
    id('dialer-container'),
    id('dialer-move-animation-container'),
    id('telephony-minimized-view'),
  ],
  // Status and call time ("00:42"), or "Calling…", "Incoming Call", "Call ended".
  title: [id('telephony-dialer-title-left'), id('telephony-dialer-title'), '[role="timer"]'],
  name: [id('telephony-dialer-header-name')],
  phone: [id('telephony-dialer-header-phone'), 'a[href^="tel:"]'],
  hangUp: [id('telephony-end-btn')],
  answer: [id('telephony-answer-btn'), id('telephony-ignore-btn'), id('telephony-end-answer-btn')],
  controls: [id('telephony-mute-btn'), id('telephony-hold-btn'), id('telephony-record-btn')],
} as const;

/** The same controls by accessible name (English UI), should the automation ids go. */
export const RINGCENTRAL_LABELS = {
  hangUp: ['end call', 'hang up'],
  answer: ['answer the call', 'answer', 'ignore the call', 'send to voicemail'],
  controls: ['hold the call', 'resume the call', 'mute', 'unmute', 'record the call'],
} as const;

// A running or final call duration: "0:42", "04:12", "1:02:33".
const DURATION = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const RINGING = /^(calling|ringing|dialing|connecting|incoming call)\b/i;
const ENDED = /^(call ended|call completed|call finished|ended|hung up)\b/i;
// What the header shows in place of a name when the number has no contact.
const NO_NAME = /^(unknown( caller| callee| number)?|anonymous|private( number)?|restricted)$/i;

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

/** Each piece of text under `el` on its own: the title bar puts status and time side by side. */
function texts(el: Element): string[] {
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

function titleTexts(dialer: Element): string[] {
  const title = first(dialer, RINGCENTRAL_SELECTORS.title);
  return title ? texts(title) : [];
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

/** Name and number from the header; a number in the name slot is the number. */
function party(dialer: Element): Pick<CallSnapshot, 'name' | 'phone'> {
  const shownName = meaningful(textOf(first(dialer, RINGCENTRAL_SELECTORS.name)));
  let phone: string | undefined;
  for (const selector of RINGCENTRAL_SELECTORS.phone) {
    phone = phoneOf(dialer.querySelector(selector));
    if (phone) break;
  }
  const nameIsNumber = shownName ? cleanPhone(shownName) : undefined;
  const name = shownName && !nameIsNumber && !NO_NAME.test(shownName) ? shownName : undefined;
  const out: Pick<CallSnapshot, 'name' | 'phone'> = {};
  if (phone ?? nameIsNumber) out.phone = phone ?? nameIsNumber;
  if (name) out.name = name;
  return out;
}

function state(dialer: Element): CallState {
  const live =
    !!first(dialer, RINGCENTRAL_SELECTORS.hangUp) || !!labelled(dialer, RINGCENTRAL_LABELS.hangUp);
  const answer =
    !!first(dialer, RINGCENTRAL_SELECTORS.answer) || !!labelled(dialer, RINGCENTRAL_LABELS.answer);
  const title = titleTexts(dialer);
  if (!live && !answer && title.some((t) => ENDED.test(t))) return 'ended';
  if (answer && !title.some((t) => DURATION.test(t))) return 'ringing';
  if (title.some((t) => RINGING.test(t))) return 'ringing';
  if (title.some((t) => DURATION.test(t))) return 'active';
  if (live) return 'ringing';
  const controls =
    !!first(dialer, RINGCENTRAL_SELECTORS.controls) ||
    !!labelled(dialer, RINGCENTRAL_LABELS.controls);
  return controls ? 'active' : 'idle';
}

/** The call the dialer shows, or null when `url` is not the RingCentral app. */
export function ringcentralCall(document: Document, url: URL): CallSnapshot | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  const dialer = first(document, RINGCENTRAL_SELECTORS.dialer);
  const current = dialer ? state(dialer) : 'idle';
  if (!dialer || current === 'idle') return { state: 'idle' };
  return { state: current, ...party(dialer) };
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
    { site: 'ringcentral', recordId, url: url.href, name: call.name ?? call.phone },
    { phone: call.phone },
  );
}

export const ringcentral: SiteAdapter = {
  id: 'ringcentral',
  name: 'RingCentral',
  matches: [`https://${HOST}/*`],
  detect: (document, url) => contact(ringcentralCall(document, url), url),
  detectCall: ringcentralCall,
};
