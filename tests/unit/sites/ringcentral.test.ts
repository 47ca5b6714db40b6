// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../../../lib/model';
import { MAX_TEXT } from '../../../lib/sites/read-page';
import { ringcentral, ringcentralCall } from '../../../lib/sites/ringcentral';
import { allCases, casesFor, load, parse, type FixtureCase } from './fixtures';

type CallCase = FixtureCase & { call: CallSnapshot | null };
const cases = casesFor('ringcentral') as CallCase[];
const URL_IN_APP = new URL('https://app.ringcentral.com/messages/94011');

const auto = (id: string, body: string, attrs = '') =>
  `<div data-test-automation-id="${id}" ${attrs}>${body}</div>`;

/** The app with the dialer holding `body`, and `beside` elsewhere on the page. */
function page(body: string, beside = ''): Document {
  return parse(
    '<!DOCTYPE html><html><head><title>RingCentral</title></head><body>' +
      `<main>${beside}</main><div role="dialog">${auto('dialer-container', body)}</div>` +
      '</body></html>',
  );
}

const title = (text: string) =>
  auto('telephony-dialer-title', auto('telephony-dialer-title-left', text));
const header = (name: string, phone?: string) =>
  auto(
    'telephony-dialer-header',
    auto('telephony-dialer-header-name', name) +
      (phone === undefined ? '' : auto('telephony-dialer-header-phone', phone)),
  );
const endButton =
  '<button data-test-automation-id="telephony-end-btn" aria-label="End call">End</button>';

describe('ringcentral fixtures', () => {
  it.each(cases)('$file: contact', (c) => {
    const { document, url } = load(c);
    expect(ringcentral.detect(document, url)).toEqual(c.expect);
  });

  it.each(cases)('$file: call', (c) => {
    const { document, url } = load(c);
    expect(ringcentral.detectCall?.(document, url)).toEqual(c.call);
  });

  it('cover every call state', () => {
    const states = new Set(cases.map((c) => c.call?.state));
    expect([...states].sort()).toEqual(['active', 'ended', 'idle', 'ringing']);
  });
});

describe('ringcentral on other sites’ pages', () => {
  const others = allCases().filter((c) => c.site !== 'ringcentral');
  it.each(others.map((c) => [`${c.site}/${c.file}`, c] as const))('%s shows no call', (_, c) => {
    const { document, url } = load(c);
    expect(ringcentral.detectCall?.(document, url)).toBeNull();
    expect(ringcentralCall(document, URL_IN_APP)).toEqual({ state: 'idle' });
    expect(ringcentral.detect(document, URL_IN_APP)).toBeNull();
  });
});

describe('ringcentral URLs', () => {
  const doc = page(title('00:42') + header('Jane Doe', '+1 (415) 555-0142') + endButton);

  it.each(['https://app.ringcentral.com/', 'https://app.ringcentral.com/contacts/all?filter=a#x'])(
    '%s is the app',
    (href) => {
      expect(ringcentralCall(doc, new URL(href))?.state).toBe('active');
    },
  );

  it.each([
    'http://app.ringcentral.com/messages/1',
    'https://app.ringcentral.com.evil.example/messages/1',
    'https://service.ringcentral.com/',
    'https://example.com/messages/1',
  ])('%s is not', (href) => {
    expect(ringcentralCall(doc, new URL(href))).toBeNull();
    expect(ringcentral.detect(doc, new URL(href))).toBeNull();
  });

  it('points the snapshot at the page it was read on', () => {
    expect(ringcentral.detect(doc, URL_IN_APP)?.url).toBe(URL_IN_APP.href);
  });
});

describe('ringcentral reading', () => {
  it('a call time alone is an active call, with no contact to show', () => {
    const doc = page(title('<span aria-hidden="true">●</span>12:07'));
    expect(ringcentralCall(doc, URL_IN_APP)).toEqual({ state: 'active' });
    expect(ringcentral.detect(doc, URL_IN_APP)).toBeNull();
  });

  it('never takes a number from elsewhere on the page for the call', () => {
    const doc = page(
      title('00:42') + header('Jane Doe') + endButton,
      '<ul><li>Marco <a href="tel:+390212345678">+39 02 1234 5678</a></li></ul>',
    );
    expect(ringcentralCall(doc, URL_IN_APP)).toEqual({ state: 'active', name: 'Jane Doe' });
    expect(ringcentral.detect(doc, URL_IN_APP)).toBeNull();
  });

  it('durations in the call history are no call', () => {
    const doc = page(
      title('Dialer') + '<input placeholder="Enter a name or number">',
      '<ul><li>Jane Doe +1 (415) 555-0142 <span>04:12</span></li></ul>',
    );
    expect(ringcentralCall(doc, URL_IN_APP)).toEqual({ state: 'idle' });
  });

  it('an unknown caller is named by the number', () => {
    const doc = page(title('Incoming Call') + header('Unknown Caller', '(415) 555-0199'));
    const answer = '<button data-test-automation-id="telephony-answer-btn">Answer</button>';
    const ringing = page(
      title('Incoming Call') + header('Unknown Caller', '(415) 555-0199') + answer,
    );
    expect(ringcentralCall(doc, URL_IN_APP)?.name).toBeUndefined();
    expect(ringcentral.detect(ringing, URL_IN_APP)).toEqual({
      site: 'ringcentral',
      recordId: '4155550199',
      url: URL_IN_APP.href,
      name: '(415) 555-0199',
      phone: '(415) 555-0199',
      evidence: { signals: ['record-url', 'call-party'], confidence: 'sure' },
    });
  });

  it('keys the record on the number, whatever its formatting or extension', () => {
    const read = (phone: string) =>
      ringcentral.detect(page(title('00:42') + header('Jane Doe', phone) + endButton), URL_IN_APP)
        ?.recordId;
    expect(read('+1 (415) 555-0142')).toBe('+14155550142');
    expect(read('+1.415.555.0142')).toBe('+14155550142');
    expect(read('+1 415-555-0142 ext. 12')).toBe('+14155550142');
    expect(read('Ext. 101')).toBeUndefined();
  });

  it('falls back to accessible names when the automation ids are missing', () => {
    const doc = page(
      title('') +
        header('Jane Doe', '+1 (415) 555-0142') +
        '<button aria-label="End call">x</button>',
    );
    expect(ringcentralCall(doc, URL_IN_APP)?.state).toBe('ringing');
    const held = page(
      title('') + header('Jane Doe') + '<button aria-label="Resume the call">x</button>',
    );
    expect(ringcentralCall(held, URL_IN_APP)?.state).toBe('active');
  });

  it('a call still on is never read as ended', () => {
    const doc = page(title('Call ended') + header('Jane Doe', '+1 (415) 555-0142') + endButton);
    expect(ringcentralCall(doc, URL_IN_APP)?.state).not.toBe('ended');
  });

  it('gives markup back as literal, capped text and never returns undefined keys', () => {
    const long = 'Bartholomew '.repeat(40);
    const doc = page(
      title('00:42') +
        header(`&lt;b&gt;Eve&lt;/b&gt; <i>O'Neil</i> ${long}`, '+1 (415) 555-0142') +
        endButton,
    );
    const snapshot = ringcentral.detect(doc, URL_IN_APP);
    expect(snapshot?.name.startsWith("<b>Eve</b> O'Neil Bartholomew")).toBe(true);
    expect(snapshot?.name.length).toBeLessThanOrEqual(MAX_TEXT);
    expect(Object.values(snapshot ?? {})).not.toContain(undefined);
    expect(Object.values(ringcentralCall(doc, URL_IN_APP) ?? {})).not.toContain(undefined);
  });
});
