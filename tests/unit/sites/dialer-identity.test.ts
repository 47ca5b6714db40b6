// @vitest-environment happy-dom
// Who is on a web dialer's call, and in what state: the cases of issue 13 that named the wrong
// person (a recents heading, the rep's own number, a hidden earlier call), found nobody (Aircall
// Workspace) or called a live call "ringing". Each failed before the dialers read roles.
import { describe, expect, it } from 'vitest';
import { aircall, aircallCall } from '../../../lib/sites/aircall';
import { dialpad, dialpadCall } from '../../../lib/sites/dialpad';
import { justcall, justcallCall } from '../../../lib/sites/justcall';
import { ringcentral } from '../../../lib/sites/ringcentral';
import { parse } from './fixtures';

const AIRCALL = new URL('https://phone.aircall.io/incall');
const WORKSPACE = new URL('https://workspace.aircall.io/inbox');
const DIALPAD = new URL('https://dialpad.com/app/call/5712349001');
const JUSTCALL = new URL('https://app.justcall.io/dialer');
const RINGCENTRAL = new URL('https://app.ringcentral.com/contacts/all');

const html = (title: string, body: string) =>
  parse(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`);

const t = (name: string, body: string, tag = 'div') =>
  `<${tag} data-test="${name}">${body}</${tag}>`;
/** An Aircall phone call: header pieces, the party's slots, and buttons. */
const aircallView = (header: string[], name: string, phone: string, buttons: string) =>
  t('incall-header', header.map((h) => t('paragraph-text', h, 'span')).join('')) +
  t('contact-name', name) +
  (phone ? t('participant-phone-number', phone) : '') +
  buttons;
const hangUp = t('hangup-button', 'Hang up', 'button');
const hold = t('action-hold', 'Hold', 'button');
const mute = t('action-mute', 'Mute', 'button');

const qa = (name: string, body: string, tag = 'div') =>
  `<${tag} data-qa="${name}">${body}</${tag}>`;
const callbox = (title: string, status: string) =>
  qa(
    'dt-recipe-callbox',
    qa('dt-recipe-callbox--title', title, 'span') +
      qa('dt-recipe-callbox--subtitle-wrapper', status) +
      '<button aria-label="hang call">x</button>',
  );
const callbar = (holdAttributes = '') =>
  `<div><button class="dt-recipe-callbar-button" aria-label="Mute">Mute</button>` +
  `<button class="dt-recipe-callbar-button" aria-label="Hold" ${holdAttributes}>Hold</button></div>`;

describe('a live call is active, not ringing', () => {
  it('Aircall: a running time and Hold beside a stale "Calling…" label', () => {
    const doc = html(
      'Aircall',
      `<main>${aircallView(['Calling…', '00:42'], 'Jane Doe', '+1 415-555-0142', mute + hold + hangUp)}</main>`,
    );
    expect(aircallCall(doc, AIRCALL)?.state).toBe('active');
  });

  it('Aircall: Hold at hand with no time shown yet is a connected call', () => {
    const doc = html(
      'Aircall',
      `<main>${aircallView([], 'Jane Doe', '+1 415-555-0142', hold + hangUp)}</main>`,
    );
    expect(aircallCall(doc, AIRCALL)?.state).toBe('active');
  });

  it('Aircall: ringing out (hang-up and mute only) still rings', () => {
    const doc = html(
      'Aircall',
      `<main>${aircallView(['Calling…'], 'Jane Doe', '+1 415-555-0142', mute + hangUp)}</main>`,
    );
    expect(aircallCall(doc, AIRCALL)?.state).toBe('ringing');
  });

  it('Dialpad: the callbox time and an enabled Hold beside a stale "Calling…" status', () => {
    const doc = html(
      'Dialpad',
      `<nav>${callbox('Jane Doe', '<span>00:42</span>')}</nav>` +
        `<main><div role="status">Calling…</div>${callbar()}</main>`,
    );
    expect(dialpadCall(doc, DIALPAD)?.state).toBe('active');
  });

  it('Dialpad: "Calling from" the rep\'s line is no ringing, and its number is not the caller\'s', () => {
    const doc = html(
      'Dialpad',
      `<nav>${callbox('Jane Doe', '<span>Calling from (415) 555-0100</span>')}</nav>` +
        `<main>${callbar()}</main>`,
    );
    expect(dialpadCall(doc, DIALPAD)).toEqual({ state: 'active', name: 'Jane Doe' });
    expect(dialpad.detect(doc, DIALPAD)).toBeNull();
  });

  it('Dialpad: a disabled Hold while ringing out says nothing', () => {
    const doc = html(
      'Dialpad',
      `<nav>${callbox('(415) 555-0199', '<span>Calling…</span>')}</nav>` +
        `<main>${callbar('disabled')}</main>`,
    );
    expect(dialpadCall(doc, DIALPAD)?.state).toBe('ringing');
  });

  it.each([
    ['Wählt…', 'Anruf beendet'],
    ['Llamando…', 'Llamada finalizada'],
    ['Sonnerie…', 'Appel terminé'],
  ])('RingCentral: "%s" rings and "%s" ends, in the rep\'s language', (ringing, ended) => {
    const id = (name: string, body: string, tag = 'div') =>
      `<${tag} data-test-automation-id="${name}">${body}</${tag}>`;
    const dialer = (title: string, buttons: string) =>
      html(
        'RingCentral',
        id(
          'dialer-container',
          id('telephony-dialer-title-left', title) +
            id('telephony-dialer-header-name', 'Jane Doe') +
            id('telephony-dialer-header-phone', '+1 (415) 555-0142') +
            buttons,
        ),
      );
    const end = id('telephony-end-btn', 'End', 'button');
    expect(ringcentral.detectCall?.(dialer(ringing, end), RINGCENTRAL)?.state).toBe('ringing');
    expect(ringcentral.detectCall?.(dialer(ended, ''), RINGCENTRAL)?.state).toBe('ended');
  });
});

describe('only what the rep sees is read', () => {
  it.each([
    ['hidden', '<main hidden>'],
    ['display:none', '<main style="display:none">'],
    ['aria-hidden', '<main aria-hidden="true">'],
  ])('a %s earlier call view is never the call', (_, open) => {
    const earlier = aircallView(['04:12'], 'Marco Rossi', '+39 02 1234 5678', mute + hold + hangUp);
    const current = aircallView(['00:42'], 'Jane Doe', '+1 415-555-0142', mute + hold + hangUp);
    const doc = html('Aircall', `${open}${earlier}</main><main>${current}</main>`);
    expect(aircall.detect(doc, AIRCALL)).toMatchObject({
      name: 'Jane Doe',
      phone: '+1 415-555-0142',
    });
  });
});

describe('a recents list, a heading or the rep is never the caller', () => {
  it('JustCall: the recent-calls panel\'s heading "Recent" is not the caller', () => {
    const doc = html(
      'JustCall',
      '<div><section><h2>Recent</h2><ul><li>Aiko Tanaka <a href="tel:+81355501234">+81 3-5550-1234</a></li></ul></section>' +
        '<div><span role="timer">00:42</span><a href="tel:+14155550142">+1 415-555-0142</a>' +
        '<button aria-label="Hold">Hold</button><button aria-label="End call">End</button></div></div>',
    );
    expect(justcallCall(doc, JUSTCALL)).toEqual({ state: 'active', phone: '+1 415-555-0142' });
    expect(justcall.detect(doc, JUSTCALL)).toMatchObject({
      name: '+1 415-555-0142',
      others: [{ name: 'Aiko Tanaka', phone: '+81 3-5550-1234', role: 'recent' }],
    });
  });

  it.each(['Zuletzt', 'Récents', 'Recientes', 'Contacts', 'Loading…'])(
    'Aircall: "%s" in the name slot is no name',
    (word) => {
      const doc = html(
        'Aircall',
        `<main>${aircallView(['00:42'], word, '+1 415-555-0142', hold + hangUp)}</main>`,
      );
      expect(aircall.detect(doc, AIRCALL)?.name).toBe('+1 415-555-0142');
    },
  );

  it("Aircall: a number captioned as the rep's own is not the caller's", () => {
    const doc = html(
      'Aircall',
      `<main>${aircallView(['00:42'], 'Jane Doe', '', hold + hangUp)}` +
        '<div>Your number</div><a href="tel:+14155550100">+1 415-555-0100</a></main>',
    );
    expect(aircallCall(doc, AIRCALL)).toEqual({ state: 'active', name: 'Jane Doe' });
    expect(aircall.detect(doc, AIRCALL)).toBeNull();
  });

  it("JustCall: the rep's number in the app header is not the caller's", () => {
    const doc = html(
      'JustCall',
      '<header><span>Sam Rivera</span> <a href="tel:+14155550100">+1 415-555-0100</a></header>' +
        '<div><span role="timer">00:42</span><button aria-label="Hold">Hold</button>' +
        '<button aria-label="End call">End</button></div>',
    );
    expect(justcallCall(doc, JUSTCALL)).toEqual({ state: 'active' });
    expect(justcall.detect(doc, JUSTCALL)).toBeNull();
  });
});

describe('values, not captions', () => {
  it.each([
    'Phone number +1 415-555-0142',
    'Telefonnummer: +1 415-555-0142',
    'Teléfono +1 415-555-0142',
  ])('Aircall: a number slot holding its caption ("%s") gives the number', (shown) => {
    const doc = html(
      'Aircall',
      `<main>${aircallView(['00:42'], 'Jane Doe', shown, hold + hangUp)}</main>`,
    );
    expect(aircall.detect(doc, AIRCALL)?.phone).toBe('+1 415-555-0142');
  });
});

describe('Aircall Workspace', () => {
  const workspace = (extra = '') =>
    html(
      'Aircall Workspace',
      '<main><section aria-label="Ongoing call"><span role="timer">03:17</span>' +
        '<h1>Priya Natarajan</h1><p><a href="tel:+442079460123">+44 20 7946 0123</a></p>' +
        `${extra}<button aria-label="Hold">h</button><button aria-label="Hang up">x</button>` +
        '</section></main>',
    );

  it('finds the person its in-call screen plainly shows', () => {
    expect(aircall.detect(workspace(), WORKSPACE)).toEqual({
      site: 'aircall',
      recordId: '+442079460123',
      url: WORKSPACE.href,
      name: 'Priya Natarajan',
      phone: '+44 20 7946 0123',
      evidence: { signals: ['record-url', 'call-party'], confidence: 'sure' },
    });
    expect(aircall.matches).toContain('https://workspace.aircall.io/*');
  });

  it("asks first when it shows the rep's own line without its number", () => {
    const snapshot = aircall.detect(
      workspace('<p>Calling from <span>Sales UK</span></p>'),
      WORKSPACE,
    );
    expect(snapshot?.name).toBe('Priya Natarajan');
    expect(snapshot?.evidence?.confidence).toBe('unsure');
    expect(snapshot?.evidence?.doubt).toMatch(/your own line/);
  });

  it('a page that does not name itself Aircall shows no call', () => {
    const doc = workspace();
    doc.title = 'Other app';
    expect(aircallCall(doc, WORKSPACE)).toEqual({ state: 'idle' });
  });
});

describe('evidence', () => {
  it('Dialpad: one number under two names asks first', () => {
    const doc = html(
      'Dialpad',
      `<nav>${callbox('Jane Doe', '<span>00:42</span> <span>+1 415-555-0142</span>')}</nav>` +
        '<main>' +
        qa(
          'contact-info',
          qa('contact-info-header', 'Janet Dough') + qa('contact-info-subtitle', '+1 415-555-0142'),
        ) +
        `${callbar()}</main>`,
    );
    const snapshot = dialpad.detect(doc, DIALPAD);
    expect(snapshot).toMatchObject({ name: 'Jane Doe', phone: '+1 415-555-0142' });
    expect(snapshot?.evidence).toMatchObject({ confidence: 'unsure' });
    expect(snapshot?.evidence?.doubt).toContain('Janet Dough');
  });
});
