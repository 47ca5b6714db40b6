// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../../lib/model';
import { aircall, aircallCall } from '../../../lib/sites/aircall';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { allCases, casesFor, load, parse, type FixtureCase } from './fixtures';

type CallCase = FixtureCase & { call: CallSnapshot | null };
const cases = casesFor('aircall') as CallCase[];
const IN_CALL = new URL('https://phone.aircall.io/incall');

const t = (name: string, body: string, tag = 'div') =>
  `<${tag} data-test="${name}">${body}</${tag}>`;
const header = (...parts: string[]) =>
  t('incall-header', parts.map((p) => t('paragraph-text', p, 'span')).join(''));
const party = (name: string, phone?: string) =>
  t('contact-name', name) + (phone === undefined ? '' : t('participant-phone-number', phone));
const hangUp = t('hangup-button', 'Hang up', 'button');

/** The phone app showing `call` in its main region, and `beside` in an aside. */
function page(call: string, beside = ''): Document {
  return parse(
    '<!DOCTYPE html><html><head><title>Aircall</title></head><body>' +
      `<main>${call}</main><aside>${beside}</aside></body></html>`,
  );
}

describe('aircall fixtures', () => {
  it.each(cases)('$file: contact', (c) => {
    const { document, url } = load(c);
    expect(aircall.detect(document, url)).toEqual(c.expect);
  });

  it.each(cases)('$file: call', (c) => {
    const { document, url } = load(c);
    expect(aircall.detectCall?.(document, url)).toEqual(c.call);
  });

  it('cover every call state', () => {
    const states = new Set(cases.map((c) => c.call?.state));
    expect([...states].sort()).toEqual(['active', 'ended', 'idle', 'ringing']);
  });
});

describe('aircall on other sites’ pages', () => {
  const others = allCases().filter((c) => c.site !== 'aircall');
  it.each(others.map((c) => [`${c.site}/${c.file}`, c] as const))('%s shows no call', (_, c) => {
    const { document, url } = load(c);
    expect(aircall.detectCall?.(document, url)).toBeNull();
    expect(aircallCall(document, IN_CALL)).toEqual({ state: 'idle' });
    expect(aircall.detect(document, IN_CALL)).toBeNull();
  });
});

describe('aircall URLs', () => {
  const doc = page(header('00:42') + party('Jane Doe', '+1 415-555-0142') + hangUp);

  it.each(['https://phone.aircall.io/incall', 'https://phone.aircall.io/?integration=generic'])(
    '%s is the phone',
    (href) => {
      expect(aircallCall(doc, new URL(href))?.state).toBe('active');
    },
  );

  it.each([
    'http://phone.aircall.io/incall',
    'https://phone.aircall.io.evil.example/incall',
    'https://dashboard.aircall.io/',
    'https://example.com/incall',
  ])('%s is not', (href) => {
    expect(aircallCall(doc, new URL(href))).toBeNull();
    expect(aircall.detect(doc, new URL(href))).toBeNull();
  });
});

describe('aircall reading', () => {
  it('a call timer alone is an active call, with no contact to show', () => {
    const doc = page(header('01:02:33'));
    expect(aircallCall(doc, IN_CALL)).toEqual({ state: 'active' });
    expect(aircall.detect(doc, IN_CALL)).toBeNull();
  });

  it('never takes a number from elsewhere on the page for the call', () => {
    const doc = page(
      header('00:42') + t('contact-name', 'Jane Doe') + hangUp,
      '<ul><li>Marco <a href="tel:+390212345678">+39 02 1234 5678</a></li></ul>',
    );
    expect(aircallCall(doc, IN_CALL)).toEqual({ state: 'active', name: 'Jane Doe' });
    expect(aircall.detect(doc, IN_CALL)).toBeNull();
  });

  it('contact names and durations outside a call are no call', () => {
    const doc = page(
      '<h1>Contacts</h1>',
      `${party('Jane Doe', '+1 415-555-0142')}<span>04:12</span>`,
    );
    expect(aircallCall(doc, IN_CALL)).toEqual({ state: 'idle' });
  });

  it('reads the number a tel: link dials when the test id is missing', () => {
    const doc = page(
      header('00:42') +
        t('contact-name', 'Jane Doe') +
        '<a href="tel:%2B14155550142">Call</a>' +
        hangUp,
    );
    expect(aircall.detect(doc, IN_CALL)?.recordId).toBe('+14155550142');
  });

  it('keys the record on the number as shown: with a + only when shown', () => {
    const read = (phone: string) =>
      aircall.detect(page(header('00:42') + party('Jane Doe', phone) + hangUp), IN_CALL)?.recordId;
    expect(read('+1 415-555-0142')).toBe('+14155550142');
    expect(read('(415) 555-0142')).toBe('4155550142');
    expect(read('hidden number')).toBeUndefined();
  });

  it('an incoming call rings until answered; hang-up without a timer is ringing out', () => {
    const pickUp = t('pickup-button', 'Pick up', 'button');
    expect(aircallCall(page(party('Jane Doe') + pickUp + hangUp), IN_CALL)?.state).toBe('ringing');
    expect(aircallCall(page(party('Jane Doe') + hangUp), IN_CALL)?.state).toBe('ringing');
    expect(aircallCall(page(header('Ringing…', '0:03') + hangUp), IN_CALL)?.state).toBe('ringing');
  });

  it('falls back to accessible names when the test ids are missing', () => {
    const doc = page(
      header('00:42') + party('Jane Doe') + '<button aria-label="Unmute">m</button>',
    );
    expect(aircallCall(doc, IN_CALL)?.state).toBe('active');
  });

  it('a call still on is never read as ended', () => {
    const doc = page(header('Call ended', '00:42') + party('Jane Doe') + hangUp);
    expect(aircallCall(doc, IN_CALL)?.state).toBe('active');
  });

  it('gives markup back as literal, capped text and never returns undefined keys', () => {
    const long = 'Bartholomew '.repeat(40);
    const doc = page(
      header('00:42') +
        party(`&lt;b&gt;Eve&lt;/b&gt; <i>O'Neil</i> ${long}`, '+1 415-555-0142') +
        hangUp,
    );
    const snapshot = aircall.detect(doc, IN_CALL);
    expect(snapshot?.name.startsWith("<b>Eve</b> O'Neil Bartholomew")).toBe(true);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(Object.values(snapshot ?? {})).not.toContain(undefined);
    expect(Object.values(aircallCall(doc, IN_CALL) ?? {})).not.toContain(undefined);
  });
});
