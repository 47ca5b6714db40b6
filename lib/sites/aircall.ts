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
import type { CallSnapshot, CallState } from './adapter';
import * as dial from './dialer-page';

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

/** The region showing the call: the dialog or main region around its first marker. */
function callView(document: Document): Element | null {
  return dial.regionAround(dial.first(document, AIRCALL_SELECTORS.markers), AIRCALL_SELECTORS.view);
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
  });
}

/** Name and number; a number in the name slot is the number. */
function party(view: Element): dial.Party {
  return dial.slotParty(view, AIRCALL_SELECTORS.name, AIRCALL_SELECTORS.phone, dial.NO_NAME);
}

/** The call the phone shows, or null when `url` is not the Aircall phone. */
export function aircallCall(document: Document, url: URL): CallSnapshot | null {
  if (!dial.onDialer(url, HOST)) return null;
  return dial.callSnapshot(callView(document), state, party);
}

export const aircall = dial.dialerAdapter(
  { id: 'aircall', name: 'Aircall', matches: [`https://${HOST}/*`] },
  aircallCall,
);
