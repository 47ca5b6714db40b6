// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../../lib/model';
import { dialpad, dialpadCall } from '../../../lib/sites/dialpad';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { adapterFor } from '../../../lib/sites/registry';
import { allCases, casesFor, load, parse, type FixtureCase } from './fixtures';

type CallCase = FixtureCase & { call: CallSnapshot | null };
const cases = casesFor('dialpad') as CallCase[];
const IN_APP = new URL('https://dialpad.com/app/call/5712349001');

const qa = (name: string, body: string, tag = 'div') =>
  `<${tag} data-qa="${name}">${body}</${tag}>`;
const button = (label: string, callbar = false) =>
  `<button class="d-btn${callbar ? ' dt-recipe-callbar-button' : ''}" aria-label="${label}">${label}</button>`;

/** The left-bar callbox: title, status pieces, buttons. */
const callbox = (title: string, status: string[], buttons = '') =>
  qa(
    'dt-recipe-callbox',
    qa('dt-recipe-callbox--title', title, 'span') +
      qa('dt-recipe-callbox--subtitle-wrapper', status.map((s) => `<span>${s}</span>`).join(' ')) +
      buttons,
  );

/** The call view: contact info and the call bar. */
const callView = (name: string, subtitle: string, extra = '') =>
  qa('contact-info', qa('contact-info-header', name) + qa('contact-info-subtitle', subtitle)) +
  `<div>${button('Mute', true)}${button('Hold', true)}${extra}</div>`;

function page(nav: string, main: string): Document {
  return parse(
    '<!DOCTYPE html><html><head><title>Dialpad</title></head><body>' +
      `<nav>${nav}</nav><main>${main}</main></body></html>`,
  );
}

describe('dialpad fixtures', () => {
  it.each(cases)('$file: contact', (c) => {
    const { document, url } = load(c);
    expect(dialpad.detect(document, url)).toEqual(c.expect);
  });

  it.each(cases)('$file: call', (c) => {
    const { document, url } = load(c);
    expect(dialpad.detectCall?.(document, url)).toEqual(c.call);
  });

  it('cover every call state', () => {
    const states = new Set(cases.map((c) => c.call?.state));
    expect([...states].sort()).toEqual(['active', 'ended', 'idle', 'ringing']);
  });
});

describe('dialpad on other sites’ pages', () => {
  const others = allCases().filter((c) => c.site !== 'dialpad');
  it.each(others.map((c) => [`${c.site}/${c.file}`, c] as const))('%s shows no call', (_, c) => {
    const { document, url } = load(c);
    expect(dialpad.detectCall?.(document, url)).toBeNull();
    expect(dialpadCall(document, IN_APP)).toEqual({ state: 'idle' });
    expect(dialpad.detect(document, IN_APP)).toBeNull();
  });
});

describe('dialpad URLs', () => {
  const doc = page(callbox('Jane Doe', ['00:42'], button('hang call')), '');

  it.each([
    'https://dialpad.com/app',
    'https://dialpad.com/app?launch=1',
    'https://dialpad.com/app/calls/new?to=%2B14155550142',
  ])('%s is the app, and the site Dialpad covers', (href) => {
    expect(dialpadCall(doc, new URL(href))?.state).toBe('active');
    expect(adapterFor(new URL(href))?.id).toBe('dialpad');
  });

  it.each([
    'https://dialpad.com/',
    'https://dialpad.com/apps/123',
    'https://dialpad.com/meetings/abc',
    'http://dialpad.com/app/call/1',
    'https://dialpad.com.evil.example/app/call/1',
    'https://example.com/app/call/1',
  ])('%s is not', (href) => {
    expect(adapterFor(new URL(href))?.id).not.toBe('dialpad');
    expect(dialpadCall(doc, new URL(href))).toBeNull();
    expect(dialpad.detect(doc, new URL(href))).toBeNull();
  });
});

describe('dialpad reading', () => {
  it('a running time alone is an active call, with no contact to show', () => {
    const doc = page(
      qa('dt-recipe-callbox', qa('dt-recipe-callbox--subtitle-wrapper', '<span>06:01</span>')),
      '',
    );
    expect(dialpadCall(doc, IN_APP)).toEqual({ state: 'active' });
    expect(dialpad.detect(doc, IN_APP)).toBeNull();
  });

  it('never takes a number from a contact list for the call', () => {
    const contacts = qa(
      'contact-info',
      qa('contact-info-header', 'Aiko Tanaka') + qa('contact-info-subtitle', '+81 3-5550-1234'),
    );
    const doc = page(
      callbox('Jane Doe', ['00:42'], button('hang call')) + contacts,
      '<h1>Inbox</h1>',
    );
    expect(dialpadCall(doc, IN_APP)).toEqual({ state: 'active', name: 'Jane Doe' });
    expect(dialpad.detect(doc, IN_APP)).toBeNull();
  });

  it('takes the number from the call view next to the callbox', () => {
    const doc = page(
      callbox('Jane Doe', ['00:42'], button('hang call')),
      callView('Jane Doe', '<span>+1 415-555-0142</span> · <span>Northwind</span>'),
    );
    expect(dialpad.detect(doc, IN_APP)).toEqual({
      site: 'dialpad',
      recordId: '+14155550142',
      url: IN_APP.href,
      name: 'Jane Doe',
      phone: '+1 415-555-0142',
      evidence: { signals: ['record-url', 'call-party'], confidence: 'sure' },
    });
  });

  it('a number with no contact names the call', () => {
    const doc = page(callbox('Unknown', ['Calling…', '(415) 555-0199'], button('hang call')), '');
    expect(dialpadCall(doc, IN_APP)).toEqual({ state: 'ringing', phone: '(415) 555-0199' });
    expect(dialpad.detect(doc, IN_APP)?.recordId).toBe('4155550199');
  });

  it('history durations and numbers are no call', () => {
    const doc = page(
      '',
      '<ul><li>Jane Doe <a href="tel:+14155550142">+1 415-555-0142</a> <span>04:12</span></li></ul>',
    );
    expect(dialpadCall(doc, IN_APP)).toEqual({ state: 'idle' });
  });

  it('an incoming call rings until answered', () => {
    const doc = page(
      callbox('Jane Doe', ['Incoming call'], button('Decline') + button('Answer')),
      '',
    );
    expect(dialpadCall(doc, IN_APP)?.state).toBe('ringing');
  });

  it('a call still on is never read as ended', () => {
    const doc = page(callbox('Jane Doe', ['Call ended', '00:42'], button('hang call')), '');
    expect(dialpadCall(doc, IN_APP)?.state).toBe('active');
  });

  it('gives markup back as literal, capped text and never returns undefined keys', () => {
    const long = 'Bartholomew '.repeat(40);
    const doc = page(
      callbox(
        `&lt;b&gt;Eve&lt;/b&gt; <i>O'Neil</i> ${long}`,
        ['00:42', '+1 415-555-0142'],
        button('hang call'),
      ),
      callView('Eve', '+1 415-555-0142'),
    );
    const snapshot = dialpad.detect(doc, IN_APP);
    expect(snapshot?.name.startsWith("<b>Eve</b> O'Neil Bartholomew")).toBe(true);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(Object.values(snapshot ?? {})).not.toContain(undefined);
    expect(Object.values(dialpadCall(doc, IN_APP) ?? {})).not.toContain(undefined);
  });

  it('never gives a call the number of another call’s view', () => {
    const doc = page(
      callbox('Eve Park', ['Incoming call'], button('Decline') + button('Answer')),
      callView('Jane Doe', '+1 415-555-0142'),
    );
    // The callbox's caller shows no number: fewer fields (so no contact), never Jane's number.
    expect(dialpadCall(doc, IN_APP)).toEqual({ state: 'ringing', name: 'Eve Park' });
    expect(dialpad.detect(doc, IN_APP)).toBeNull();
  });

  it('keeps the callbox’s own caller when a view of another call disagrees', () => {
    const doc = page(
      callbox('Eve Park', ['Incoming call', '+44 20 7946 0958'], button('Answer')),
      callView('Jane Doe', '+1 415-555-0142'),
    );
    expect(dialpad.detect(doc, IN_APP)).toMatchObject({
      name: 'Eve Park',
      phone: '+44 20 7946 0958',
    });
  });

  it('never joins a name and a number that disagree on the number', () => {
    const doc = page(
      callbox('Jane Doe', ['00:42', '+1 415-555-0100'], button('hang call')),
      callView('Jane Doe', '+1 415-555-0142'),
    );
    expect(dialpad.detect(doc, IN_APP)?.phone).toBe('+1 415-555-0100');
  });

  it('joins callbox and view when they show the same number', () => {
    const doc = page(
      callbox('(415) 555-0142', ['Calling…'], button('hang call')),
      callView('Jane Doe', '+1 (415) 555-0142'),
    );
    expect(dialpad.detect(doc, IN_APP)).toMatchObject({
      name: 'Jane Doe',
      phone: '+1 (415) 555-0142',
    });
  });

  it('reads the call view alone when the callbox shows no one', () => {
    const doc = page(
      qa('dt-recipe-callbox', qa('dt-recipe-callbox--subtitle-wrapper', '<span>06:01</span>')),
      callView('Jane Doe', '+1 415-555-0142'),
    );
    expect(dialpad.detect(doc, IN_APP)).toMatchObject({
      name: 'Jane Doe',
      phone: '+1 415-555-0142',
    });
  });
});
