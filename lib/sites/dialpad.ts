// Dialpad web app (https://dialpad.com/app): the call on screen.
//
// Dialpad builds its app with its own open-source design system, Dialtone; the components it
// made for the call screens, in dialpad/dialtone-vue, carry the markers read here:
// - recipes/leftbar/callbox/callbox.vue and its stories: the current call in the left bar,
//   `[data-qa="dt-recipe-callbox"]`, its title `dt-recipe-callbox--title` (the other party), its
//   subtitle `dt-recipe-callbox--subtitle-wrapper` (the running time, "06:01"), and icon buttons
//   on the right named by aria-label ("hang call", "toggle mic");
// - recipes/buttons/callbar_button/callbar_button.vue and the call-bar story: the in-call
//   controls, `.dt-recipe-callbar-button`, labelled Mute / Hold / Transfer / Park / Record, with
//   tooltips "Mute mic", "Place on hold", "Resume call";
// - recipes/list_items/contact_info/contact_info.vue (tests): `[data-qa="contact-info"]` with
//   `contact-info-header` (the name) and `contact-info-subtitle`.
// App URLs under /app (`/app/calls/new?to=…`, `/app/history/calls`) are as public integrations
// and scripts open them. Not in public sources: which of these the live call page composes, the
// labels of its hang-up and answer buttons beyond the stories, and the post-call screen (read
// here as a "Call ended" status in the callbox or a status region with no call controls left).
// Contact-info rows also list contacts elsewhere, so they are read only inside the call view.
// Fixtures modelling these pages: tests/fixtures/dialpad/.
import type { CallSnapshot, CallState, SiteAdapter } from './adapter';
import type { ContactSnapshot } from '../model';
import { buildSnapshot, cleanPhone, cleanText, meaningful, textOf } from './read-page';

const HOST = 'dialpad.com';
const qa = (name: string) => `[data-qa="${name}"]`;

/** Every selector this adapter reads, in order of trust, in one place. */
export const DIALPAD_SELECTORS = {
  callbox: [qa('dt-recipe-callbox')],
  callboxTitle: [qa('dt-recipe-callbox--title')],
  callboxStatus: [qa('dt-recipe-callbox--subtitle-wrapper')],
  // The call bar's buttons; the call view is the region around the first one.
  callbar: ['.dt-recipe-callbar-button', '.dt-recipe--callbar-button-with-popover--main-button'],
  callView: ['[role="dialog"]', 'main', '[role="main"]'],
  name: [qa('contact-info-header')],
  phone: [qa('contact-info-subtitle'), 'a[href^="tel:"]'],
  status: ['[role="status"]', '[role="timer"]'],
} as const;

/** Controls by accessible name (English UI): Dialtone buttons are labelled, not test-tagged. */
export const DIALPAD_LABELS = {
  hangUp: ['hang call', 'hang up', 'end call', 'hangup'],
  answer: ['answer', 'answer call', 'accept', 'accept call'],
  controls: ['mute', 'unmute', 'mute mic', 'unmute mic', 'hold', 'unhold', 'place on hold'],
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

/** Each piece of text under `el` on its own: a subtitle puts icons, status and time together. */
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

/** The number an element shows (whole, or one piece of it), else the one its tel: link dials. */
function phoneOf(el: Element | null): string | undefined {
  const href = el?.getAttribute('href') ?? '';
  let dialled: string | undefined;
  try {
    dialled = /^tel:/i.test(href) ? cleanPhone(decodeURIComponent(href)) : undefined;
  } catch {
    dialled = undefined;
  }
  const shown = texts(el)
    .map((t) => cleanPhone(t))
    .find(Boolean);
  return shown ?? dialled;
}

interface Regions {
  callbox: Element | null;
  callView: Element | null;
}

function regions(document: Document): Regions {
  const callbox = first(document, DIALPAD_SELECTORS.callbox);
  const button = first(document, DIALPAD_SELECTORS.callbar);
  let callView: Element | null = null;
  for (const selector of button ? DIALPAD_SELECTORS.callView : []) {
    callView = button?.closest(selector) ?? null;
    if (callView) break;
  }
  return { callbox, callView };
}

/** Name and number: the callbox names the other party, the call view adds the number. */
function party({ callbox, callView }: Regions): Pick<CallSnapshot, 'name' | 'phone'> {
  const shown = [
    meaningful(textOf(callbox && first(callbox, DIALPAD_SELECTORS.callboxTitle))),
    meaningful(textOf(callView && first(callView, DIALPAD_SELECTORS.name))),
  ].filter((t): t is string => !!t);
  const name = shown.find((t) => !cleanPhone(t) && !NO_NAME.test(t));
  // The call view's contact line first, then what the callbox shows beside its status.
  const sources: [Element | null, readonly string[]][] = [
    [callView, DIALPAD_SELECTORS.phone],
    [callbox, [...DIALPAD_SELECTORS.callboxStatus, ...DIALPAD_SELECTORS.phone]],
  ];
  let phone: string | undefined;
  for (const [root, selectors] of sources) {
    for (const selector of root ? selectors : []) {
      phone ??= phoneOf(root?.querySelector(selector) ?? null);
    }
  }
  phone ??= shown.map((t) => cleanPhone(t)).find(Boolean);
  const out: Pick<CallSnapshot, 'name' | 'phone'> = {};
  if (phone) out.phone = phone;
  if (name) out.name = name;
  return out;
}

function state({ callbox, callView }: Regions): CallState {
  const roots = [callbox, callView].filter((r): r is Element => !!r);
  const has = (labels: readonly string[]) => roots.some((r) => !!labelled(r, labels));
  const live = has(DIALPAD_LABELS.hangUp);
  const answer = has(DIALPAD_LABELS.answer);
  const status = [
    ...texts(callbox && first(callbox, DIALPAD_SELECTORS.callboxStatus)),
    ...DIALPAD_SELECTORS.status.flatMap((s) => texts(callView?.querySelector(s) ?? null)),
  ];
  const timer = status.some((t) => DURATION.test(t));
  if (!live && !answer && status.some((t) => ENDED.test(t))) return 'ended';
  if (answer && !timer) return 'ringing';
  if (status.some((t) => RINGING.test(t))) return 'ringing';
  if (timer) return 'active';
  if (live) return 'ringing';
  return callView || has(DIALPAD_LABELS.controls) ? 'active' : 'idle';
}

/** The call Dialpad shows, or null when `url` is not the Dialpad web app. */
export function dialpadCall(document: Document, url: URL): CallSnapshot | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  if (url.pathname !== '/app' && !url.pathname.startsWith('/app/')) return null;
  const found = regions(document);
  const current = found.callbox || found.callView ? state(found) : 'idle';
  if (current === 'idle') return { state: 'idle' };
  return { state: current, ...party(found) };
}

/** The number as one record: its digits, with the '+' when Dialpad shows one. */
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
    { site: 'dialpad', recordId, url: url.href, name: call.name ?? call.phone },
    { phone: call.phone },
  );
}

export const dialpad: SiteAdapter = {
  id: 'dialpad',
  name: 'Dialpad',
  matches: [`https://${HOST}/app/*`],
  detect: (document, url) => contact(dialpadCall(document, url), url),
  detectCall: dialpadCall,
};
