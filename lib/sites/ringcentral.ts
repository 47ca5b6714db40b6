// How RingCentral's app and Embeddable show a call, and from which sources: tests/fixtures/ringcentral/SOURCES.md.
import type { CallSnapshot, CallState } from '../model';
import * as dial from './dialer-page';

const HOST = 'app.ringcentral.com';
const EMBEDDABLE = { host: 'apps.ringcentral.com', path: '/integration/ringcentral-embeddable' };
const id = (name: string) => `[data-test-automation-id="${name}"]`;
const sign = (name: string) => `[data-sign="${name}"]`;

/** Every selector this adapter reads, in order of trust, in one place. */
const RINGCENTRAL_SELECTORS = {
  // The dialer holding the call; everything else is read inside it.
  dialer: [
    id('dialer-container'),
    id('dialer-move-animation-container'),
    id('telephony-minimized-view'),
    sign('activeCallPanel'),
  ],
  // Status and call time ("00:42"), or "Calling…", "Incoming Call", "Call ended".
  title: [id('telephony-dialer-title-left'), id('telephony-dialer-title'), '[role="timer"]'],
  name: [id('telephony-dialer-header-name'), sign('currentName')],
  phone: [id('telephony-dialer-header-phone'), sign('userPhoneNumber'), 'a[href^="tel:"]'],
  hangUp: [id('telephony-end-btn'), sign('hangup')],
  answer: [id('telephony-answer-btn'), id('telephony-ignore-btn'), id('telephony-end-answer-btn')],
  controls: [
    id('telephony-mute-btn'),
    id('telephony-hold-btn'),
    id('telephony-record-btn'),
    sign('mute'),
    sign('unmute'),
    sign('hold'),
    sign('onHold'),
  ],
  // Controls that work only once the other party picked up.
  connected: [
    id('telephony-hold-btn'),
    id('telephony-record-btn'),
    sign('hold'),
    sign('onHold'),
    sign('transfer'),
    sign('park'),
  ],
} as const;

/** The same controls by accessible name (English UI), should the automation ids go. */
const RINGCENTRAL_LABELS = {
  hangUp: ['end call', 'hang up'],
  answer: ['answer the call', 'answer', 'ignore the call', 'send to voicemail'],
  controls: ['hold the call', 'resume the call', 'mute', 'unmute', 'record the call'],
  connected: ['hold the call', 'resume the call', 'record the call', 'transfer', 'park'],
} as const;

// Status once the call is over: the dialer closes, or keeps "Call ended" in its title (no wrap-up).
const ENDED =
  /^(call ended|call completed|call finished|ended|hung up|anruf beendet|appel terminé|llamada finalizada|llamada terminada)(?![\p{L}\p{N}])/iu;
// What the header shows in place of a name when the number has no contact.
const NO_NAME =
  /^(unknown( caller| callee| number)?|anonymous|private( number)?|restricted|unbekannt(er anrufer)?|inconnu|desconocido)$/iu;

/** Name and number from the header; a number in the name slot is the number. */
function party(dialer: Element): dial.Party {
  return dial.slotParty(dialer, RINGCENTRAL_SELECTORS.name, RINGCENTRAL_SELECTORS.phone, NO_NAME);
}

function state(dialer: Element): CallState {
  // The Embeddable's panel has no title bar: its pieces hold the running time.
  const bar = dial.first(dialer, RINGCENTRAL_SELECTORS.title);
  const title = dial.texts(bar ?? (dialer.matches(sign('activeCallPanel')) ? dialer : null));
  return dial.callState({
    live: dial.hasControl(dialer, RINGCENTRAL_SELECTORS.hangUp, RINGCENTRAL_LABELS.hangUp),
    answer: dial.hasControl(dialer, RINGCENTRAL_SELECTORS.answer, RINGCENTRAL_LABELS.answer),
    timer: dial.anyMatch(title, dial.DURATION),
    ringing: dial.anyMatch(title, dial.RINGING),
    ended: dial.anyMatch(title, ENDED),
    controls: dial.hasControl(dialer, RINGCENTRAL_SELECTORS.controls, RINGCENTRAL_LABELS.controls),
    connected: dial.hasUsable(
      dialer,
      RINGCENTRAL_SELECTORS.connected,
      RINGCENTRAL_LABELS.connected,
    ),
  });
}

/** What the RingCentral app or Embeddable shows, or null when `url` is neither. */
function readRingCentral(document: Document, url: URL): dial.CallReading | null {
  if (!dial.onDialer(url, HOST) && !dial.onDialer(url, EMBEDDABLE.host, EMBEDDABLE.path))
    return null;
  const dialer = dial.first(document, RINGCENTRAL_SELECTORS.dialer);
  return dial.callReading(document, dialer, state, party, (view) => view);
}

/** The call the dialer shows, or null when `url` is not the RingCentral app or Embeddable. */
export function ringcentralCall(document: Document, url: URL): CallSnapshot | null {
  return readRingCentral(document, url)?.call ?? null;
}

export const ringcentral = dial.dialerAdapter(
  {
    id: 'ringcentral',
    name: 'RingCentral',
    matches: [`https://${HOST}/*`, `https://${EMBEDDABLE.host}${EMBEDDABLE.path}/*`],
  },
  readRingCentral,
);
