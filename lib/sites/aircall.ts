// How Aircall's phone web app shows a call, and from which sources: tests/fixtures/aircall/SOURCES.md.
import type { CallSnapshot, CallState } from '../model';
import * as dial from './dialer-page';

const HOST = 'phone.aircall.io';
const WORKSPACE = 'workspace.aircall.io';
const test = (name: string) => `[data-test="${name}"]`;

/** Every selector this adapter reads, in order of trust, in one place. */
const AIRCALL_SELECTORS = {
  // Any of these on the page means it shows a call; the call view is the region around the first.
  markers: [
    test('hangup-button'),
    test('pickup-button'),
    test('incall-header'),
    test('participant-phone-number'),
    test('action-mute'),
    test('action-unmute'),
  ],
  // By accessible name and role, where the test ids are gone (Aircall Workspace).
  namedMarkers: ['[role="timer"]'],
  brand: ['img[alt*="Aircall" i]', '[aria-label*="Aircall" i]'],
  view: ['[role="dialog"]', 'main', '[role="main"]'],
  // Status and call time ("00:42", "Call ended").
  header: [test('incall-header'), '[role="timer"]', '[role="status"]'],
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
  // Controls that work only once the other party picked up.
  connected: [test('action-hold'), test('action-unhold'), test('transfer-button')],
  // Tagging or note-taking with no call left to control: the after-call screen.
  afterCall: [test('tags-panel-done'), test('notes-panel-done')],
} as const;

/** The same controls by accessible name (English UI), should the test ids go. */
const AIRCALL_LABELS = {
  hangUp: ['hang up', 'hangup', 'end call', 'auflegen', 'raccrocher', 'colgar'],
  answer: ['pick up', 'answer', 'accept', 'annehmen', 'répondre', 'contestar', 'responder'],
  controls: ['mute', 'unmute', 'hold', 'unhold', 'resume', 'stummschalten', 'halten', 'muet'],
  connected: [
    'hold',
    'unhold',
    'resume',
    'transfer',
    'halten',
    'weiterleiten',
    'mettre en attente',
    'transférer',
    'en espera',
    'transferir',
  ],
} as const;

/** Whether the page names itself Aircall: generic controls count only there. */
function isAircall(document: Document): boolean {
  return /\baircall\b/i.test(document.title) || !!dial.first(document, AIRCALL_SELECTORS.brand);
}

/** The region showing the call: the dialog or main region around its first marker (a test id,
 *  else, on a page that names itself Aircall, a hang-up button or a call timer). */
function callView(document: Document): Element | null {
  const marker =
    dial.first(document, AIRCALL_SELECTORS.markers) ??
    (isAircall(document)
      ? (dial.labelled(document, AIRCALL_LABELS.hangUp) ??
        dial.labelled(document, AIRCALL_LABELS.answer) ??
        dial.first(document, AIRCALL_SELECTORS.namedMarkers))
      : null);
  return dial.regionAround(marker, AIRCALL_SELECTORS.view);
}

function state(view: Element): CallState {
  const header = dial.textsAt(view, AIRCALL_SELECTORS.header);
  return dial.callState({
    live: dial.hasControl(view, AIRCALL_SELECTORS.hangUp, AIRCALL_LABELS.hangUp),
    answer: dial.hasControl(view, AIRCALL_SELECTORS.answer, AIRCALL_LABELS.answer),
    timer: dial.anyMatch(header, dial.DURATION),
    ringing: dial.anyMatch(header, dial.RINGING),
    // The header saying so, or the tag/note panel (read only once no call controls are left).
    ended: dial.anyMatch(header, dial.ENDED) || !!dial.first(view, AIRCALL_SELECTORS.afterCall),
    controls: dial.hasControl(view, AIRCALL_SELECTORS.controls, AIRCALL_LABELS.controls),
    connected: dial.hasUsable(view, AIRCALL_SELECTORS.connected, AIRCALL_LABELS.connected),
  });
}

/** Name and number from the phone's slots (a number in the name slot is the number), else,
 *  where the slots are gone (Workspace), from the call region's heading and number. */
function party(view: Element): dial.PartyReading {
  const slotted = dial.partyFirst(view, [
    ...AIRCALL_SELECTORS.name,
    test('participant-phone-number'),
  ]);
  // The phone app marks its slots: with them gone, what is left (the rep's own line, a list)
  // is no one's to guess. Only Workspace, which marks none, is read by its headings and links.
  if (!slotted) return view.querySelector('[data-test]') ? {} : dial.looseParty(view);
  return dial.slotParty(view, AIRCALL_SELECTORS.name, AIRCALL_SELECTORS.phone, dial.NO_NAME);
}

/** What the Aircall phone or Workspace shows, or null when `url` is neither. */
function readAircall(document: Document, url: URL): dial.CallReading | null {
  if (!dial.onDialer(url, HOST) && !dial.onDialer(url, WORKSPACE)) return null;
  return dial.callReading(document, callView(document), state, party, (view) => view);
}

/** The call the phone or Workspace shows, or null when `url` is neither. */
export function aircallCall(document: Document, url: URL): CallSnapshot | null {
  return readAircall(document, url)?.call ?? null;
}

export const aircall = dial.dialerAdapter(
  {
    id: 'aircall',
    name: 'Aircall',
    matches: [`https://${HOST}/*`, `https://${WORKSPACE}/*`],
  },
  readAircall,
);
