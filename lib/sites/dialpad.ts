// How Dialpad's web app shows a call, and from which sources: tests/fixtures/dialpad/SOURCES.md.
import type { CallSnapshot, CallState } from '../model';
import * as dial from './dialer-page';
import { samePhone } from './dialer-people';
import { cleanPhone, meaningful, textOf } from './read-page';

const HOST = 'dialpad.com';
const qa = (name: string) => `[data-qa="${name}"]`;

/** Every selector this adapter reads, in order of trust, in one place. */
const DIALPAD_SELECTORS = {
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
const DIALPAD_LABELS = {
  hangUp: ['hang call', 'hang up', 'end call', 'hangup', 'auflegen', 'raccrocher', 'colgar'],
  answer: ['answer', 'answer call', 'accept', 'accept call', 'annehmen', 'répondre', 'contestar'],
  controls: ['mute', 'unmute', 'mute mic', 'unmute mic', 'hold', 'unhold', 'place on hold'],
  // Controls that work only once the other party picked up (a disabled Hold while ringing out
  // says nothing).
  connected: [
    'hold',
    'unhold',
    'place on hold',
    'resume call',
    'transfer',
    'park',
    'record',
    'halten',
    'weiterleiten',
    'mettre en attente',
    'transférer',
    'en espera',
    'transferir',
  ],
} as const;

/** The number an element shows (whole, or one piece of it), else the one its tel: link dials. */
function shownPhone(el: Element | null): string | undefined {
  for (const piece of dial.texts(el)) {
    const shown = cleanPhone(piece);
    if (shown) return shown;
  }
  return dial.dialledOf(el);
}

interface Regions {
  callbox: Element | null;
  callView: Element | null;
}

function regions(document: Document): Regions {
  const callbox = dial.first(document, DIALPAD_SELECTORS.callbox);
  // The region around the call bar; in the compact CTI-style layout, with no such region, the
  // page is the dialer.
  const callView = dial.regionAround(
    dial.first(document, DIALPAD_SELECTORS.callbar),
    DIALPAD_SELECTORS.callView,
  );
  return { callbox, callView };
}

/** Who one container shows: its name slot (a number there is the number), then its number. */
function shown(
  root: Element | null,
  nameSelectors: readonly string[],
  phoneSelectors: readonly string[],
): dial.Party {
  const title = meaningful(textOf(root && dial.partyFirst(root, nameSelectors)));
  const titleNumber = title ? cleanPhone(title) : undefined;
  return dial.partyOf(
    dial.phoneAt(root, phoneSelectors, shownPhone) ?? titleNumber,
    dial.nameIn(title),
  );
}

/** Both show one call: they agree on a name or number, and differ on none. */
function sameCall(a: dial.Party, b: dial.Party): boolean {
  const names = a.name && b.name ? [a.name === b.name] : [];
  const phones = a.phone && b.phone ? [samePhone(a.phone, b.phone)] : [];
  const checks = [...names, ...phones];
  return checks.length > 0 && checks.every(Boolean);
}

/** Both show one number under different names: the contact card and the call disagree. */
function namesDisagree(a: dial.Party, b: dial.Party): boolean {
  return (
    !!(a.phone && b.phone && samePhone(a.phone, b.phone) && a.name && b.name) && a.name !== b.name
  );
}

/**
 * Name and number, each container read on its own: the callbox (the call on, in the left bar)
 * and the call view. Joined only when both show the same call; otherwise the callbox alone, as
 * a view left open from another call must never lend it a number (fewer fields, not mixed).
 * One number under two names leaves a doubt.
 */
function party({ callbox, callView }: Regions): dial.PartyReading {
  const box = shown(callbox, DIALPAD_SELECTORS.callboxTitle, [
    ...DIALPAD_SELECTORS.callboxStatus,
    ...DIALPAD_SELECTORS.phone,
  ]);
  const view = shown(callView, DIALPAD_SELECTORS.name, DIALPAD_SELECTORS.phone);
  const empty = (p: dial.Party) => !p.name && !p.phone;
  if (empty(box)) return view;
  if (namesDisagree(box, view)) {
    const doubt = `The call shows ${box.name ?? ''} but the contact card for ${box.phone ?? ''} shows ${view.name ?? ''}.`;
    return { ...box, doubt };
  }
  if (empty(view) || !sameCall(box, view)) return box;
  return dial.partyOf(view.phone ?? box.phone, box.name ?? view.name);
}

function state({ callbox, callView }: Regions): CallState {
  const roots = [callbox, callView].filter((r): r is Element => !!r);
  const has = (labels: readonly string[]) => roots.some((r) => !!dial.labelled(r, labels));
  const status = [
    ...dial.texts(callbox && dial.first(callbox, DIALPAD_SELECTORS.callboxStatus)),
    ...dial.textsAt(callView, DIALPAD_SELECTORS.status),
  ];
  return dial.callState({
    live: has(DIALPAD_LABELS.hangUp),
    answer: has(DIALPAD_LABELS.answer),
    timer: dial.anyMatch(status, dial.DURATION),
    ringing: dial.anyMatch(status, dial.RINGING),
    ended: dial.anyMatch(status, dial.ENDED),
    // The call bar shows only during a call.
    controls: !!callView || has(DIALPAD_LABELS.controls),
    connected: roots.some((r) => dial.hasUsable(r, [], DIALPAD_LABELS.connected)),
  });
}

/** What the Dialpad web app shows, or null when `url` is not it. */
function readDialpad(document: Document, url: URL): dial.CallReading | null {
  if (!dial.onDialer(url, HOST, '/app')) return null;
  const found = regions(document);
  return dial.callReading(
    document,
    found.callbox || found.callView ? found : null,
    state,
    party,
    (r) => r.callView ?? r.callbox,
  );
}

/** The call Dialpad shows, or null when `url` is not the Dialpad web app. */
export function dialpadCall(document: Document, url: URL): CallSnapshot | null {
  return readDialpad(document, url)?.call ?? null;
}

export const dialpad = dial.dialerAdapter(
  {
    id: 'dialpad',
    name: 'Dialpad',
    // The bare /app (with or without a query) as well as the pages under it.
    matches: [`https://${HOST}/app`, `https://${HOST}/app?*`, `https://${HOST}/app/*`],
  },
  readDialpad,
);
