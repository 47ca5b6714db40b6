// How JustCall's web dialer shows a call, and from which sources: tests/fixtures/justcall/SOURCES.md.
import type { CallSnapshot, CallState } from '../model';
import * as dial from './dialer-page';

const HOST = 'app.justcall.io';

/** Every selector this adapter reads, in order of trust, in one place. */
const JUSTCALL_SELECTORS = {
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
} as const;

/** Controls by accessible name (English UI, and the German, French and Spanish words). */
const JUSTCALL_LABELS = {
  hangUp: ['hang up', 'hangup', 'end call', 'end', 'auflegen', 'raccrocher', 'colgar'],
  answer: ['answer', 'answer call', 'accept', 'accept call', 'pick up', 'annehmen', 'répondre'],
  // Controls that work only once the other party picked up.
  connected: ['hold', 'unhold', 'resume', 'transfer', 'park', 'halten', 'transférer', 'transferir'],
} as const;

// Headings of the dialer itself, and stand-ins for a missing name: never the other party.
const NOT_A_NAME =
  /^(unknown( caller| number)?|anonymous|private( number)?|restricted|dialer|keypad|recent calls|contacts|notes|call (notes|summary|details)|disposition|unbekannt|inconnu|desconocido)$/iu;

function isJustCall(document: Document): boolean {
  return /\bjustcall\b/i.test(document.title) || !!dial.first(document, JUSTCALL_SELECTORS.brand);
}

/** The region showing the call, found from its first control, timer or disposition picker. */
function callView(document: Document): Element | null {
  const anchor =
    dial.labelled(document, JUSTCALL_LABELS.hangUp) ??
    dial.labelled(document, JUSTCALL_LABELS.answer) ??
    dial.first(document, [...JUSTCALL_SELECTORS.timer, ...JUSTCALL_SELECTORS.wrapUp]);
  return dial.regionAround(anchor, JUSTCALL_SELECTORS.view);
}

function party(view: Element): dial.PartyReading {
  return dial.looseParty(view, NOT_A_NAME);
}

function state(view: Element): CallState {
  const status = JUSTCALL_SELECTORS.status.flatMap((s) =>
    Array.from(view.querySelectorAll(s)).slice(0, dial.FEW).flatMap(dial.texts),
  );
  return dial.callState({
    live: !!dial.labelled(view, JUSTCALL_LABELS.hangUp),
    answer: !!dial.labelled(view, JUSTCALL_LABELS.answer),
    timer: dial.anyMatch(status, dial.DURATION) || dial.looseTexts(view, dial.DURATION).length > 0,
    ringing: dial.anyMatch(status, dial.RINGING),
    // Said so, or the disposition picker of the wrap-up step.
    ended: dial.anyMatch(status, dial.ENDED) || !!dial.first(view, JUSTCALL_SELECTORS.wrapUp),
    // Mute and the like say nothing on their own; Hold and Transfer work only once connected.
    controls: false,
    connected: dial.hasUsable(view, [], JUSTCALL_LABELS.connected),
  });
}

/** What the JustCall dialer shows, or null when `url` is not JustCall. */
function readJustCall(document: Document, url: URL): dial.CallReading | null {
  if (!dial.onDialer(url, HOST)) return null;
  const view = isJustCall(document) ? callView(document) : null;
  return dial.callReading(document, view, state, party, (v) => v);
}

/** The call the JustCall dialer shows, or null when `url` is not JustCall. */
export function justcallCall(document: Document, url: URL): CallSnapshot | null {
  return readJustCall(document, url)?.call ?? null;
}

export const justcall = dial.dialerAdapter(
  { id: 'justcall', name: 'JustCall', matches: [`https://${HOST}/*`] },
  readJustCall,
);
